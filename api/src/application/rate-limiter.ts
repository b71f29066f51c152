// Token buckets: bursts are fine, floods are refused with a wait time. Three are used: commands
// per person per meeting, every authenticated request per person, and Teams lookups per person.
import { LRUCache } from 'lru-cache';

export interface RateLimit {
  readonly capacity: number;
  readonly windowMs: number;
}

/** Commands per person per meeting. */
export const DEFAULT_RATE_LIMIT: RateLimit = { capacity: 30, windowMs: 10_000 };
/**
 * Every authenticated request per person, any meeting: a panel polls a view every 3 s at most,
 * so a person with a few panels open stays well inside; a script walking meeting ids does not.
 */
export const CALLER_RATE_LIMIT: RateLimit = { capacity: 120, windowMs: 60_000 };
/** Questions to Teams on one person's behalf (each a Bot Connector call with the bot's token). */
export const LOOKUP_RATE_LIMIT: RateLimit = { capacity: 60, windowMs: 60_000 };

const MAX_TRACKED = 50_000;

interface Bucket {
  readonly tokens: number;
  readonly updatedAt: number;
}

export class RateLimiter {
  // Least recently used buckets go first; a bucket forgotten is a full one, which only errs kindly.
  private readonly buckets = new LRUCache<string, Bucket>({ max: MAX_TRACKED });

  constructor(private readonly limit: RateLimit = DEFAULT_RATE_LIMIT) {}

  /** Takes one token; returns 0 when allowed, else the seconds to wait. */
  take(key: string, now: number): number {
    const refillPerMs = this.limit.capacity / this.limit.windowMs;
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.capacity, updatedAt: now };
    const tokens = Math.min(
      this.limit.capacity,
      bucket.tokens + (now - bucket.updatedAt) * refillPerMs,
    );
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, updatedAt: now });
      return 0;
    }
    this.buckets.set(key, { tokens, updatedAt: now });
    return Math.max(1, Math.ceil((1 - tokens) / refillPerMs / 1000));
  }
}
