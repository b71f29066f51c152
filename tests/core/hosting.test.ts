// Presence, co-hosts, private invitations, ending the session, and who may do what.
import { describe, expect, it } from '@jest/globals';
import {
  type MeetingCommand,
  forgetPeople,
  participantView,
  upgradedState,
} from '@roundtable/core';
import { TestMeeting, eventTypes, refusedWith } from './support.js';

const people = { olu: 'organizer', pat: 'presenter', ana: 'attendee', ben: 'attendee' } as const;

describe('presence', () => {
  it('records a first arrival once, and a later return or rename without firstTime', () => {
    const m = TestMeeting.with(people);
    expect(m.events.filter((e) => e.type === 'ParticipantArrived')).toHaveLength(4);
    expect(
      eventTypes(m.try('ana', { type: 'arrive', displayName: 'Ana', role: 'attendee' })),
    ).toEqual([]);
    m.do('ana', { type: 'depart' });
    expect(m.state.participants.ana?.present).toBe(false);
    const back = m.try('ana', { type: 'arrive', displayName: 'Ana', role: 'attendee' });
    expect(back.ok && back.events[0]).toMatchObject({
      type: 'ParticipantArrived',
      firstTime: false,
    });
    expect(m.state.participants.ana?.present).toBe(true);
    expect(eventTypes(m.try('zed', { type: 'depart' }))).toEqual([]);
  });

  it('keeps a person’s turns and airtime when their role changes', () => {
    const m = TestMeeting.with(people);
    m.do('ana', { type: 'join', kind: 'point' });
    m.do('olu', { type: 'next', currentTurnId: null });
    m.tick(10);
    m.do('ana', { type: 'finish', turnId: m.turnId() ?? '' });
    m.do('ana', { type: 'arrive', displayName: 'Ana', role: 'presenter' });
    expect(m.state.participants.ana).toMatchObject({
      role: 'presenter',
      turns: 1,
      airtimeMs: 10_000,
    });
  });
});

describe('co-hosts', () => {
  it('lets the organiser grant and revoke a co-host, who can then run the queue', () => {
    const m = TestMeeting.with(people);
    m.do('ben', { type: 'join', kind: 'point' });
    expect(refusedWith(m.try('ana', { type: 'next', currentTurnId: null }))).toBe('not-host');
    m.do('olu', { type: 'grantHost', participantId: 'ana' });
    expect(refusedWith(m.try('ana', { type: 'next', currentTurnId: null }))).toBe('accepted');
    m.do('olu', { type: 'revokeHost', participantId: 'ana' });
    expect(m.state.participants.ana?.coHost).toBe(false);
    expect(refusedWith(m.try('ana', { type: 'lock' }))).toBe('not-host');
  });

  it('does not let co-hosts, presenters or attendees grant hosting', () => {
    const m = TestMeeting.with(people);
    m.do('olu', { type: 'grantHost', participantId: 'ana' });
    const byCoHost = m.try('ana', { type: 'grantHost', participantId: 'ben' });
    expect(refusedWith(byCoHost)).toBe('not-organizer');
    m.do('olu', { type: 'setPresentersHost', enabled: true });
    expect(refusedWith(m.try('pat', { type: 'grantHost', participantId: 'ben' }))).toBe(
      'not-organizer',
    );
    expect(refusedWith(m.try('ben', { type: 'grantHost', participantId: 'ben' }))).toBe('not-host');
  });

  it('refuses to grant someone who already hosts, or revoke a host by role', () => {
    const m = TestMeeting.with({ ...people, ola: 'organizer' });
    expect(refusedWith(m.try('olu', { type: 'grantHost', participantId: 'ola' }))).toBe(
      'already-host',
    );
    expect(refusedWith(m.try('olu', { type: 'revokeHost', participantId: 'ola' }))).toBe(
      'host-by-role',
    );
    m.do('olu', { type: 'setPresentersHost', enabled: true });
    expect(refusedWith(m.try('olu', { type: 'revokeHost', participantId: 'pat' }))).toBe(
      'host-by-role',
    );
    expect(refusedWith(m.try('olu', { type: 'revokeHost', participantId: 'ana' }))).toBe(
      'not-co-host',
    );
    expect(refusedWith(m.try('olu', { type: 'grantHost', participantId: 'zed' }))).toBe(
      'participant-not-found',
    );
  });
});

