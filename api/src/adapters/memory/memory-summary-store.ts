// An in-memory SummaryStore for tests, with the same keys as the table: meeting, then session.
import { DependencyUnavailableError } from '../../application/errors.js';
import type { StoredSummary, SummaryStore } from '../../application/ending-ports.js';

export class MemorySummaryStore implements SummaryStore {
  private readonly rows = new Map<string, StoredSummary>();
  /** Set to make every call fail as if storage were unreachable. */
  unavailable = false;

  put(summary: StoredSummary): Promise<void> {
    return this.run(() => {
      this.rows.set(key(summary.meetingKey, summary.session), structuredClone(summary));
    });
  }

  get(meetingKey: string, session: number): Promise<StoredSummary | null> {
    return this.run(() => structuredClone(this.rows.get(key(meetingKey, session)) ?? null));
  }

  list(meetingKey: string): Promise<StoredSummary[]> {
    return this.run(() => {
      const rows = [...this.rows.values()].filter((row) => row.meetingKey === meetingKey);
      rows.sort((a, b) => a.session - b.session);
      return structuredClone(rows);
    });
  }

  markDelivered(meetingKey: string, session: number, at: number): Promise<void> {
    return this.run(() => {
      const row = this.rows.get(key(meetingKey, session));
      if (row) this.rows.set(key(meetingKey, session), { ...row, deliveredAt: at });
    });
  }

  erase(meetingKey: string, sessions: readonly number[]): Promise<number> {
    return this.run(
      () => sessions.filter((session) => this.rows.delete(key(meetingKey, session))).length,
    );
  }

  purgeExpired(now: number): Promise<number> {
    return this.run(() => {
      const expired = [...this.rows.values()].filter((row) => row.expiresAt < now);
      for (const row of expired) this.rows.delete(key(row.meetingKey, row.session));
      return expired.length;
    });
  }

  private run<T>(operation: () => T): Promise<T> {
    if (this.unavailable) {
      return Promise.reject(
        new DependencyUnavailableError('storage', 'Storage is not reachable right now.'),
      );
    }
    return Promise.resolve().then(operation);
  }
}

const key = (meetingKey: string, session: number) => `${meetingKey}/${session}`;
