// Commits commands to one meeting at a time per instance, in batches (command-queue.ts). Each batch
// is one commit: load, decide, write, answer, broadcast. Across instances the ETag guards every
// write; a conflict reloads and decides again after a jittered wait (backoff.ts).
import type { MeetingSettings, RandomSource } from '@roundtable/core';
import type { Announcer } from '../announcer.js';
import {
  DependencyUnavailableError,
  DuplicateCommandError,
  StoreConflictError,
} from '../errors.js';
import type { Clock, MeetingStore, Pseudonymiser, StoredMeeting } from '../ports.js';
import { backoffDelay, CONFLICT_BACKOFF, outOfAttempts } from './backoff.js';
import {
  commandKey,
  CommandQueue,
  type Committed,
  type Pending,
  type Submission,
} from './command-queue.js';
import { MeetingCache } from './meeting-cache.js';
import { planCommit } from './plan-commit.js';
import { knownFromStorage, planOpening } from './plan-opening.js';
import { RecentOutcomes } from './recent-outcomes.js';

export type { Committed, Submission } from './command-queue.js';

/** Table transactions hold 100 actions: the state, the records, and up to 98 command ids. */
export const MAX_BATCH = 90;

export interface CommitterDependencies {
  readonly store: MeetingStore;
  readonly announcer: Announcer;
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
}

export class MeetingCommitter {
  private readonly cache = new MeetingCache();
  private readonly loading = new Map<string, Promise<StoredMeeting | null>>();
  private readonly opening = new Map<string, Promise<StoredMeeting>>();
  private readonly recent = new RecentOutcomes();
  private readonly queue: CommandQueue;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Commits made and conflicts met, for tests and benchmarks. */
  readonly stats = { commits: 0, conflicts: 0, batches: 0 };

  constructor(private readonly deps: CommitterDependencies) {
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const maxBatch = Math.max(1, Math.min(MAX_BATCH, Math.floor(deps.maxBatch ?? MAX_BATCH)));
    this.queue = new CommandQueue(maxBatch, (meetingKey, meetingId, batch) =>
      this.commit(meetingKey, meetingId, batch),
    );
  }

  /**
   * The meeting as stored, or null when nothing is. Writes may use any cached version (the ETag
   * catches a stale one); reads pass `maxAgeMs` so another instance's writes show up promptly.
   */
  meeting(meetingKey: string, maxAgeMs = Infinity): Promise<StoredMeeting | null> {
    const cached = this.cache.get(meetingKey, this.deps.clock(), maxAgeMs);
    if (cached) return Promise.resolve(cached);
    // Many people opening the same meeting at once share one read.
    const inFlight = this.loading.get(meetingKey);
    if (inFlight) return inFlight;
    const loading = this.deps.store
      .load(meetingKey)
      .then((loaded) =>
        loaded === null ? null : this.cache.remember(meetingKey, loaded, this.deps.clock(), 'load'),
      )
      .finally(() => this.loading.delete(meetingKey));
    this.loading.set(meetingKey, loading);
    return loading;
  }

  /**
   * The meeting's live session, opening the next one (with a fresh salt) when the last has ended
   * or none was ever stored. Concurrent openers agree on one session through the ETag.
   */
  openSession(meetingKey: string, meetingId: string): Promise<StoredMeeting> {
    const cached = this.cache.get(meetingKey, this.deps.clock(), Infinity);
    if (cached?.state.phase === 'live') return Promise.resolve(cached);
    // A burst of first commands opens one session, not one attempt each.
    const inFlight = this.opening.get(meetingKey);
    if (inFlight) return inFlight;
    const opening = this.open(meetingKey, meetingId).finally(() => this.opening.delete(meetingKey));
    this.opening.set(meetingKey, opening);
    return opening;
  }

