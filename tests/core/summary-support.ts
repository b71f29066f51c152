// Record builders for the summary specs: small, readable streams of participation records.
import type { CheckinAggregate, EntryOrigin, ParticipationRecord } from '@roundtable/core';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const k3 = { k: 3 };

export const arrived = (participantId: string, at = 0): ParticipationRecord => ({
  type: 'arrived',
  at,
  participantId,
});

/** A finished turn: started at `at` after waiting `waitMs`, lasting `durationMs`. */
export function turn(participantId: string, at: number, durationMs: number, waitMs = 0) {
  const turnId = `${participantId}@${at}`;
  const common = { turnId, participantId };
  return [
    {
      ...common,
      type: 'turnStarted',
      at,
      entryId: turnId,
      kind: 'point',
      origin: 'joined',
      waitMs,
    },
    { ...common, type: 'turnEnded', at: at + durationMs, durationMs },
  ] satisfies ParticipationRecord[];
}

export function likert(promptId: string | null, answers: number[]): ParticipationRecord {
  const histogram = [1, 2, 3, 4, 5].map((value) => answers.filter((a) => a === value).length);
  const mean = answers.reduce((total, a) => total + a, 0) / answers.length;
  const aggregate: CheckinAggregate = { scale: 'likert5', n: answers.length, histogram, mean };
  return { type: 'checkinClosed', at: 0, promptId, scale: 'likert5', aggregate };
}

export const joined = (entryId: string, origin: EntryOrigin): ParticipationRecord => ({
  type: 'entryJoined',
  at: 0,
  entryId,
  kind: 'point',
  origin,
});

export const everyoneArrives = (...ids: string[]) => ids.map((id) => arrived(id));
