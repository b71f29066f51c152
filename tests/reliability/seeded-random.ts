// A small seeded generator (mulberry32), so a failing run's command choices can be repeated:
// ROUNDTABLE_RELIABILITY_SEED=<the seed the test printed>. Thread timing still varies.
export interface Seeded {
  readonly seed: number;
  /** Uniform in [0, 1). */
  next(): number;
  int(bound: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
}

export function seedFromEnvironment(): number {
  const given = Number(process.env.ROUNDTABLE_RELIABILITY_SEED);
  return Number.isInteger(given) ? given : Math.floor(Math.random() * 2 ** 31);
}

export function seeded(seed: number): Seeded {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (bound: number) => Math.floor(next() * bound);
  return {
    seed,
    next,
    int,
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('Nothing to pick from.');
      return items[int(items.length)] as T;
    },
  };
}
