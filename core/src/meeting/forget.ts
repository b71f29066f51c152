// The end of a session's live state: from the moment it ends, nothing about any person is kept.
import type { MeetingState } from './state.js';
import { initialMeetingState } from './state.js';

/** An ended session with no participants, names, notes, pseudonyms or answers left in it. */
export function forgetPeople(state: MeetingState): MeetingState {
  // The organiser's options are about the meeting, not anyone in it: the next session keeps them.
  return {
    ...initialMeetingState(state.settings, state.session, state.options),
    phase: 'ended',
  };
}
