// The end of a meeting's live state: once the summary is built, nothing about any person is kept.
import type { MeetingState } from './state.js';
import { initialMeetingState } from './state.js';

/** An ended meeting with no participants, names, notes, pseudonyms or answers left in it. */
export function forgetPeople(state: MeetingState): MeetingState {
  return { ...initialMeetingState(state.settings), phase: 'ended' };
}
