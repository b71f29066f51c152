// An in-memory MeetingStore with the same concurrency contract as Table Storage: an etag per
// meeting, all-or-nothing commits, duplicate command ids refused. For tests and fault injection.
import type { ParticipationRecord } from '@roundtable/core';
import {
  DependencyUnavailableError,
  DuplicateCommandError,
  StoreConflictError,
} from '../application/errors.js';
import type {
  CommandOutcome,
  MeetingCommit,
  MeetingStore,
  StoredMeeting,
} from '../application/ports.js';

interface Partition {
  meeting: StoredMeeting;
  outcomes: Map<string, CommandOutcome>;
  /** One batch per commit with records, as Table Storage keeps one row per commit. */
  records: { committedAt: number; records: ParticipationRecord[] }[];
}

export class MemoryMeetingStore implements MeetingStore {
  private readonly partitions = new Map<string, Partition>();
  private etagCounter = 0;
  /** Set to make every call fail as if storage were unreachable. */
  unavailable = false;
  /** Storage operations performed, for tests that count them. */
  operations = 0;

  load(meetingKey: string): Promise<StoredMeeting | null> {
    return this.run(() => structuredClone(this.partitions.get(meetingKey)?.meeting ?? null));
  }

  commit(commit: MeetingCommit): Promise<StoredMeeting> {
    return this.run(() => {
      const partition = this.partitions.get(commit.meetingKey);
      if (
        commit.expected === null
          ? partition !== undefined
          : partition?.meeting.etag !== commit.expected.etag
      ) {
        throw new StoreConflictError('The meeting changed since it was read.');
      }
      const key = (participantId: string, commandId: string) => `${participantId}/${commandId}`;
      const ids = new Set(commit.commands.map((c) => key(c.participantId, c.commandId)));
      if (ids.size !== commit.commands.length) {
        // Table Storage refuses a transaction that touches one row twice; so does this store.
        throw new Error('A commit named the same command id twice.');
      }
      const repeated = commit.commands.filter((c) =>
        partition?.outcomes.has(key(c.participantId, c.commandId)),
      );
      if (repeated.length > 0) throw new DuplicateCommandError(repeated.map((c) => c.commandId));
      const meeting: StoredMeeting = structuredClone({
        ...commit.next,
        etag: `W/"${++this.etagCounter}"`,
      });
      const next: Partition = partition ?? { meeting, outcomes: new Map(), records: [] };
      next.meeting = meeting;
      for (const c of commit.commands)
        next.outcomes.set(key(c.participantId, c.commandId), c.outcome);
      if (commit.records.length > 0) {
        const records = structuredClone([...commit.records]);
        next.records.push({ committedAt: commit.next.lastActiveAt, records });
      }
      this.partitions.set(commit.meetingKey, next);
      return structuredClone(meeting);
    });
  }

  findOutcomes(
    meetingKey: string,
    participantId: string,
    commandIds: readonly string[],
  ): Promise<Map<string, CommandOutcome>> {
    return this.run(() => {
      const outcomes = this.partitions.get(meetingKey)?.outcomes;
      const found = new Map<string, CommandOutcome>();
      for (const commandId of commandIds) {
        const outcome = outcomes?.get(`${participantId}/${commandId}`);
        if (outcome) found.set(commandId, outcome);
      }
      return found;
    });
  }

  records(meetingKey: string): Promise<ParticipationRecord[]> {
    return this.run(() =>
      structuredClone(
        (this.partitions.get(meetingKey)?.records ?? []).flatMap((batch) => batch.records),
      ),
    );
  }

  ping(): Promise<void> {
    return this.run(() => undefined);
  }

  erase(meetingKey: string): Promise<number> {
    return this.run(() => {
      const partition = this.partitions.get(meetingKey);
      if (partition === undefined) return 0;
      this.partitions.delete(meetingKey);
      return 1 + partition.outcomes.size + partition.records.length;
    });
  }

  purgeCommands(meetingKey: string): Promise<number> {
    return this.run(() => {
      const outcomes = this.partitions.get(meetingKey)?.outcomes;
      const count = outcomes?.size ?? 0;
      outcomes?.clear();
      return count;
    });
  }

  purgeRecordsBefore(before: number): Promise<number> {
    return this.run(() => {
      let purged = 0;
      for (const partition of this.partitions.values()) {
        const kept = partition.records.filter((batch) => batch.committedAt >= before);
        purged += partition.records.length - kept.length;
        partition.records = kept;
      }
      return purged;
    });
  }

  idleMeetings(before: number): Promise<string[]> {
    return this.run(() =>
      [...this.partitions]
        .filter(
          ([, { meeting }]) => meeting.state.phase === 'live' && meeting.lastActiveAt < before,
        )
        .map(([meetingKey]) => meetingKey),
    );
  }

  private run<T>(operation: () => T): Promise<T> {
    this.operations += 1;
    if (this.unavailable) {
      return Promise.reject(new DependencyUnavailableError('Storage is not reachable right now.'));
    }
    // A microtask boundary, as with a real network call, so interleavings can happen.
    return Promise.resolve().then(operation);
  }
}
