import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { gini, median, percentileNearestRank } from '@roundtable/core';

const amounts = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 60 });
const withSomethingPositive = amounts.filter((values) => values.some((value) => value > 0));

/** Textbook definition: mean absolute difference over all ordered pairs, over twice the mean. */
function giniByPairs(values: readonly number[]): number {
  const n = values.length;
  const mean = values.reduce((total, value) => total + value, 0) / n;
  let differences = 0;
  for (const a of values) for (const b of values) differences += Math.abs(a - b);
  return differences / (2 * n * n * mean);
}

describe('gini', () => {
  it('is 0.5 for airtimes of 60 s, 30 s, 10 s and 0 s', () => {
    // Ascending 0, 10, 30, 60: Σ i·x = 1·0 + 2·10 + 3·30 + 4·60 = 350, Σx = 100, n = 4.
    // G = 2·350 / (4·100) − 5/4 = 1.75 − 1.25 = 0.5.
    expect(gini([60_000, 30_000, 10_000, 0])).toBeCloseTo(0.5, 12);
  });

  it('is null when there is nothing to share out', () => {
    expect(gini([])).toBeNull();
    expect(gini([0, 0, 0])).toBeNull();
  });

  it('is 0 when everyone has the same positive amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 1e9 }), (n, x) => {
        expect(gini(Array.from({ length: n }, () => x))).toBeCloseTo(0, 10);
      }),
    );
  });

  it('is (n − 1)/n when exactly one of n has anything', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.nat(),
        fc.integer({ min: 1, max: 1e9 }),
        (n, position, amount) => {
          const values = Array.from({ length: n }, (_, i) => (i === position % n ? amount : 0));
          expect(gini(values)).toBeCloseTo((n - 1) / n, 10);
        },
      ),
    );
  });

  it('agrees with the pairwise definition and stays in [0, 1)', () => {
    fc.assert(
      fc.property(withSomethingPositive, (values) => {
        const coefficient = gini(values);
        expect(coefficient).toBeCloseTo(giniByPairs(values), 9);
        expect(coefficient).toBeGreaterThanOrEqual(0);
        expect(coefficient).toBeLessThan(1);
      }),
    );
  });

  it('does not change when everything is scaled', () => {
    fc.assert(
      fc.property(withSomethingPositive, fc.integer({ min: 1, max: 10_000 }), (values, factor) => {
        expect(gini(values.map((value) => value * factor))).toBeCloseTo(gini(values) ?? NaN, 9);
      }),
    );
  });

  it('does not depend on the order of the values', () => {
    const valuesAndPermutation = withSomethingPositive.chain((values) =>
      fc.tuple(
        fc.constant(values),
        fc.shuffledSubarray(values, { minLength: values.length, maxLength: values.length }),
      ),
    );
    fc.assert(
      fc.property(valuesAndPermutation, ([values, permuted]) => {
        expect(gini(permuted)).toBeCloseTo(gini(values) ?? NaN, 12);
      }),
    );
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([40, 10, 30])).toBe(30);
    // Sorted 10, 20, 30, 40: the middle pair is 20 and 30.
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([])).toBeNull();
  });

  it('matches picking from a sorted copy', () => {
    fc.assert(
      fc.property(amounts, (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        const n = sorted.length;
        const expected =
          n % 2 === 1
            ? sorted[(n - 1) / 2]
            : ((sorted[n / 2 - 1] ?? NaN) + (sorted[n / 2] ?? NaN)) / 2;
        expect(median(values)).toBe(expected);
      }),
    );
  });
});

describe('percentileNearestRank', () => {
  it('takes the value at rank ⌈p·n⌉', () => {
    // Ten values: p90 has rank ⌈9⌉ = 9, the ninth smallest; p50 has rank 5.
    const tens = [100, 90, 80, 70, 60, 50, 40, 30, 20, 10];
    expect(percentileNearestRank(tens, 0.9)).toBe(90);
    expect(percentileNearestRank(tens, 0.5)).toBe(50);
    // Five values: p90 has rank ⌈4.5⌉ = 5, the largest.
    expect(percentileNearestRank([5, 1, 4, 2, 3], 0.9)).toBe(5);
    expect(percentileNearestRank([], 0.9)).toBeNull();
    // 0.28 × 25 is exactly 7, though floating point makes it 7.000000000000001.
    const oneToTwentyFive = Array.from({ length: 25 }, (_, i) => i + 1);
    expect(percentileNearestRank(oneToTwentyFive, 0.28)).toBe(7);
  });

  it('is the smallest value with at least p of all values at or below it', () => {
    fc.assert(
      fc.property(amounts, fc.integer({ min: 1, max: 100 }), (values, percent) => {
        const n = values.length;
        // Whole-number arithmetic, so the oracle has no rounding of its own.
        const expected = Math.min(
          ...values.filter((candidate) => {
            const atOrBelow = values.filter((value) => value <= candidate).length;
            return atOrBelow * 100 >= percent * n;
          }),
        );
        expect(percentileNearestRank(values, percent / 100)).toBe(expected);
      }),
    );
  });
});