describe('presenters', () => {
  it('do not host unless an organiser turns it on, and stop when it is turned off', () => {
    const m = TestMeeting.with(people);
    m.do('ana', { type: 'join', kind: 'point' });
    expect(refusedWith(m.try('pat', { type: 'next', currentTurnId: null }))).toBe('not-host');
    expect(eventTypes(m.try('olu', { type: 'setPresentersHost', enabled: true }))).toEqual([
      'PresentersHostChanged',
    ]);
    expect(m.state.presentersHost).toBe(true);
    expect(refusedWith(m.try('pat', { type: 'next', currentTurnId: null }))).toBe('accepted');
    expect(eventTypes(m.try('olu', { type: 'setPresentersHost', enabled: true }))).toEqual([]);
    m.do('olu', { type: 'setPresentersHost', enabled: false });
    expect(refusedWith(m.try('pat', { type: 'lock' }))).toBe('not-host');
  });

  it('can be granted co-host like anyone else while presenters do not host', () => {
    const m = TestMeeting.with(people);
    m.do('olu', { type: 'grantHost', participantId: 'pat' });
    expect(refusedWith(m.try('pat', { type: 'lock' }))).toBe('accepted');
  });

  it('lets only an organiser switch presenters hosting', () => {
    const m = TestMeeting.with(people);
    m.do('olu', { type: 'grantHost', participantId: 'ana' });
    expect(refusedWith(m.try('ana', { type: 'setPresentersHost', enabled: true }))).toBe(
      'not-organizer',
    );
    expect(refusedWith(m.try('pat', { type: 'setPresentersHost', enabled: true }))).toBe(
      'not-host',
    );
  });
});

describe('private invitations', () => {
  it('invites privately; accepting puts the person in the queue with a point', () => {
    const m = TestMeeting.with(people);
    m.do('olu', { type: 'lock' });
    m.do('olu', { type: 'invite', participantId: 'ana' });
    expect(m.state.participants.ana?.invitedAt).toBe(m.now);
    const decision = m.try('ana', { type: 'respondInvite', accept: true });
    expect(eventTypes(decision)).toEqual(['InviteAnswered', 'EntryJoined']);
    expect(m.state.queue[0]).toMatchObject({
      participantId: 'ana',
      kind: 'point',
      origin: 'invite',
    });
    expect(m.state.participants.ana?.invitedAt).toBeNull();
  });

  it('lets a person decline, leaving the queue untouched', () => {
    const m = TestMeeting.with(people);
    m.do('olu', { type: 'invite', participantId: 'ana' });
    expect(eventTypes(m.try('ana', { type: 'respondInvite', accept: false }))).toEqual([
      'InviteAnswered',
    ]);
    expect(m.state.queue).toHaveLength(0);
    expect(refusedWith(m.try('ana', { type: 'respondInvite', accept: true }))).toBe('no-invite');
  });

  it('accepting while already holding a point adds no second entry', () => {
    const m = TestMeeting.with(people);
    m.do('ana', { type: 'join', kind: 'point' });
    m.do('olu', { type: 'invite', participantId: 'ana' });
    expect(eventTypes(m.try('ana', { type: 'respondInvite', accept: true }))).toEqual([
      'InviteAnswered',
    ]);
  });

  it('refuses self-invites, repeat invites, absent people and unknown people', () => {
    const m = TestMeeting.with(people);
    expect(refusedWith(m.try('olu', { type: 'invite', participantId: 'olu' }))).toBe(
      'cannot-invite-self',
    );
    m.do('olu', { type: 'invite', participantId: 'ana' });
    m.do('olu', { type: 'grantHost', participantId: 'pat' });
    expect(refusedWith(m.try('pat', { type: 'invite', participantId: 'ana' }))).toBe(
      'already-invited',
    );
    m.do('ben', { type: 'depart' });
    expect(refusedWith(m.try('olu', { type: 'invite', participantId: 'ben' }))).toBe('not-present');
    expect(refusedWith(m.try('olu', { type: 'invite', participantId: 'zed' }))).toBe(
      'participant-not-found',
    );
    expect(refusedWith(m.try('ben', { type: 'invite', participantId: 'ana' }))).toBe('not-host');
  });
});

