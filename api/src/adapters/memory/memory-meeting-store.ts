// An in-memory MeetingStore with the same concurrency contract as Table Storage: an etag per
// meeting, all-or-nothing commits, duplicate command ids refused. For tests and fault injection.
import type { ParticipationRecord } from '@roundtable/core';
import {
  DependencyUnavailableError,
  DuplicateCommandError,
  StoreConflictError,
} from '../../application/errors.js';
import type {
  CommandOutcome,
  IdleSession,
  MeetingCommit,
  MeetingStore,
  SessionClosing,
  StoredMeeting,
} from '../../application/ports.js';
import { MemoryCarriedSets, type Partition, type SessionRows } from './memory-meeting-rows.js';

export class MemoryMeetingStore implements MeetingStore {
  private readonly partitions = new Map<string, Partition>();
  private readonly carriedSets = new MemoryCarriedSets();
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
      const session = commit.next.state.session;
      const rows = partition?.sessions.get(session);
      const key = (participantId: string, commandId: string) => `${participantId}/${commandId}`;
      const ids = new Set(commit.commands.map((c) => key(c.participantId, c.commandId)));
      if (ids.size !== commit.commands.length) {
        // Table Storage refuses a transaction that touches one row twice; so does this store.
        throw new Error('A commit named the same command id twice.');
      }
      const repeated = commit.commands.filter((c) =>
        rows?.outcomes.has(key(c.participantId, c.commandId)),
      );
      if (repeated.length > 0) throw new DuplicateCommandError(repeated.map((c) => c.commandId));
      if (commit.closing !== undefined && rows?.closing) {
        throw new StoreConflictError('The session was closed already.');
      }
      this.carriedSets.check(commit);
      const meeting: StoredMeeting = structuredClone({
        ...commit.next,
        etag: `W/"${++this.etagCounter}"`,
      });
      const next: Partition = partition ?? { meeting, sessions: new Map() };
      next.meeting = meeting;
      this.carriedSets.apply(commit);
      const target: SessionRows = rows ?? { outcomes: new Map(), records: [], closing: null };
      for (const c of commit.commands)
        target.outcomes.set(key(c.participantId, c.commandId), c.outcome);
      if (commit.records.length > 0) {
        const records = structuredClone([...commit.records]);
        target.records.push({ committedAt: commit.next.lastActiveAt, records });
      }
      if (commit.closing !== undefined) target.closing = structuredClone(commit.closing);
      next.sessions.set(session, target);
      this.partitions.set(commit.meetingKey, next);
      return structuredClone(meeting);
    });
  }

  findOutcomes(
    meetingKey: string,
    session: number,
    participantId: string,
    commandIds: readonly string[],
  ): Promise<Map<string, CommandOutcome>> {
    return this.run(() => {
      const outcomes = this.rowsOf(meetingKey, session)?.outcomes;
      const found = new Map<string, CommandOutcome>();
      for (const commandId of commandIds) {
        const outcome = outcomes?.get(`${participantId}/${commandId}`);
        if (outcome) found.set(commandId, outcome);
      }
      return found;
    });
  }

  records(meetingKey: string, session: number): Promise<ParticipationRecord[]> {
    return this.run(() =>
      structuredClone(
        (this.rowsOf(meetingKey, session)?.records ?? []).flatMap((batch) => batch.records),
      ),
    );
  }

  carried = (key: string) => this.run(() => this.carriedSets.get(key));
  purgeCarriedBefore = (now: number) => this.run(() => this.carriedSets.purgeBefore(now));
  dropCarried = (key: string) => this.run(() => this.carriedSets.drop(key));

  closing(meetingKey: string, session: number): Promise<SessionClosing | null> {
    return this.run(() => structuredClone(this.rowsOf(meetingKey, session)?.closing ?? null));
  }

  purgeSession(meetingKey: string, session: number): Promise<number> {
    return this.run(() => {
      const rows = this.rowsOf(meetingKey, session);
      if (rows === undefined) return 0;
      this.partitions.get(meetingKey)?.sessions.delete(session);
      return rows.outcomes.size + rows.records.length + (rows.closing === null ? 0 : 1);
    });
  }

  ping(): Promise<void> {
    return this.run(() => undefined);
  }

  purgeEndedBefore(before: number): Promise<number> {
    return this.run(() => {
      let rows = 0;
      for (const [meetingKey, partition] of this.partitions) {
        const { meeting } = partition;
        if (meeting.state.phase !== 'ended' || meeting.lastActiveAt >= before) continue;
        this.partitions.delete(meetingKey);
        rows += 1 + this.carriedSets.drop(meetingKey);
        for (const session of partition.sessions.values()) {
          rows += session.outcomes.size + session.records.length + (session.closing ? 1 : 0);
        }
      }
      return rows;
    });
  }

  purgeRecordsBefore(before: number): Promise<number> {
    return this.run(() => {
      let purged = 0;
      for (const partition of this.partitions.values()) {
        for (const rows of partition.sessions.values()) {
          const kept = rows.records.filter((batch) => batch.committedAt >= before);
          purged += rows.records.length - kept.length;
          rows.records = kept;
        }
      }
      return purged;
    });
  }

  idleSessions(before: number): Promise<IdleSession[]> {
    return this.run(() =>
      [...this.partitions]
        .filter(
          ([, { meeting }]) => meeting.state.phase === 'live' && meeting.lastActiveAt < before,
        )
        .map(([meetingKey, { meeting }]) => ({ meetingKey, session: meeting.state.session })),
    );
  }

  unfinishedSessions(before: number): Promise<IdleSession[]> {
    return this.run(() =>
      [...this.partitions].flatMap(([meetingKey, partition]) =>
        [...partition.sessions.values()].flatMap(({ closing }) =>
          closing !== null && closing.endedAt < before
            ? [{ meetingKey, session: closing.session }]
            : [],
        ),
      ),
    );
  }

  private rowsOf(meetingKey: string, session: number): SessionRows | undefined {
    return this.partitions.get(meetingKey)?.sessions.get(session);
  }

  private run<T>(operation: () => T): Promise<T> {
    this.operations += 1;
    if (this.unavailable) {
      return Promise.reject(
        new DependencyUnavailableError('storage', 'Storage is not reachable right now.'),
      );
    }
    // A microtask boundary, as with a real network call, so interleavings can happen.
    return Promise.resolve().then(operation);
  }
}
