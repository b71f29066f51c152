// Plain statistics for the inclusion summary. Each returns null when there is nothing to measure,
// so "no data" never shows up as a misleading 0.

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

export function sortedAscending(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/**
 * Gini coefficient of non-negative values: 0 when everyone has the same, (n − 1)/n when one has
 * everything. Null when there are no values or they sum to 0 (nobody had any, so no inequality).
 */
export function gini(values: readonly number[]): number | null {
  const n = values.length;
  const total = sum(values);
  if (n === 0 || total === 0) return null;
  let weighted = 0;
  sortedAscending(values).forEach((value, index) => {
    weighted += (index + 1) * value;
  });
  const coefficient = (2 * weighted) / (n * total) - (n + 1) / n;
  // Rounding can leave equal values a hair below zero; a negative Gini has no meaning.
  return Math.max(0, coefficient);
}

/** The middle value, or the mean of the two middle values when the count is even. */
export function median(values: readonly number[]): number | null {
  const sorted = sortedAscending(values);
  const n = sorted.length;
  // For an odd count both indexes point at the one middle value.
  const lower = sorted[Math.floor((n - 1) / 2)];
  const upper = sorted[Math.floor(n / 2)];
  if (lower === undefined || upper === undefined) return null;
  return (lower + upper) / 2;
}

/**
 * Nearest-rank percentile (p in [0, 1]): the smallest value with at least p of all values at or
 * below it, always one of the values themselves.
 */
export function percentileNearestRank(values: readonly number[], p: number): number | null {
  const sorted = sortedAscending(values);
  const n = sorted.length;
  if (n === 0) return null;
  // 0.07 × 100 is 7.000000000000001 in floating point; without the nudge the rank would be 8.
  const rank = Math.ceil(p * n - 1e-9);
  const index = Math.min(n, Math.max(1, rank)) - 1;
  return sorted[index] ?? null;
}
