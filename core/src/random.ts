// Fisher–Yates with an injected source: every permutation equally likely when the source is uniform.
import type { RandomSource } from './decider.js';

/** An integer in [0, bound), taken from the source without modulo bias. */
export function randomIndex(random: RandomSource, bound: number): number {
  const value = Math.floor(random() * bound);
  // A source that returns exactly 1 (outside its contract) must not index past the end.
  return Math.min(value, bound - 1);
}

/** Returns a shuffled copy; the input is left untouched. */
export function shuffle<T>(items: readonly T[], random: RandomSource): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = randomIndex(random, i + 1);
    const held = result[i] as T;
    result[i] = result[j] as T;
    result[j] = held;
  }
  return result;
}
