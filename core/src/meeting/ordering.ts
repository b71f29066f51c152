// Where an entry goes in the queue. Kinds are kept in priority order; within `point`, equity mode
// lets people who have spoken least go first, but never past someone overtaken maxBypass times,
// nor past an entry carried over from the last session (it was promised the front).
import type { EntryKind, MeetingState, Participant, QueueEntry } from './state.js';
import { kindRank } from './state.js';

/**
 * The [start, end) slice of the queue that holds one kind: entries only move within it. The tab
 * reads the same rule to offer only the moves the queue accepts.
 */
export function sectionOf(
  queue: readonly Pick<QueueEntry, 'kind'>[],
  kind: EntryKind,
): { start: number; end: number } {
  const rank = kindRank(kind);
  const start = queue.filter((entry) => kindRank(entry.kind) < rank).length;
  const end = start + queue.filter((entry) => entry.kind === kind).length;
  return { start, end };
}

/** Fewer turns first, then less airtime; ties keep join order (the earlier joiner stays ahead). */
function hasSpokenLess(candidate: Participant, other: Participant): boolean {
  if (candidate.turns !== other.turns) return candidate.turns < other.turns;
  return candidate.airtimeMs < other.airtimeMs;
}

/** The index for a new entry and the entries it overtakes on the way there. */
export function placeNewEntry(
  state: MeetingState,
  participantId: string,
  kind: EntryKind,
): { index: number; overtook: string[] } {
  const { start, end } = sectionOf(state.queue, kind);
  const newcomer = state.participants[participantId];
  if (state.mode !== 'equity' || kind !== 'point' || newcomer === undefined) {
    return { index: end, overtook: [] };
  }
  const overtook: string[] = [];
  let index = end;
  while (index > start) {
    const ahead = state.queue[index - 1];
    const aheadPerson = ahead && state.participants[ahead.participantId];
    if (!ahead || !aheadPerson) break;
    // A capped entry keeps its place, and nobody jumps over it to reach those in front.
    if (ahead.overtakenBy >= state.settings.maxBypass) break;
    if (ahead.origin === 'carried') break;
    if (!hasSpokenLess(newcomer, aheadPerson)) break;
    overtook.push(ahead.entryId);
    index -= 1;
  }
  return { index, overtook };
}

/**
 * The index for an entry carried over from the last session: the front of its kind's section,
 * behind the carried entries that were ahead of it last time.
 */
export function placeCarriedEntry(state: MeetingState, kind: EntryKind, rank: number): number {
  const { start, end } = sectionOf(state.queue, kind);
  let index = start;
  while (index < end) {
    const entry = state.queue[index];
    if (entry?.origin !== 'carried' || (entry.carriedRank ?? 0) > rank) break;
    index += 1;
  }
  return index;
}
