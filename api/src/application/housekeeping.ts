// Timer work: end meetings left idle, and forget what has outlived its retention.
import type { EndQueue, SummaryStore } from './ending-ports.js';
import type { MeetingStore } from './ports.js';

export const IDLE_AFTER_MS = 2 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Queues an ending job for every live meeting idle for more than two hours. The raw meeting id is
 * never stored, so these jobs cannot post to the meeting chat: the summary is kept and shown in the
 * tab, but no notice is sent.
 */
export async function endIdleMeetings(
  store: MeetingStore,
  queue: EndQueue,
  now: number,
): Promise<number> {
  const idle = await store.idleMeetings(now - IDLE_AFTER_MS);
  for (const meetingKey of idle) await queue.enqueue({ meetingKey, meetingId: '', reason: 'idle' });
  return idle.length;
}

/** Records older than their retention (30 days by default) and expired summaries are deleted. */
export async function purgeExpired(
  store: MeetingStore,
  summaries: SummaryStore,
  now: number,
  recordDays: number,
): Promise<{ records: number; summaries: number }> {
  const [records, purgedSummaries] = await Promise.all([
    store.purgeRecordsBefore(now - recordDays * DAY_MS),
    summaries.purgeExpired(now),
  ]);
  return { records, summaries: purgedSummaries };
}
