// The summary as a fold over participation records, in plain JSON so the API can store and resume
// it. Never mutates its input: each call copies the accumulator once, so fold batches together.
import type { CheckinAggregate } from '../checkins/aggregate.js';
import type { ParticipationRecord } from '../participation/records.js';
import type { CheckinScale, QueueMode } from '../meeting/state.js';

/** First turns are counted in windows of this many minutes since the meeting started. */
export const FIRST_TURN_WINDOW_MINUTES = 5;

export interface PersonTally {
  readonly turns: number;
  readonly airtimeMs: number;
}

export interface ClosedCheckin {
  readonly promptId: string | null;
  readonly scale: CheckinScale;
  readonly aggregate: CheckinAggregate | null;
}

export interface SummaryAccumulator {
  readonly startedAt: number | null;
  readonly lastAt: number | null;
  readonly sessionEndedAt: number | null;
  /** Everyone who arrived or took a turn, by pseudonym. */
  readonly people: Readonly<Record<string, PersonTally>>;
  /** How many of them opened Roundtable (the rest only joined the meeting, as Teams said). */
  readonly openedPanel: number;
  /** Teams told Roundtable who joined the meeting: `people` is the meeting, not just the panel. */
  readonly roster: boolean;
  readonly turns: number;
  readonly waitsMs: readonly number[];
  /** Entries people queued themselves (or accepted an invitation for), until reached or gone. */
  readonly entriesWantingToSpeak: Readonly<Record<string, 'waiting'>>;
  readonly queuedNotReached: number;
  /** First turns per window, keyed by the window's starting minute. */
  readonly firstTurnsByMinute: Readonly<Record<string, number>>;
  readonly invitesSent: number;
  readonly invitesAccepted: number;
  readonly appreciations: number;
  readonly modesUsed: readonly QueueMode[];
  readonly checkins: readonly ClosedCheckin[];
}

type Draft = { -readonly [K in keyof SummaryAccumulator]: Writable<SummaryAccumulator[K]> };
type Writable<T> = T extends readonly (infer Item)[]
  ? Item[]
  : T extends object
    ? { -readonly [K in keyof T]: T[K] }
    : T;

export function emptyAccumulator(): SummaryAccumulator {
  return {
    startedAt: null,
    lastAt: null,
    sessionEndedAt: null,
    people: {},
    openedPanel: 0,
    roster: false,
    turns: 0,
    waitsMs: [],
    entriesWantingToSpeak: {},
    queuedNotReached: 0,
    firstTurnsByMinute: {},
    invitesSent: 0,
    invitesAccepted: 0,
    appreciations: 0,
    // The queue starts in fifo, so every meeting has used it.
    modesUsed: ['fifo'],
    checkins: [],
  };
}

/** Returns a new accumulator with the record taken in; the input is left untouched. */
export function accumulate(
  accumulator: SummaryAccumulator,
  record: ParticipationRecord,
): SummaryAccumulator {
  return accumulateAll(accumulator, [record]);
}

/** Returns a new accumulator with the records taken in, in order; the input is left untouched. */
export function accumulateAll(
  accumulator: SummaryAccumulator,
  records: readonly ParticipationRecord[],
): SummaryAccumulator {
  const draft = draftOf(accumulator);
  for (const record of records) takeRecord(draft, record);
  return draft;
}

function draftOf(accumulator: SummaryAccumulator): Draft {
  return {
    ...accumulator,
    people: keyedByPseudonym(accumulator.people),
    waitsMs: [...accumulator.waitsMs],
    entriesWantingToSpeak: keyedByPseudonym(accumulator.entriesWantingToSpeak),
    firstTurnsByMinute: keyedByPseudonym(accumulator.firstTurnsByMinute),
    modesUsed: [...accumulator.modesUsed],
    checkins: [...accumulator.checkins],
  };
}

/** A copy without a prototype, so an id such as "__proto__" is an ordinary key. */
function keyedByPseudonym<Value>(source: Readonly<Record<string, Value>>): Record<string, Value> {
  return Object.assign(Object.create(null) as Record<string, Value>, source);
}

function takeRecord(draft: Draft, record: ParticipationRecord): void {
  draft.startedAt ??= record.at;
  draft.lastAt = record.at;
  switch (record.type) {
    case 'arrived':
      draft.people[record.participantId] ??= { turns: 0, airtimeMs: 0 };
      if (record.via === 'meeting') draft.roster = true;
      else draft.openedPanel += 1;
      return;
    case 'panelOpened':
      draft.openedPanel += 1;
      return;
    case 'entryJoined':
      if (record.origin !== 'round') draft.entriesWantingToSpeak[record.entryId] = 'waiting';
      return;
    case 'entryLeft':
      if (draft.entriesWantingToSpeak[record.entryId] !== 'waiting') return;
      // Forgotten once settled, so the accumulator stays as small as the queue.
      Reflect.deleteProperty(draft.entriesWantingToSpeak, record.entryId);
      if (record.reason === 'notReached') draft.queuedNotReached += 1;
      return;
    case 'turnStarted': {
      const person = draft.people[record.participantId] ?? { turns: 0, airtimeMs: 0 };
      if (person.turns === 0) countFirstTurn(draft, record.at);
      draft.people[record.participantId] = { ...person, turns: person.turns + 1 };
      draft.turns += 1;
      draft.waitsMs.push(record.waitMs);
      Reflect.deleteProperty(draft.entriesWantingToSpeak, record.entryId);
      return;
    }
    case 'turnEnded': {
      const person = draft.people[record.participantId] ?? { turns: 0, airtimeMs: 0 };
      draft.people[record.participantId] = {
        ...person,
        airtimeMs: person.airtimeMs + record.durationMs,
      };
      return;
    }
    case 'modeChanged':
      if (!draft.modesUsed.includes(record.mode)) draft.modesUsed.push(record.mode);
      return;
    case 'inviteSent':
      draft.invitesSent += 1;
      return;
    case 'inviteAnswered':
      if (record.accepted) draft.invitesAccepted += 1;
      return;
    case 'appreciated':
      draft.appreciations += 1;
      return;
    case 'checkinClosed':
      draft.checkins.push({
        promptId: record.promptId,
        scale: record.scale,
        aggregate: record.aggregate,
      });
      return;
    case 'sessionEnded':
      draft.sessionEndedAt ??= record.at;
      return;
  }
}

function countFirstTurn(draft: Draft, at: number): void {
  const startedAt = draft.startedAt ?? at;
  const windowMs = FIRST_TURN_WINDOW_MINUTES * 60_000;
  const minute = Math.max(0, Math.floor((at - startedAt) / windowMs)) * FIRST_TURN_WINDOW_MINUTES;
  draft.firstTurnsByMinute[minute] = (draft.firstTurnsByMinute[minute] ?? 0) + 1;
}
