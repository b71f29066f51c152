// How a commit that lost an ETag race tries again: a few times, soon, with full jitter, so two
// instances that collided do not collide again in step.
import type { RandomSource } from '@roundtable/core';
import { DependencyUnavailableError } from '../errors.js';

export interface BackoffPolicy {
  readonly attempts: number;
  readonly baseMs: number;
  readonly capMs: number;
}

export const CONFLICT_BACKOFF: BackoffPolicy = { attempts: 8, baseMs: 10, capMs: 250 };

/** The wait before attempt `attempt + 1`: uniform in [0, min(cap, base · 2^attempt)). */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: RandomSource): number {
  return random() * Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
}

/** What the caller hears when every attempt lost its race: a 503 to retry after a second. */
export function outOfAttempts(): DependencyUnavailableError {
  return new DependencyUnavailableError(
    'busy',
    'This meeting is very busy right now; try again in a moment.',
    1,
  );
}