  private async open(meetingKey: string, meetingId: string): Promise<StoredMeeting> {
    for (let attempt = 0; attempt < CONFLICT_BACKOFF.attempts; attempt++) {
      const current = await this.meeting(meetingKey);
      if (current !== null && current.state.phase === 'live') return current;
      const now = this.deps.clock();
      try {
        // What the last session carried (organiser's option) is read here, and deleted in the
        // opening's own transaction: applied or not, it is never kept past this session's start.
        const carried = current === null ? null : await this.deps.store.carried(meetingKey);
        const opened = await this.deps.store.commit(
          planOpening(meetingKey, current, carried, {
            settings: this.deps.settings,
            salt: this.deps.pseudonyms.newSalt(),
            now,
          }),
        );
        this.stats.commits += 1;
        this.cache.remember(meetingKey, opened, now, 'write');
        await this.deps.announcer.publish(meetingKey, meetingId, opened);
        return opened;
      } catch (error) {
        if (!(error instanceof StoreConflictError)) throw error;
        // Someone else opened it (or wrote) first: read theirs.
        this.cache.forget(meetingKey);
        this.stats.conflicts += 1;
        await this.sleep(backoffDelay(CONFLICT_BACKOFF, attempt, this.deps.random));
      }
    }
    throw outOfAttempts();
  }

  /** Drops what this instance remembers of a meeting (after it was erased in storage). */
  forget(meetingKey: string): void {
    this.cache.forget(meetingKey);
  }

  /** Queues a command for this meeting; resolves once it is decided and durably committed. */
  submit(meetingKey: string, meetingId: string, submission: Submission): Promise<Committed> {
    return this.queue.submit(meetingKey, meetingId, submission);
  }

  /** One batch: 1 load, 2 decide, 3 write (again on a conflict), 4 answer, 5 broadcast. */
  private async commit(meetingKey: string, meetingId: string, batch: Pending[]): Promise<void> {
    this.stats.batches += 1;
    for (const pending of batch) {
      const key = commandKey(pending);
      const known = key === null ? undefined : this.recent.get(meetingKey, key);
      if (known) pending.known = known;
    }
    for (let attempt = 0; attempt < CONFLICT_BACKOFF.attempts; attempt++) {
      // 1. Load (usually from this instance's cache).
      const meeting = await this.meeting(meetingKey);
      if (meeting === null)
        throw new DependencyUnavailableError('storage', 'The meeting is not open yet.');
      // 2. Decide, without I/O.
      const plan = planCommit(meetingKey, meeting, batch, {
        now: this.deps.clock(),
        random: this.deps.random,
        pseudonyms: this.deps.pseudonyms,
      });
      // 3. Write, guarded by the ETag of what was decided on.
      let committed = meeting;
      if (plan.commit !== null) {
        try {
          committed = await this.deps.store.commit(plan.commit);
          this.stats.commits += 1;
        } catch (error) {
          this.cache.forget(meetingKey);
          if (error instanceof DuplicateCommandError) {
            await knownFromStorage(this.deps.store, meetingKey, meeting.state.session, batch);
            continue;
          }
          if (!(error instanceof StoreConflictError)) throw error;
          this.stats.conflicts += 1;
          await this.sleep(backoffDelay(CONFLICT_BACKOFF, attempt, this.deps.random));
          continue;
        }
        this.cache.remember(meetingKey, committed, this.deps.clock(), 'write');
      }
      // 5 (started before 4, so every answer can wait for it). Broadcast.
      const announced =
        plan.events.length === 0
          ? Promise.resolve()
          : this.deps.announcer.announce(
              { meetingKey, meetingId, tenantId: batch.findLast((p) => p.tenantId)?.tenantId },
              meeting,
              committed,
              plan.events,
            );
      // 4. Answer everyone in the batch.
      batch.forEach((pending, index) => {
        const outcome = plan.outcomes[index] ?? { ok: true, version: committed.publicVersion };
        const key = commandKey(pending);
        if (key !== null) this.recent.set(meetingKey, key, outcome);
        pending.resolve({ outcome, meeting: committed, announced });
      });
      return;
    }
    throw outOfAttempts();
  }
}
