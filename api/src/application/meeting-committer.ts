// Serialises commands per meeting within this instance and commits them in batches: a burst of
// joins becomes a few transactions instead of a storm of ETag conflicts. Across instances the
// ETag still guards every write; a conflict reloads and decides again, with jittered backoff.
import type {
  MeetingCommand,
  MeetingEvent,
  MeetingState,
  MeetingSettings,
  RandomSource,
} from '@roundtable/core';
import { decide, evolveAll, initialMeetingState } from '@roundtable/core';
import { announcementFor, durableRecords, privateNotices } from './announce.js';
import { DependencyUnavailableError, DuplicateCommandError, StoreConflictError } from './errors.js';
import type {
  Broadcaster,
  Clock,
  CommandOutcome,
  ContactSealer,
  InMeetingNotice,
  InMeetingNotifier,
  MeetingStore,
  Pseudonymiser,
  StoredMeeting,
} from './ports.js';
import { RecentOutcomes } from './recent-outcomes.js';

/** Table transactions hold 100 actions: the state, the records, and up to 98 command ids. */
export const MAX_BATCH = 90;
const MAX_ATTEMPTS = 8;
const MAX_CACHED_MEETINGS = 2_000;

export interface Submission {
  /** null when the system acts (meeting end from Teams, idle timer). */
  readonly participantId: string | null;
  /** The client's idempotency key; null for server-issued commands such as arrival. */
  readonly commandId: string | null;
  readonly command: MeetingCommand;
}

export interface Committed {
  readonly outcome: CommandOutcome;
  readonly meeting: StoredMeeting;
}

interface Pending extends Submission {
  resolve: (result: Committed) => void;
  reject: (error: unknown) => void;
  known?: CommandOutcome;
}

export interface CommitterDependencies {
  readonly store: MeetingStore;
  readonly broadcaster: Broadcaster;
  readonly pseudonyms: Pseudonymiser;
  readonly clock: Clock;
  readonly random: RandomSource;
  readonly settings: Partial<MeetingSettings>;
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * Most commands per transaction (default and ceiling MAX_BATCH). 1 switches coalescing off: the
   * benchmark's baseline for a burst.
   */
  readonly maxBatch?: number;
  /** Teams only: the bot's private in-meeting notices, and the sealer for people's object ids. */
  readonly notices?: { readonly notifier: InMeetingNotifier; readonly contacts: ContactSealer };
}

export class MeetingCommitter {
  /** The last version of each meeting this instance read or wrote, and when. */
  private readonly cache = new Map<string, { meeting: StoredMeeting; at: number }>();
  private readonly queues = new Map<string, Pending[]>();
  private readonly loading = new Map<string, Promise<StoredMeeting>>();
  private readonly recent = new RecentOutcomes();
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxBatch: number;
  /** Commits made and conflicts met, for tests and benchmarks. */
  readonly stats = { commits: 0, conflicts: 0, batches: 0 };

  constructor(private readonly deps: CommitterDependencies) {
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.maxBatch = Math.max(1, Math.min(MAX_BATCH, Math.floor(deps.maxBatch ?? MAX_BATCH)));
  }

  /**
   * The meeting, loading or creating it when needed. Writes may use any cached version (the ETag
   * catches a stale one); reads pass `maxAgeMs` so another instance's writes show up promptly.
   */
  meeting(meetingKey: string, maxAgeMs = Infinity): Promise<StoredMeeting> {
    const cached = this.cache.get(meetingKey);
    if (cached && this.deps.clock() - cached.at <= maxAgeMs) return Promise.resolve(cached.meeting);
    // Many people opening the same meeting at once share one read (and at most one create).
    const inFlight = this.loading.get(meetingKey);
    if (inFlight) return inFlight;
    const loading = this.loadOrCreate(meetingKey).finally(() => this.loading.delete(meetingKey));
    this.loading.set(meetingKey, loading);
    return loading;
  }

  private async loadOrCreate(meetingKey: string): Promise<StoredMeeting> {
    const loaded = await this.deps.store.load(meetingKey);
    if (loaded) return this.remember(meetingKey, loaded, 'load');
    const now = this.deps.clock();
    try {
      const created = await this.deps.store.commit({
        meetingKey,
        expected: null,
        next: {
          state: initialMeetingState(this.deps.settings),
          version: 0,
          salt: this.deps.pseudonyms.newSalt(),
          createdAt: now,
          lastActiveAt: now,
        },
        commands: [],
        records: [],
      });
      return this.remember(meetingKey, created);
    } catch (error) {
      if (!(error instanceof StoreConflictError)) throw error;
      const winner = await this.deps.store.load(meetingKey);
      if (!winner)
        throw new DependencyUnavailableError('The meeting could not be opened; try again.');
      return this.remember(meetingKey, winner);
    }
  }

