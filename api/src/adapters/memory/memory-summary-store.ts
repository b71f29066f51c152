// An in-memory SummaryStore for tests, with the same keys as the table: series, then meeting.
import type { StoredSummary, SummaryStore } from '../application/ending-ports.js';

export class MemorySummaryStore implements SummaryStore {
  private readonly rows = new Map<string, StoredSummary>();

  put(summary: StoredSummary): Promise<void> {
    this.rows.set(summary.meetingKey, structuredClone(summary));
    return Promise.resolve();
  }

  get(meetingKey: string): Promise<StoredSummary | null> {
    return Promise.resolve(structuredClone(this.rows.get(meetingKey) ?? null));
  }

  markDelivered(meetingKey: string, at: number): Promise<void> {
    const row = this.rows.get(meetingKey);
    if (row) this.rows.set(meetingKey, { ...row, deliveredAt: at });
    return Promise.resolve();
  }

  series(seriesKey: string): Promise<StoredSummary[]> {
    const rows = [...this.rows.values()].filter((row) => row.seriesKey === seriesKey);
    rows.sort((a, b) => (a.summary.startedAt ?? Infinity) - (b.summary.startedAt ?? Infinity));
    return Promise.resolve(structuredClone(rows));
  }

  erase(meetingKey: string): Promise<number> {
    return Promise.resolve(this.rows.delete(meetingKey) ? 1 : 0);
  }

  purgeExpired(now: number): Promise<number> {
    const expired = [...this.rows.values()].filter((row) => row.expiresAt < now);
    for (const row of expired) this.rows.delete(row.meetingKey);
    return Promise.resolve(expired.length);
  }
}
