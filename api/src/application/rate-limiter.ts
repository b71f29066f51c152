// A token bucket per person per meeting: bursts are fine, floods are refused with a wait time.
export interface RateLimit {
  readonly capacity: number;
  readonly windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { capacity: 30, windowMs: 10_000 };
const MAX_TRACKED = 50_000;

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();

  constructor(private readonly limit: RateLimit = DEFAULT_RATE_LIMIT) {}

  /** Takes one token; returns 0 when allowed, else the seconds to wait. */
  take(key: string, now: number): number {
    const refillPerMs = this.limit.capacity / this.limit.windowMs;
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.capacity, updatedAt: now };
    const tokens = Math.min(
      this.limit.capacity,
      bucket.tokens + (now - bucket.updatedAt) * refillPerMs,
    );
    this.buckets.delete(key);
    if (tokens >= 1) {
      this.remember(key, { tokens: tokens - 1, updatedAt: now });
      return 0;
    }
    this.remember(key, { tokens, updatedAt: now });
    return Math.max(1, Math.ceil((1 - tokens) / refillPerMs / 1000));
  }

  private remember(key: string, bucket: { tokens: number; updatedAt: number }): void {
    this.buckets.set(key, bucket);
    // Maps iterate in insertion order, so the first key is the least recently used.
    if (this.buckets.size > MAX_TRACKED) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
  }
}