describe('ending the session', () => {
  it('ends the turn, closes the check-in, marks waiting entries not reached, then refuses everything', () => {
    const m = TestMeeting.with(people);
    m.do('ana', { type: 'join', kind: 'point' });
    m.do('ben', { type: 'join', kind: 'point' });
    m.do('olu', { type: 'next', currentTurnId: null });
    m.do('olu', { type: 'openCheckin', promptId: 'felt-heard' });
    m.tick(45);
    const decision = m.try('olu', { type: 'endSession', session: 1 });
    expect(eventTypes(decision)).toEqual([
      'TurnEnded',
      'CheckinClosed',
      'EntryLeft',
      'SessionEnded',
    ]);
    expect(decision.ok && decision.events[2]).toMatchObject({
      participantId: 'ben',
      reason: 'notReached',
    });
    expect(m.state).toMatchObject({ phase: 'ended', queue: [], current: null, checkin: null });
    expect(refusedWith(m.try('ana', { type: 'join', kind: 'point' }))).toBe('meeting-ended');
  });

  it('ends a session once: ending it again, or ending another session, changes nothing', () => {
    const m = TestMeeting.with(people);
    expect(eventTypes(m.try('olu', { type: 'endSession', session: 2 }))).toEqual([]);
    expect(m.state.phase).toBe('live');
    expect(eventTypes(m.try('system', { type: 'endSession', session: 0 }))).toEqual([]);
    expect(eventTypes(m.try('olu', { type: 'endSession', session: 1 }))).toEqual(['SessionEnded']);
    expect(refusedWith(m.try('olu', { type: 'endSession', session: 1 }))).toBe('accepted');
    expect(eventTypes(m.try('system', { type: 'endSession', session: 1 }))).toEqual([]);
  });

  it('lets the system end a meeting (Teams meeting end, idle timer) but do nothing else', () => {
    const m = TestMeeting.with(people);
    expect(refusedWith(m.try('system', { type: 'lock' }))).toBe('not-a-system-command');
    expect(eventTypes(m.try('system', { type: 'endSession', session: 1 }))).toEqual([
      'SessionEnded',
    ]);
  });

  it('refuses endSession from attendees and from presenters who do not host', () => {
    const m = TestMeeting.with(people);
    expect(refusedWith(m.try('ana', { type: 'endSession', session: 1 }))).toBe('not-host');
    expect(refusedWith(m.try('pat', { type: 'endSession', session: 1 }))).toBe('not-host');
  });
});

describe('role matrix: host-only commands', () => {
  const hostOnly: MeetingCommand[] = [
    { type: 'next', currentTurnId: null },
    { type: 'remove', entryId: 'e1' },
    { type: 'move', entryId: 'e1', toIndex: 0 },
    { type: 'setMode', mode: 'equity' },
    { type: 'setTimebox', seconds: 60 },
    { type: 'lock' },
    { type: 'unlock' },
    { type: 'grantHost', participantId: 'ben' },
    { type: 'revokeHost', participantId: 'ben' },
    { type: 'invite', participantId: 'ben' },
    { type: 'openCheckin', promptId: 'energy' },
    { type: 'closeCheckin', checkinId: 'c1' },
    { type: 'setPresentersHost', enabled: true },
    { type: 'endSession', session: 1 },
  ];
  it.each(hostOnly.map((command) => [command.type, command] as const))(
    '%s is refused to an attendee and not refused as forbidden to the organiser',
    (_type, command) => {
      const m = TestMeeting.with(people);
      m.do('ben', { type: 'join', kind: 'point' });
      expect(refusedWith(m.try('ana', command))).toBe('not-host');
      expect(refusedWith(m.try('pat', command))).toBe('not-host');
      const byOrganiser = m.try('olu', command);
      expect(byOrganiser.ok || byOrganiser.error.category !== 'forbidden').toBe(true);
    },
  );
});

describe('the meeting’s options', () => {
  it('are the organiser’s to set, shown to everyone, and kept into the next session', () => {
    const m = TestMeeting.with(people);
    m.do('olu', { type: 'grantHost', participantId: 'ana' });
    expect(m.try('ana', { type: 'setOption', option: 'carryOver', enabled: true })).toMatchObject({
      ok: false,
      error: { code: 'not-organizer' },
    });
    m.do('olu', { type: 'setOption', option: 'carryOver', enabled: true });
    expect(
      eventTypes(m.try('olu', { type: 'setOption', option: 'carryOver', enabled: true })),
    ).toEqual([]);
    expect(participantView(m.state, { meetingId: 'm', version: 1 }, 'ben')?.options).toEqual({
      transcript: false,
      carryOver: true,
    });
    m.do('olu', { type: 'endSession', session: 1 });
    const forgotten = forgetPeople(m.state);
    expect(forgotten.participants).toEqual({});
    expect(forgotten.options).toEqual({ transcript: false, carryOver: true });
  });

  it('read a state stored before options, roster and panel flags existed', () => {
    const m = TestMeeting.with(people);
    const { options: _options, roster: _roster, ...older } = m.state;
    const stored = {
      ...older,
      participants: Object.fromEntries(
        Object.entries(m.state.participants).map(([id, { openedPanel: _opened, ...p }]) => [id, p]),
      ),
    };
    const upgraded = upgradedState(stored);
    expect(upgraded.options).toEqual({ transcript: false, carryOver: false });
    expect(upgraded.roster).toBe(false);
    expect(Object.values(upgraded.participants).every((p) => p.openedPanel)).toBe(true);
  });
});
