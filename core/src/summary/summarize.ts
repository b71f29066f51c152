// The inclusion summary: what the participation record says about who got to speak. Its
// definitions are part of the contract (core/README.md, "Records and summary"), as is small-group protection.
import type { CheckinAggregate } from '../checkins/aggregate.js';
import { FELT_HEARD_PROMPT_ID } from '../checkins/prompts.js';
import { DEFAULT_K, type CheckinScale, type QueueMode } from '../meeting/state.js';
import type { ParticipationRecord } from '../participation/records.js';
import {
  accumulateAll,
  emptyAccumulator,
  type PersonTally,
  type SummaryAccumulator,
} from './accumulator.js';
import { gini, median, percentileNearestRank, sum } from './metrics.js';
import {
  floorMeasure,
  type FloorMeasure,
  type FloorMeasureInput,
  type MeasureGapReport,
} from './floor.js';
import { suggestionsFor, type Suggestion, type SummaryFacts } from './suggestions.js';

export type { Suggestion } from './suggestions.js';

export interface SummaryOptions {
  /** Smallest group whose distributions and check-ins may be shown; never below DEFAULT_K. */
  readonly k: number;
}

export interface InclusionSummary {
  startedAt: number | null;
  endedAt: number | null;
  durationMs: number;
  /** Fewer than k participants: counts only, no distributions, no check-ins. */
  protected: boolean;
  /** The figures above `floor` are the queue's own: airtime is the length of queue turns. */
  airtimeSource: 'queue-turns';
  /** Everyone who was there: the meeting's attendees where Teams said who joined, else panel users. */
  participants: number;
  /** Of them, who opened Roundtable. */
  openedRoundtable: number;
  /** Whom `participants` counts: `meeting` from Teams' join events, `panel` only Roundtable's users. */
  counted: 'meeting' | 'panel';
  speakers: number;
  spokeShare: number | null;
  turns: number;
  airtimeTotalMs: number;
  airtimeGini: number | null;
  balance: number | null;
  turnsGini: number | null;
  largestAirtimeShare: number | null;
  airtimeDistributionMs: number[] | null;
  waitMedianS: number | null;
  waitP90S: number | null;
  queuedNotReached: number;
  firstTimeSpeakers: { minute: number; count: number }[];
  invitesSent: number;
  invitesAccepted: number;
  appreciations: number;
  modesUsed: QueueMode[];
  checkins: { promptId: string | null; scale: CheckinScale; aggregate: CheckinAggregate }[];
  checkinsWithheld: number;
  feltHeard: { n: number; mean: number } | null;
  /**
   * Who held the floor by what Teams recorded (microphone time, the transcript), each named and
   * shown beside the queue's measure above, never blended into it. Empty when none was read.
   */
  floor: FloorMeasure[];
  /** Measures that were wanted but not available, and why. */
  floorGaps: MeasureGapReport[];
  suggestions: Suggestion[];
}

export function summarize(
  records: readonly ParticipationRecord[],
  options: SummaryOptions,
): InclusionSummary {
  return finishSummary(accumulateAll(emptyAccumulator(), records), options);
}

