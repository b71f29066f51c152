// What a meeting's log rows leave out (decision 011): a check-in answer and whether an invitation
// was taken never reach a log row; the open check-in's running tally is kept in the state row
// instead, rewritten in place with every commit, so nothing anyone answered lingers in the log.
import type { CheckinAggregate, MeetingEvent, MeetingState, Tally } from '@roundtable/core';

/** What the log keeps of an event: all of it but an answer, and whether an invitation was taken. */
export type LoggedEvent =
  | Exclude<MeetingEvent, { type: 'CheckinAnswered' | 'InviteAnswered' }>
  | Omit<Extract<MeetingEvent, { type: 'CheckinAnswered' }>, 'value'>
  | Omit<Extract<MeetingEvent, { type: 'InviteAnswered' }>, 'accepted'>;

export function withoutAnswers(event: MeetingEvent): LoggedEvent {
  if (event.type === 'CheckinAnswered') {
    const { value, ...kept } = event;
    return kept;
  }
  if (event.type === 'InviteAnswered') {
    const { accepted, ...kept } = event;
    return kept;
  }
  return event;
}

/**
 * Stand-ins for what the log does not keep. Neither changes the state: a tally ignores an answer
 * of 0, and the tally and published aggregate are then taken from the state row anyway.
 */
export function replayable(event: LoggedEvent): MeetingEvent {
  if (event.type === 'CheckinAnswered') return { ...event, value: 0 };
  if (event.type === 'InviteAnswered') return { ...event, accepted: false };
  return event;
}

export interface OpenTally {
  readonly tally: Tally;
  readonly published: CheckinAggregate | null;
}

export function openTally(state: MeetingState): OpenTally | null {
  const { checkin } = state;
  return checkin === null ? null : { tally: checkin.tally, published: checkin.published };
}

export function withoutTally(state: MeetingState): MeetingState {
  const { checkin } = state;
  if (checkin === null) return state;
  return { ...state, checkin: { ...checkin, tally: { kind: 'none' }, published: null } };
}

export function withTally(state: MeetingState, open: OpenTally | null): MeetingState {
  const { checkin } = state;
  if ((checkin === null) !== (open === null)) {
    throw new Error('The stored check-in tally does not match the stored check-in.');
  }
  return checkin === null || open === null ? state : { ...state, checkin: { ...checkin, ...open } };
}
