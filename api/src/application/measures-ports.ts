// Ports for the follow-up to an ending: what Teams recorded about a session (Graph's attendance
// report and transcript), read minutes later and folded into the stored summary as numbers.
import type { FloorMeasureInput, FloorSource, MeasureGap } from '@roundtable/core';

/** Where Graph keeps a meeting's artefacts, from the meeting's details (never stored). */
export interface GraphMeeting {
  readonly tenantId: string;
  /** The organiser's Entra object id: artefacts sit under the organiser's user. */
  readonly organiserId: string;
  /** The meeting details' `msGraphResourceId`. */
  readonly graphMeetingId: string;
}

/** What a measures job reads: one session of one meeting, and which measures are wanted. */
export interface MeasuresTarget extends GraphMeeting {
  /** The session's window (epoch ms): which report and transcript belong to it. */
  readonly from: number;
  readonly to: number;
  /** The organiser's "read the transcript" option (the transcript API is billed per minute). */
  readonly transcript: boolean;
}

/** One measure's outcome: numbers, or why there are none. */
export type MeasureOutcome =
  | { readonly source: FloorSource; readonly measure: FloorMeasureInput }
  | { readonly source: FloorSource; readonly gap: MeasureGap };

export interface MeetingArtefacts {
  /**
   * Reads the wanted sources and returns anonymous numbers only: the raw report and transcript
   * are dropped before this returns. Graph failures become gaps ('not-ready' while it may still
   * come); it never rejects for a Graph answer.
   */
  measure(target: MeasuresTarget, sources: readonly FloorSource[]): Promise<MeasureOutcome[]>;
}

/** The Graph ids of a Teams meeting (best effort: null when Teams gives none). */
export interface GraphMeetingSource {
  graphMeetingOf(meetingId: string, tenantId?: string): Promise<GraphMeeting | null>;
}

/** One attempt of the follow-up; each retry is a new message with a later visibility. */
export interface MeasuresJob extends MeasuresTarget {
  readonly meetingKey: string;
  readonly session: number;
  /** 1 for the first look; the job gives up after the last of MEASURE_ATTEMPT_DELAYS. */
  readonly attempt: number;
  /** Outcomes settled by earlier attempts (numbers and gaps only), so nothing is read twice. */
  readonly settled: readonly MeasureOutcome[];
}

export interface MeasuresQueue {
  /** Rejects with DependencyUnavailableError when the queue cannot be reached. */
  enqueue(job: MeasuresJob, delaySeconds: number): Promise<void>;
}
