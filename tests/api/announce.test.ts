// What each commit announces: public changes to everyone, private ones as nudges to the few.
import { describe, expect, it } from '@jest/globals';
import {
  type MeetingCommand,
  type MeetingEvent,
  type MeetingState,
  type Role,
  decide,
  evolveAll,
  initialMeetingState,
} from '@roundtable/core';
import { announcementFor, durableRecords } from '../../api/src/application/announce.js';

const meta = { meetingId: 'm', version: 2 };

function meetingOf(people: Record<string, Role>): MeetingState {
  return Object.entries(people).reduce(
    (state, [participantId, role]) =>
      apply(state, participantId, { type: 'arrive', displayName: participantId, role }).state,
    initialMeetingState(),
  );
}

function apply(state: MeetingState, participantId: string, command: MeetingCommand) {
  const decision = decide(command, state, {
    now: 1,
    actor: { kind: 'participant', participantId },
    random: () => 0.5,
  });
  if (!decision.ok) throw new Error(decision.error.code);
  return { state: evolveAll(state, decision.events), events: decision.events as MeetingEvent[] };
}

describe('announcementFor', () => {
  it('publishes the public view when the queue changed', () => {
    const before = meetingOf({ olu: 'organizer', ana: 'attendee' });
    const { state, events } = apply(before, 'ana', { type: 'join', kind: 'point' });
    const announcement = announcementFor(before, state, events, meta);
    expect(announcement.kind).toBe('publish');
  });

  it('only nudges the invitee and the hosts for a private invitation', () => {
    const before = meetingOf({
      olu: 'organizer',
      pat: 'presenter',
      ana: 'attendee',
      ben: 'attendee',
    });
    const { state, events } = apply(before, 'olu', { type: 'invite', participantId: 'ana' });
    // Pat presents but does not host: the host-only lists are not Pat's to see.
    expect(announcementFor(before, state, events, meta)).toEqual({
      kind: 'nudge',
      participantIds: ['olu', 'ana'],
    });
  });

  it('says nothing when nothing happened', () => {
    const state = meetingOf({ olu: 'organizer' });
    expect(announcementFor(state, state, [], meta)).toEqual({ kind: 'none' });
  });
});

describe('durableRecords', () => {
  it('replaces every pseudonym with its record id', () => {
    const before = meetingOf({ olu: 'organizer', ana: 'attendee' });
    const joined = apply(before, 'ana', { type: 'join', kind: 'point' });
    const turn = apply(joined.state, 'olu', { type: 'next', currentTurnId: null });
    const records = durableRecords([...joined.events, ...turn.events], (id) => `record-of-${id}`);
    expect(JSON.stringify(records)).not.toMatch(/"participantId":"(ana|olu)"/);
    expect(records.find((r) => r.type === 'turnStarted')).toMatchObject({
      participantId: 'record-of-ana',
    });
  });

  it('keeps no entry or turn id that a view shows', () => {
    const before = meetingOf({ olu: 'organizer', ana: 'attendee' });
    const joined = apply(before, 'ana', { type: 'join', kind: 'point' });
    const turn = apply(joined.state, 'olu', { type: 'next', currentTurnId: null });
    const shown = turn.state.current;
    if (shown === null) throw new Error('Ana should be speaking.');
    const records = durableRecords([...joined.events, ...turn.events], (id) => `record-of-${id}`);
    const text = JSON.stringify(records);
    expect(text).not.toContain(`"${shown.turnId}"`);
    expect(text).not.toContain(`"${shown.entryId}"`);
    expect(records.find((r) => r.type === 'turnStarted')).toMatchObject({
      turnId: `record-of-${shown.turnId}`,
      entryId: `record-of-${shown.entryId}`,
    });
  });
});
