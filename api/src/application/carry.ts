// Carry-over between the sessions of one meeting (decision 013): the ending commit keeps, sealed
// under carry keys, who was still waiting and for what; the next session's opening takes it in and
// deletes it. It lives at most CARRY_DAYS and is never applied once expired.
import type { CarriedEntry, MeetingState } from '@roundtable/core';
import { CARRY_DAYS, DAY_MS, entriesToCarry } from '@roundtable/core';

/**
 * What the ending commit of a session carries to the next one (the organiser's carry-over): each
 * entry still waiting, as its person's carry key, its kind and its place; nothing else.
 */
export interface CarriedSet {
  /** The session that ended with these entries waiting. */
  readonly session: number;
  readonly entries: readonly CarriedEntry[];
  /** After this the set is never applied, and housekeeping deletes it. */
  readonly expiresAt: number;
}

/** The set to store as `beforeEnd` (the live state the ending was decided on) ends; null: none. */
export function carriedAtEnd(beforeEnd: MeetingState, endedAt: number): CarriedSet | null {
  const entries = entriesToCarry(beforeEnd);
  if (entries.length === 0) return null;
  return { session: beforeEnd.session, entries, expiresAt: endedAt + CARRY_DAYS * DAY_MS };
}

/**
 * The entries a new session takes in: none once expired, none when the organiser has turned
 * carry-over off since, none from any session but the one just before.
 */
export function carriedIntoNext(
  set: CarriedSet | null,
  ended: MeetingState | null,
  now: number,
): readonly CarriedEntry[] {
  if (set === null || ended?.options.carryOver !== true) return [];
  if (set.expiresAt <= now || set.session !== ended.session) return [];
  return set.entries;
}
