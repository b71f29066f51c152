// Ports for the end of a session: the queue that runs the ending job, where summaries are kept,
// and how the organiser hears that the summary is ready.
import type { InclusionSummary } from '@roundtable/core';

/**
 * Why a session ends: a host pressed "End session", Teams said the meeting ended, it sat idle, or
 * housekeeping found an ending that never finished.
 */
export type EndReason = 'host' | 'teams' | 'idle' | 'unfinished';

/**
 * One ending job. It carries the raw Teams meeting id when delivery needs it (the meeting's
 * conversation to post in); the message is deleted once the job succeeds, and nothing else keeps
 * the raw id. Timers know no meeting id, so their jobs carry an empty one and tell nobody.
 */
export interface EndJob {
  readonly meetingKey: string;
  readonly meetingId: string;
  readonly reason: EndReason;
  /**
   * The session to end; null for Teams' meeting-end event, which names no session: then the live
   * session ends unless it opened after `endedAt` (the meeting's end as Teams reports it).
   */
  readonly session: number | null;
  readonly endedAt?: number;
  /** The meeting's tenant, for deep links in the notice; absent when unknown (timers). */
  readonly tenantId?: string;
  /**
   * The language tag of Teams' meeting-end event, when it had one: the card is written in it
   * (English otherwise). It lives in the job message only, like the meeting id.
   */
  readonly locale?: string;
}

export interface EndQueue {
  /** Rejects with DependencyUnavailableError when the queue cannot be reached. */
  enqueue(job: EndJob): Promise<void>;
}

export interface StoredSummary {
  readonly meetingKey: string;
  readonly session: number;
  /**
   * Keyed hashes of the session's organisers (Pseudonymiser.organiserKey): only they may read,
   * export or erase the summary, whatever Teams still knows of the meeting.
   */
  readonly organisers: readonly string[];
  readonly summary: InclusionSummary;
  readonly storedAt: number;
  /** Retention: the row is purged after this time (default 400 days after storing). */
  readonly expiresAt: number;
  /** When the organiser was told; absent until then, so a retried job delivers at most once more. */
  readonly deliveredAt?: number;
}

export interface SummaryStore {
  /** Idempotent: storing the same session's summary again replaces it. */
  put(summary: StoredSummary): Promise<void>;
  get(meetingKey: string, session: number): Promise<StoredSummary | null>;
  /** Every stored summary of one Teams meeting (a recurring meeting's series), oldest session first. */
  list(meetingKey: string): Promise<StoredSummary[]>;
  /** Notes that the organiser has been told (no-op when the summary is gone). */
  markDelivered(meetingKey: string, session: number, at: number): Promise<void>;
  /** Removes these sessions' summaries; returns how many rows were removed. */
  erase(meetingKey: string, sessions: readonly number[]): Promise<number>;
  /** Removes summaries whose expiresAt has passed; returns how many. */
  purgeExpired(now: number): Promise<number>;
}

/** What the organiser is told; aggregates only, never a name. */
export interface SummaryNotice {
  readonly meetingId: string;
  readonly meetingKey: string;
  readonly session: number;
  /** The meeting's tenant, when known: where the Bot Connector is asked. */
  readonly tenantId?: string;
  readonly summary: InclusionSummary;
  /** Where the summary can be read (the summary tab, or the local summary page). */
  readonly summaryUrl: string;
  /** The language tag to write the card in; English when absent or not one Roundtable has. */
  readonly locale?: string;
}

export interface Delivery {
  /**
   * Tells the organiser the summary is ready. Rejects (DependencyUnavailableError) when it could
   * not be delivered, so the ending job is retried; delivery is at least once.
   */
  deliverSummary(notice: SummaryNotice): Promise<void>;
}

/** Who organised a meeting, as Teams' meeting details say (best effort: null when unknown). */
export interface MeetingOrganiserSource {
  organiserOf(
    meetingId: string,
    tenantId?: string,
  ): Promise<{ tenantId: string; userId: string } | null>;
}

/** Local mode's delivery: keeps exactly what would have been sent, for the simulator to show. */
export interface OutboxEntry {
  readonly meetingKey: string;
  readonly session: number;
  readonly at: number;
  readonly channel: 'bot-card';
  /** The Adaptive Card that would have been posted. */
  readonly card: object;
}

/** A Delivery that keeps what it sends, per meeting (local mode's outbox). */
export interface Outbox extends Delivery {
  list(meetingKey: string): Promise<OutboxEntry[]>;
  /** Removes the entries of these sessions; returns how many went. */
  erase(meetingKey: string, sessions: readonly number[]): Promise<number>;
}
