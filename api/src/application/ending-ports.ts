// Ports for the end of a meeting: the queue that runs the ending job, where summaries are kept,
// and how the organiser hears that the summary is ready.
import type { InclusionSummary } from '@roundtable/core';

/** Why a meeting ends: a host pressed "End session", Teams said it ended, or it sat idle. */
export type EndReason = 'host' | 'teams' | 'idle';

/**
 * One ending job. It carries the raw Teams meeting id because delivery needs it (the meeting chat
 * to post in); the message is deleted once the job succeeds, and nothing else keeps the raw id.
 */
export interface EndJob {
  readonly meetingKey: string;
  readonly meetingId: string;
  readonly reason: EndReason;
}

export interface EndQueue {
  /** Rejects with DependencyUnavailableError when the queue cannot be reached. */
  enqueue(job: EndJob): Promise<void>;
}

export interface StoredSummary {
  readonly meetingKey: string;
  /** Keyed hash of the recurring series' id, when the meeting belongs to one. */
  readonly seriesKey: string | null;
  readonly summary: InclusionSummary;
  readonly storedAt: number;
  /** Retention: the row is purged after this time (default 400 days after storing). */
  readonly expiresAt: number;
  /** When the organiser was told; absent until then, so a retried job delivers at most once more. */
  readonly deliveredAt?: number;
}

export interface SummaryStore {
  /** Idempotent: storing the same meeting's summary again replaces it. */
  put(summary: StoredSummary): Promise<void>;
  get(meetingKey: string): Promise<StoredSummary | null>;
  /** Notes that the organiser has been told (no-op when the summary is gone). */
  markDelivered(meetingKey: string, at: number): Promise<void>;
  /** Every stored summary of a series, oldest meeting first. */
  series(seriesKey: string): Promise<StoredSummary[]>;
  /** Removes the meeting's summary; returns how many rows were removed (0 or 1). */
  erase(meetingKey: string): Promise<number>;
  /** Removes summaries whose expiresAt has passed; returns how many. */
  purgeExpired(now: number): Promise<number>;
}

/** What the organiser is told; aggregates only, never a name. */
export interface SummaryNotice {
  readonly meetingId: string;
  readonly meetingKey: string;
  readonly summary: InclusionSummary;
  /** Where the summary can be read (the summary tab, or the local summary page). */
  readonly summaryUrl: string;
}

export interface Delivery {
  /**
   * Tells the organiser the summary is ready. Rejects (DependencyUnavailableError) when it could
   * not be delivered, so the ending job is retried; delivery is at least once.
   */
  deliverSummary(notice: SummaryNotice): Promise<void>;
}

/** Local mode's delivery: keeps exactly what would have been sent, for the simulator to show. */
export interface OutboxEntry {
  readonly meetingKey: string;
  readonly at: number;
  readonly channel: 'bot-card';
  /** The Adaptive Card that would have been posted. */
  readonly card: Record<string, unknown>;
}

/** A Delivery that keeps what it sends, per meeting (local mode's outbox). */
export interface Outbox extends Delivery {
  list(meetingKey: string): Promise<OutboxEntry[]>;
  erase(meetingKey: string): Promise<number>;
}
