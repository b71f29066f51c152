// The end of a session's live state: from the moment it ends, nothing about any person is kept,
// except, when the organiser chose carry-over, who was still waiting (as carry keys) and for what.
import type { CarriedEntry, MeetingState } from './state.js';
import { initialMeetingState } from './state.js';

/** An ended session with no participants, names, notes, pseudonyms or answers left in it. */
export function forgetPeople(state: MeetingState): MeetingState {
  // The organiser's options are about the meeting, not anyone in it: the next session keeps them.
  // Carried entries nobody came back for end here too.
  return {
    ...initialMeetingState(state.settings, state.session, state.options),
    phase: 'ended',
  };
}

/**
 * What the next session is to carry over from this live state, as the session ends: each waiting
 * entry whose person has a carry key, in queue order, with only its kind and place. Nothing when
 * the organiser has not chosen carry-over. No note, no name, no pseudonym.
 */
export function entriesToCarry(state: MeetingState): CarriedEntry[] {
  if (!state.options.carryOver || state.phase !== 'live') return [];
  return state.queue.flatMap((entry, rank) => {
    const carryKey = state.participants[entry.participantId]?.carryKey;
    return carryKey === undefined ? [] : [{ carryKey, kind: entry.kind, rank }];
  });
}
