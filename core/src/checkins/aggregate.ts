// Anonymous check-in answers: only a tally is kept, and it is shown only when k people answered.
import { z } from 'zod';
import type { CheckinAnswer } from '../meeting/events.js';
import type { CheckinScale, Tally } from '../meeting/state.js';

export const WORD_ANSWER_MAX_LENGTH = 40;
export const WORD_ANSWER_MAX_WORDS = 3;
/** The aggregate lists at most this many distinct words, most frequent first. */
export const AGGREGATE_MAX_WORDS = 30;

export const checkinAggregateSchema = z.discriminatedUnion('scale', [
  z.object({
    scale: z.enum(['likert5', 'energy5']),
    n: z.int(),
    /** Counts for the answers 1..5, in that order. */
    histogram: z.array(z.int()).length(5),
    mean: z.number(),
  }),
  z.object({
    scale: z.literal('word'),
    n: z.int(),
    words: z.array(z.object({ word: z.string(), count: z.int() })),
  }),
]);
export type CheckinAggregate = z.infer<typeof checkinAggregateSchema>;

export function emptyTally(scale: CheckinScale): Tally {
  switch (scale) {
    case 'likert5':
    case 'energy5':
      return { kind: 'scale', counts: [0, 0, 0, 0, 0] };
    case 'word':
      return { kind: 'words', counts: {} };
    case 'round':
      return { kind: 'none' };
  }
}

/** Trims, folds case and spacing, drops invisible characters; null when nothing usable is left. */
export function normaliseWordAnswer(value: string): string | null {
  const cleaned = value
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/[^\p{L}\p{N}\p{M}\p{Extended_Pictographic}'’ -]/gu, ' ')
    .trim()
    .replace(/\s+/gu, ' ')
    .toLowerCase();
  if (cleaned.length === 0 || cleaned.length > WORD_ANSWER_MAX_LENGTH) return null;
  if (cleaned.split(' ').length > WORD_ANSWER_MAX_WORDS) return null;
  return cleaned;
}

/** The answer as it will be tallied, or null when it does not fit the scale. */
export function acceptAnswer(scale: CheckinScale, value: CheckinAnswer): CheckinAnswer | null {
  switch (scale) {
    case 'likert5':
    case 'energy5':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5
        ? value
        : null;
    case 'word':
      return typeof value === 'string' ? normaliseWordAnswer(value) : null;
    case 'round':
      return null;
  }
}

export function addToTally(tally: Tally, value: CheckinAnswer): Tally {
  if (tally.kind === 'scale' && typeof value === 'number') {
    return { kind: 'scale', counts: tally.counts.map((c, i) => (i === value - 1 ? c + 1 : c)) };
  }
  if (tally.kind === 'words' && typeof value === 'string') {
    // Own properties only: an answer such as "constructor" must not read Object.prototype.
    const count = Object.hasOwn(tally.counts, value) ? (tally.counts[value] ?? 0) : 0;
    return { kind: 'words', counts: { ...tally.counts, [value]: count + 1 } };
  }
  return tally;
}

export function aggregateOf(scale: CheckinScale, tally: Tally): CheckinAggregate | null {
  if ((scale === 'likert5' || scale === 'energy5') && tally.kind === 'scale') {
    const n = tally.counts.reduce((sum, c) => sum + c, 0);
    const total = tally.counts.reduce((sum, c, i) => sum + c * (i + 1), 0);
    return { scale, n, histogram: [...tally.counts], mean: n === 0 ? 0 : total / n };
  }
  if (scale === 'word' && tally.kind === 'words') {
    const entries = Object.entries(tally.counts);
    const words = entries
      .map(([word, count]) => ({ word, count }))
      .sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
      .slice(0, AGGREGATE_MAX_WORDS);
    return { scale, n: entries.reduce((sum, [, c]) => sum + c, 0), words };
  }
  return null;
}

/**
 * What may be shown of a tally: only whole blocks of k answers. Showing every answer after the
 * k-th would let anyone subtract two consecutive aggregates and read one person's answer.
 */
export function publishableAggregate(
  scale: CheckinScale,
  tally: Tally,
  answered: number,
  k: number,
): CheckinAggregate | null {
  if (answered < k || answered % k !== 0) return null;
  return aggregateOf(scale, tally);
}
