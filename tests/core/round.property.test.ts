// Round mode orders people uniformly at random: every permutation of a small group equally often.
import { describe, expect, it } from '@jest/globals';
import { type RandomSource, shuffle } from '@roundtable/core';
import { TestMeeting, seededRandom } from './support.js';

const GROUP = ['ana', 'ben', 'cai', 'dee'];
const PERMUTATIONS = 24;
const TRIALS = 24_000;
/** The chi-square critical value for 23 degrees of freedom at p = 0.001. */
const CRITICAL_CHI_SQUARE = 49.728;

function chiSquare(counts: Map<string, number>, trials: number, categories: number): number {
  const expected = trials / categories;
  let statistic = (categories - counts.size) * expected; // permutations never seen
  for (const observed of counts.values()) statistic += (observed - expected) ** 2 / expected;
  return statistic;
}

function tally(trials: number, order: (random: RandomSource) => string[]): Map<string, number> {
  const random = seededRandom(20261121);
  const counts = new Map<string, number>();
  for (let i = 0; i < trials; i++) {
    const key = order(random).join(',');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The classic mistake: swapping with any position, which favours some orders. */
function naiveShuffle<T>(items: readonly T[], random: RandomSource): T[] {
  const result = [...items];
  for (let i = 0; i < result.length; i++) {
    const j = Math.floor(random() * result.length);
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

describe('round order', () => {
  it('starting a round yields every order of four people about equally often', () => {
    const counts = tally(TRIALS, (random) => {
      const m = TestMeeting.with({
        ana: 'organizer',
        ben: 'attendee',
        cai: 'attendee',
        dee: 'attendee',
      });
      m.random = random;
      m.do('ana', { type: 'setMode', mode: 'round' });
      return m.state.queue.map((entry) => entry.participantId);
    });
    expect(counts.size).toBe(PERMUTATIONS);
    expect(chiSquare(counts, TRIALS, PERMUTATIONS)).toBeLessThan(CRITICAL_CHI_SQUARE);
  });

  it('the same test rejects a biased shuffle, so it can tell the difference', () => {
    const counts = tally(TRIALS, (random) => naiveShuffle(GROUP, random));
    expect(chiSquare(counts, TRIALS, PERMUTATIONS)).toBeGreaterThan(CRITICAL_CHI_SQUARE);
  });

  it('shuffle keeps every item exactly once and leaves its input alone', () => {
    const input = ['a', 'b', 'c', 'd', 'e'];
    const output = shuffle(input, seededRandom(1));
    expect([...output].sort()).toEqual(input);
    expect(input).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(shuffle(input, () => 0.9999999999)).toHaveLength(5);
  });
});