export function finishSummary(
  accumulator: SummaryAccumulator,
  options: SummaryOptions,
): InclusionSummary {
  // Written so a NaN or too-small k still protects: the floor is a privacy promise.
  const k = options.k > DEFAULT_K ? options.k : DEFAULT_K;
  const people: PersonTally[] = Object.values(accumulator.people);
  const participants = people.length;
  const isProtected = participants < k;
  const speakers = people.filter((person) => person.turns > 0).length;
  const airtimes = people.map((person) => person.airtimeMs);
  const airtimeTotalMs = sum(airtimes);
  const airtimeGini = isProtected ? null : gini(airtimes);
  const endedAt = accumulator.sessionEndedAt ?? accumulator.lastAt;
  const startedAt = accumulator.startedAt;
  const checkins = shownCheckins(accumulator, k, isProtected);
  // A spoken round collects no answers; any other check-in not shown was withheld.
  const answerable = accumulator.checkins.filter((checkin) => checkin.scale !== 'round');
  const facts: SummaryFacts = {
    startedAt,
    endedAt,
    durationMs: startedAt === null || endedAt === null ? 0 : Math.max(0, endedAt - startedAt),
    protected: isProtected,
    airtimeSource: 'queue-turns',
    participants,
    openedRoundtable: accumulator.openedPanel,
    counted: accumulator.roster ? 'meeting' : 'panel',
    speakers,
    spokeShare: participants === 0 ? null : speakers / participants,
    turns: accumulator.turns,
    airtimeTotalMs,
    airtimeGini,
    balance: airtimeGini === null ? null : 1 - airtimeGini,
    turnsGini: isProtected ? null : gini(people.map((person) => person.turns)),
    largestAirtimeShare:
      isProtected || airtimeTotalMs === 0
        ? null
        : airtimes.reduce((most, airtime) => Math.max(most, airtime), 0) / airtimeTotalMs,
    airtimeDistributionMs: isProtected ? null : [...airtimes].sort((a, b) => b - a),
    waitMedianS: isProtected ? null : inSeconds(median(accumulator.waitsMs)),
    waitP90S: isProtected ? null : inSeconds(percentileNearestRank(accumulator.waitsMs, 0.9)),
    queuedNotReached: accumulator.queuedNotReached,
    firstTimeSpeakers: Object.entries(accumulator.firstTurnsByMinute)
      .map(([minute, count]) => ({ minute: Number(minute), count }))
      .sort((a, b) => a.minute - b.minute),
    invitesSent: accumulator.invitesSent,
    invitesAccepted: accumulator.invitesAccepted,
    appreciations: accumulator.appreciations,
    modesUsed: [...accumulator.modesUsed],
    checkins,
    checkinsWithheld: answerable.length - checkins.length,
    feltHeard: feltHeardOf(checkins),
    floor: [],
    floorGaps: [],
  };
  return { ...facts, suggestions: suggestionsFor(facts) };
}

/**
 * The summary with what Teams recorded folded in: each measure named and protected like the rest,
 * and the tips read again by the most direct one.
 */
export function withFloorMeasures(
  summary: InclusionSummary,
  measures: readonly FloorMeasureInput[],
  gaps: readonly MeasureGapReport[],
  options: SummaryOptions,
): InclusionSummary {
  const floor = measures.map((measure) => floorMeasure(measure, options.k));
  const facts: SummaryFacts = { ...withoutSuggestions(summary), floor, floorGaps: [...gaps] };
  return { ...facts, suggestions: suggestionsFor(facts) };
}

/** A summary as an earlier version stored it: without the fields added since. */
export type StoredSummary = Omit<
  InclusionSummary,
  'openedRoundtable' | 'counted' | 'floor' | 'floorGaps'
> &
  Partial<Pick<InclusionSummary, 'openedRoundtable' | 'counted' | 'floor' | 'floorGaps'>>;

/** Fills in what an earlier version did not store: it counted Roundtable's users, and no more. */
export function upgradedSummary(stored: StoredSummary): InclusionSummary {
  return {
    ...stored,
    openedRoundtable: stored.openedRoundtable ?? stored.participants,
    counted: stored.counted ?? 'panel',
    floor: stored.floor ?? [],
    floorGaps: stored.floorGaps ?? [],
  };
}

function withoutSuggestions(summary: InclusionSummary): SummaryFacts {
  const { suggestions: _suggestions, ...facts } = summary;
  return facts;
}

function inSeconds(milliseconds: number | null): number | null {
  return milliseconds === null ? null : milliseconds / 1000;
}

function shownCheckins(
  accumulator: SummaryAccumulator,
  k: number,
  isProtected: boolean,
): InclusionSummary['checkins'] {
  if (isProtected) return [];
  return accumulator.checkins.flatMap(({ promptId, scale, aggregate }) => {
    return aggregate === null || aggregate.n < k ? [] : [{ promptId, scale, aggregate }];
  });
}

/** Several "felt heard" check-ins are pooled as one group of answers, weighted by their size. */
function feltHeardOf(checkins: InclusionSummary['checkins']): InclusionSummary['feltHeard'] {
  let n = 0;
  let total = 0;
  for (const { promptId, aggregate } of checkins) {
    if (promptId !== FELT_HEARD_PROMPT_ID || aggregate.scale === 'word') continue;
    n += aggregate.n;
    total += aggregate.n * aggregate.mean;
  }
  return n === 0 ? null : { n, mean: total / n };
}
