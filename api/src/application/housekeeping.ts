// Timer work: end sessions left idle, finish endings that never finished, and forget what has
// outlived its retention.
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@roundtable/core';
import type { EndQueue, SummaryStore } from './ending-ports.js';
import type { MeetingStore } from './ports.js';

export const IDLE_AFTER_MS = 2 * HOUR_MS;
/** An ending job normally finishes within seconds; one still unfinished after this has failed. */
export const UNFINISHED_AFTER_MS = 30 * MINUTE_MS;
const GRACE_DAYS = 30;

export interface HousekeepingDependencies {
  readonly store: MeetingStore;
  readonly summaries: SummaryStore;
  readonly endQueue: EndQueue;
  readonly recordRetentionDays: number;
  readonly summaryRetentionDays: number;
}

export class Housekeeping {
  constructor(private readonly deps: HousekeepingDependencies) {}

  /**
   * Queues an ending job for every live session idle for two hours, and again for every session
   * whose ending never finished (its job failed for good). The raw meeting id is never stored, so
   * these jobs cannot post to the meeting: the summary is kept and shown in the tab, no notice sent.
   */
  async endSessions(now: number): Promise<{ idle: number; unfinished: number }> {
    const { store, endQueue } = this.deps;
    const idle = await store.idleSessions(now - IDLE_AFTER_MS);
    for (const { meetingKey, session } of idle) {
      await endQueue.enqueue({ meetingKey, meetingId: '', reason: 'idle', session });
    }
    const unfinished = await store.unfinishedSessions(now - UNFINISHED_AFTER_MS);
    for (const { meetingKey, session } of unfinished) {
      await endQueue.enqueue({ meetingKey, meetingId: '', reason: 'unfinished', session });
    }
    return { idle: idle.length, unfinished: unfinished.length };
  }

  /**
   * Records older than their retention (30 days by default), expired summaries and expired carried
   * entries are deleted, and so is what is left of a meeting once its last summary could have
   * expired.
   */
  async purgeExpired(
    now: number,
  ): Promise<{ records: number; summaries: number; meetings: number; carried: number }> {
    const { store } = this.deps;
    const [records, summaries, meetings, carried] = await Promise.all([
      store.purgeRecordsBefore(now - this.deps.recordRetentionDays * DAY_MS),
      this.deps.summaries.purgeExpired(now),
      // Its summaries were stored as its sessions ended (an ending job that kept failing is
      // finished within the grace period), so they have all expired by now: the next session
      // can start again from 1 without meeting an old summary.
      store.purgeEndedBefore(now - (this.deps.summaryRetentionDays + GRACE_DAYS) * DAY_MS),
      // Entries carried over that no next session took within CARRY_DAYS (decision 013).
      store.purgeCarriedBefore(now),
    ]);
    return { records, summaries, meetings, carried };
  }
}
