// Who held the floor by what Teams recorded, beside the queue's own measure: each measure keeps
// its name and is never blended into another. A measure arrives as anonymous numbers (seconds per
// attendee, in no order and with no ids): the raw report or transcript never reaches the core.
import { DEFAULT_K } from '../meeting/state.js';
import { gini, sum } from './metrics.js';

/** Where a measure of the floor comes from. */
export const FLOOR_SOURCES = ['microphone', 'transcript'] as const;
export type FloorSource = (typeof FLOOR_SOURCES)[number];

/** Why a measure is missing, in terms an organiser can act on. */
export const MEASURE_GAPS = [
  /** Teams has not produced it yet (reports appear some minutes after a meeting). */
  'not-ready',
  /** Roundtable may not read it: permissions, the tenant's access policy, or a channel meeting. */
  'not-permitted',
  /** The organisation keeps Graph away from transcripts. */
  'transcripts-off',
  /** The organisation keeps speaker names out of transcripts read through Graph. */
  'speaker-attribution-off',
  /** Microsoft's metered transcript API needs billing set up for this app. */
  'not-billed',
  /** Teams had nothing to measure (no transcript, or no microphone events in the report). */
  'no-data',
] as const;
export type MeasureGap = (typeof MEASURE_GAPS)[number];

export interface FloorMeasureInput {
  readonly source: FloorSource;
  /** Everyone Teams counted as attending, speakers or not. */
  readonly attendees: number;
  /** Seconds each person held the floor, for those who did (no ids, any order). */
  readonly seconds: readonly number[];
}

export interface FloorMeasure {
  source: FloorSource;
  attendees: number;
  speakers: number;
  spokeShare: number | null;
  totalS: number;
  /** 1 − Gini over every attendee (silent ones count as 0); null for a protected group. */
  balance: number | null;
  largestShare: number | null;
  /** Seconds per speaker, longest first; null for a protected group. */
  distributionS: number[] | null;
}

export interface MeasureGapReport {
  source: FloorSource;
  gap: MeasureGap;
}

/** A measure as the summary shows it, with the same small-group protection as the rest. */
export function floorMeasure(input: FloorMeasureInput, k: number): FloorMeasure {
  const floor = k > DEFAULT_K ? k : DEFAULT_K;
  const spoken = input.seconds.filter((seconds) => seconds > 0);
  const attendees = Math.max(input.attendees, spoken.length);
  const isProtected = attendees < floor;
  const totalS = sum(spoken);
  const everyone = [...spoken, ...new Array<number>(attendees - spoken.length).fill(0)];
  const distribution = [...spoken].sort((a, b) => b - a);
  const inequality = isProtected ? null : gini(everyone);
  const balance = inequality === null ? null : 1 - inequality;
  return {
    source: input.source,
    attendees,
    speakers: spoken.length,
    spokeShare: attendees === 0 ? null : spoken.length / attendees,
    totalS,
    balance,
    largestShare: isProtected || totalS === 0 ? null : (distribution[0] ?? 0) / totalS,
    distributionS: isProtected ? null : distribution,
  };
}

/** The most direct measure available: the transcript, then microphone time. */
export function bestFloorMeasure(measures: readonly FloorMeasure[]): FloorMeasure | null {
  return (
    measures.find((m) => m.source === 'transcript') ??
    measures.find((m) => m.source === 'microphone') ??
    null
  );
}
