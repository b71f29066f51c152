// The end of a session's live state: from the moment it ends, nothing about any person is kept.
import type { MeetingState } from './state.js';
import { initialMeetingState } from './state.js';

/** An ended session with no participants, names, notes, pseudonyms or answers left in it. */
export function forgetPeople(state: MeetingState): MeetingState {
  return { ...initialMeetingState(state.settings, state.session), phase: 'ended' };
}