  /** Drops what this instance remembers of a meeting (after it was forgotten in storage). */
  forget(meetingKey: string): void {
    this.cache.delete(meetingKey);
  }

  /** Queues a command for this meeting; resolves once it is decided and durably committed. */
  submit(meetingKey: string, meetingId: string, submission: Submission): Promise<Committed> {
    return new Promise<Committed>((resolve, reject) => {
      const queue = this.queues.get(meetingKey);
      const pending: Pending = { ...submission, resolve, reject };
      if (queue) {
        queue.push(pending);
        return;
      }
      this.queues.set(meetingKey, [pending]);
      void this.drain(meetingKey, meetingId);
    });
  }

  private async drain(meetingKey: string, meetingId: string): Promise<void> {
    const queue = this.queues.get(meetingKey) ?? [];
    while (queue.length > 0) {
      const batch = withoutEchoes(queue.splice(0, this.maxBatch));
      try {
        await this.commitBatch(meetingKey, meetingId, batch);
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
    this.queues.delete(meetingKey);
  }

  private async commitBatch(
    meetingKey: string,
    meetingId: string,
    batch: Pending[],
  ): Promise<void> {
    this.stats.batches += 1;
    for (const pending of batch) {
      const known = this.recentOutcome(meetingKey, pending);
      if (known) pending.known = known;
    }
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const meeting = await this.meeting(meetingKey);
      const { state, events, outcomes } = this.decideAll(meeting, batch);
      const changed = events.length > 0;
      const version = changed ? meeting.version + 1 : meeting.version;
      const toStore = batch.flatMap((pending, index) => {
        const outcome = outcomes[index];
        // A forgotten meeting (no salt) keeps no command rows: without the salt a pseudonym is an
        // unkeyed hash anyone could compute from an object id, and nothing can change there anyway.
        if (meeting.salt === '') return [];
        if (
          pending.known ||
          pending.commandId === null ||
          pending.participantId === null ||
          !outcome
        )
          return [];
        return [
          {
            participantId: pending.participantId,
            commandId: pending.commandId,
            outcome: stamp(outcome, version),
          },
        ];
      });
      let committed = meeting;
      if (changed || toStore.length > 0) {
        try {
          committed = await this.deps.store.commit({
            meetingKey,
            expected: meeting,
            next: { ...meeting, state, version, lastActiveAt: this.deps.clock() },
            commands: toStore,
            records: durableRecords(events, (id) =>
              this.deps.pseudonyms.recordId(meeting.salt, id),
            ),
          });
          this.stats.commits += 1;
        } catch (error) {
          this.cache.delete(meetingKey);
          if (error instanceof DuplicateCommandError) {
            await this.markDuplicates(meetingKey, batch);
            continue;
          }
          if (!(error instanceof StoreConflictError)) throw error;
          this.stats.conflicts += 1;
          await this.sleep(this.deps.random() * Math.min(250, 10 * 2 ** attempt));
          continue;
        }
        this.remember(meetingKey, committed);
      }
      batch.forEach((pending, index) => {
        const outcome = pending.known ?? stamp(outcomes[index] ?? { ok: true, version }, version);
        if (pending.commandId !== null && pending.participantId !== null) {
          this.recent.set(meetingKey, `${pending.participantId}/${pending.commandId}`, outcome);
        }
        pending.resolve({ outcome, meeting: committed });
      });
      if (changed) this.announce(meetingKey, meetingId, meeting.state, committed, events);
      return;
    }
    throw new DependencyUnavailableError(
      'This meeting is very busy right now; try again in a moment.',
      1,
    );
  }

  /** Fire and forget: a slow broadcast must never hold up the next command. */
  private announce(
    meetingKey: string,
    meetingId: string,
    before: MeetingState,
    committed: StoredMeeting,
    events: readonly MeetingEvent[],
  ): void {
    const meta = { meetingId, version: committed.version };
    const announcement = announcementFor(before, committed.state, events, meta);
    if (announcement.kind === 'publish')
      void this.deps.broadcaster.publish(meetingKey, announcement.view);
    if (announcement.kind === 'nudge')
      void this.deps.broadcaster.nudge(meetingKey, announcement.participantIds);
    if (this.deps.notices)
      this.notifyPrivately(this.deps.notices, meetingId, before, committed, events);
  }

  private notifyPrivately(
    { notifier, contacts }: NonNullable<CommitterDependencies['notices']>,
    meetingId: string,
    before: MeetingState,
    committed: StoredMeeting,
    events: readonly MeetingEvent[],
  ): void {
    const byNotice = new Map<InMeetingNotice, string[]>();
    for (const { participantId, notice } of privateNotices(before, committed.state, events)) {
      const sealed = committed.state.participants[participantId]?.contact;
      const objectId = sealed === undefined ? null : contacts.open(committed.salt, sealed);
      if (objectId === null) continue;
      byNotice.set(notice, [...(byNotice.get(notice) ?? []), objectId]);
    }
    for (const [notice, objectIds] of byNotice) void notifier.notify(meetingId, notice, objectIds);
  }

  private decideAll(meeting: StoredMeeting, batch: readonly Pending[]) {
    let state = meeting.state;
    const events: MeetingEvent[] = [];
    const outcomes = batch.map((pending): CommandOutcome | { ok: true; version: -1 } => {
      if (pending.known) return pending.known;
      const actor =
        pending.participantId === null
          ? ({ kind: 'system' } as const)
          : ({ kind: 'participant', participantId: pending.participantId } as const);
      const decision = decide(pending.command, state, {
        now: this.deps.clock(),
        actor,
        random: this.deps.random,
      });
      if (!decision.ok) return { ok: false, error: decision.error };
      state = evolveAll(state, decision.events);
      events.push(...decision.events);
      return { ok: true, version: -1 };
    });
    return { state, events, outcomes };
  }

  private recentOutcome(meetingKey: string, pending: Pending): CommandOutcome | undefined {
    if (pending.commandId === null || pending.participantId === null) return undefined;
    return this.recent.get(meetingKey, `${pending.participantId}/${pending.commandId}`);
  }

  /** Some command ids were stored by an earlier attempt or another instance: use their outcomes. */
  private async markDuplicates(meetingKey: string, batch: Pending[]): Promise<void> {
    const byParticipant = new Map<string, Pending[]>();
    for (const pending of batch) {
      if (pending.known || pending.commandId === null || pending.participantId === null) continue;
      byParticipant.set(pending.participantId, [
        ...(byParticipant.get(pending.participantId) ?? []),
        pending,
      ]);
    }
    for (const [participantId, items] of byParticipant) {
      const ids = items.flatMap((item) => (item.commandId === null ? [] : [item.commandId]));
      const found = await this.deps.store.findOutcomes(meetingKey, participantId, ids);
      for (const item of items) {
        const outcome = item.commandId === null ? undefined : found.get(item.commandId);
        if (outcome) item.known = outcome;
      }
    }
  }

  private remember(
    meetingKey: string,
    meeting: StoredMeeting,
    source: 'load' | 'write' = 'write',
  ): StoredMeeting {
    const cached = this.cache.get(meetingKey)?.meeting;
    // A read that started before this instance's last commit must not replace it with an older version.
    if (source === 'load' && cached !== undefined && cached.version > meeting.version)
      return cached;
    this.cache.delete(meetingKey);
    this.cache.set(meetingKey, { meeting, at: this.deps.clock() });
    if (this.cache.size > MAX_CACHED_MEETINGS) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return meeting;
  }
}

/**
 * A retry that arrives while its original is still queued rides along with it: one decision,
 * one stored outcome, the same answer to both.
 */
function withoutEchoes(batch: Pending[]): Pending[] {
  const firsts = new Map<string, Pending>();
  return batch.filter((pending) => {
    if (pending.commandId === null || pending.participantId === null) return true;
    const key = `${pending.participantId}/${pending.commandId}`;
    const first = firsts.get(key);
    if (!first) {
      firsts.set(key, pending);
      return true;
    }
    const { resolve, reject } = first;
    first.resolve = (result) => {
      resolve(result);
      pending.resolve(result);
    };
    first.reject = (error) => {
      reject(error);
      pending.reject(error);
    };
    return false;
  });
}

function stamp(
  outcome: CommandOutcome | { ok: true; version: -1 },
  version: number,
): CommandOutcome {
  return outcome.ok
    ? { ok: true, version: outcome.version === -1 ? version : outcome.version }
    : outcome;
}
