// Given / when / then specs for the speaking queue: joining, leaving, turns and host reordering.
import { describe, expect, it } from '@jest/globals';
import { TestMeeting, eventTypes, refusedWith } from './support.js';

const people = { olu: 'organizer', ana: 'attendee', ben: 'attendee', cai: 'attendee' } as const;

describe('join', () => {
  it('puts a new point at the end of the queue with its note', () => {
    const m = TestMeeting.with(people);
    m.do('ana', { type: 'join', kind: 'point' });
    const decision = m.try('ben', { type: 'join', kind: 'point', note: '  budget question ' });
    expect(eventTypes(decision)).toEqual(['EntryJoined']);
    expect(m.queue()).toEqual(['ana:point', 'ben:point']);
    expect(m.state.queue[1]?.note).toBe('budget question');
  });

  it('orders kinds by priority: order, clarify, reply, point', () => {
    const m = TestMeeting.with(people);
    m.do('ana', { type: 'join', kind: 'point' });
    m.do('ben', { type: 'join', kind: 'reply' });
    m.do('cai', { type: 'join', kind: 'clarify' });
    m.do('olu', { type: 'join', kind: 'order' });
    m.do('ana', { type: 'join', kind: 'reply' });
    expect(m.queue()).toEqual(['olu:order', 'cai:clarify', 'ben:reply', 'ana:reply', 'ana:point']);
  });

  it('refuses a second entry of the same kind from the same person', () => {
    const m = TestMeeting.with(people);
    m.do('ana', { type: 'join', kind: 'point' });
    expect(refusedWith(m.try('ana', { type: 'join', kind: 'point' }))).toBe('already-queued');
  });

  it('stores an empty note as no note and refuses one over 140 characters', () => {
    const m = TestMeeting.with(people);
    m.do('ana', { type: 'join', kind: 'point', note: '   ' });
    expect(m.state.queue[0]?.note).toBeNull();
    const long = m.try('ben', { type: 'join', kind: 'point', note: 'x'.repeat(141) });
    expect(refusedWith(long)).toBe('note-too-long');
  });

  it('refuses people who have not arrived', () => {
    const m = TestMeeting.with(people);
    expect(refusedWith(m.try('zed', { type: 'join', kind: 'point' }))).toBe('unknown-participant');
  });

  it('refuses joins while locked, except a point of order', () => {
    const m = TestMeeting.with(people);
    m.do('olu', { type: 'lock' });
    expect(refusedWith(m.try('ana', { type: 'join', kind: 'point' }))).toBe('queue-locked');
    expect(refusedWith(m.try('ana', { type: 'join', kind: 'order' }))).toBe('accepted');
    m.do('olu', { type: 'unlock' });
    expect(refusedWith(m.try('ana', { type: 'join', kind: 'point' }))).toBe('accepted');
  });
});

describe('leave', () => {
  it('withdraws only the entry of the named kind', () => {
    const m = TestMeeting.with(people);
    m.do('ana', { type: 'join', kind: 'point' });
    m.do('ana', { type: 'join', kind: 'reply' });
    const decision = m.try('ana', { type: 'leave', kind: 'reply' });
    expect(decision.ok && decision.events[0]).toMatchObject({
      type: 'EntryLeft',
      reason: 'withdrawn',
    });
    expect(m.queue()).toEqual(['ana:point']);
  });

  it('refuses when there is nothing of that kind to leave', () => {
    const m = TestMeeting.with(people);
    expect(refusedWith(m.try('ana', { type: 'leave', kind: 'point' }))).toBe('not-queued');
  });
});

describe('next and finish', () => {
  it('starts the head entry’s turn and ends the previous one with its duration', () => {
    const m = TestMeeting.with(people);
    m.do('ana', { type: 'join', kind: 'point' });
    m.do('ben', { type: 'join', kind: 'point' });
    m.do('olu', { type: 'next', currentTurnId: null });
    expect(m.speaker()).toBe('ana');
    const first = m.turnId();
    m.tick(90);
    const decision = m.try('olu', { type: 'next', currentTurnId: first });
    expect(eventTypes(decision)).toEqual(['TurnEnded', 'TurnStarted']);
    expect(decision.ok && decision.events[0]).toMatchObject({ durationMs: 90_000, reason: 'next' });
    expect(m.speaker()).toBe('ben');
    expect(m.state.participants.ana?.airtimeMs).toBe(90_000);
    expect(m.state.participants.ana?.turns).toBe(1);
  });

  it('ends the last turn when the queue is empty, then has nothing to advance', () => {
    const m = TestMeeting.with(people);
    m.do('ana', { type: 'join', kind: 'point' });
    m.do('olu', { type: 'next', currentTurnId: null });
    expect(eventTypes(m.try('olu', { type: 'next', currentTurnId: m.turnId() }))).toEqual([
      'TurnEnded',
    ]);
    expect(refusedWith(m.try('olu', { type: 'next', currentTurnId: null }))).toBe(
      'nothing-to-advance',
    );
  });

  it('lets the speaker finish their own turn without starting the next', () => {
    const m = TestMeeting.with(people);
    m.do('ana', { type: 'join', kind: 'point' });
    m.do('ben', { type: 'join', kind: 'point' });
    m.do('olu', { type: 'next', currentTurnId: null });
    m.tick(30);
    const decision = m.try('ana', { type: 'finish', turnId: m.turnId() ?? '' });
    expect(decision.ok && decision.events).toEqual([
      expect.objectContaining({ type: 'TurnEnded', reason: 'finish', durationMs: 30_000 }),
    ]);
    expect(m.speaker()).toBeNull();
    expect(m.queue()).toEqual(['ben:point']);
  });

  it('refuses finish from anyone but the speaker', () => {
    const m = TestMeeting.with(people);
    m.do('ana', { type: 'join', kind: 'point' });
    m.do('olu', { type: 'next', currentTurnId: null });
    const decision = m.try('ben', { type: 'finish', turnId: m.turnId() ?? '' });
    expect(refusedWith(decision)).toBe('not-your-turn');
  });

  it('ends exactly one turn when "Next" and "I’m done" name the same turn (done first)', () => {
    const m = TestMeeting.with(people);
    m.do('ana', { type: 'join', kind: 'point' });
    m.do('ben', { type: 'join', kind: 'point' });
    m.do('olu', { type: 'next', currentTurnId: null });
    const seen = m.turnId();
    m.do('ana', { type: 'finish', turnId: seen ?? '' });
    expect(refusedWith(m.try('olu', { type: 'next', currentTurnId: seen }))).toBe('stale-turn');
    expect(m.events.filter((event) => event.type === 'TurnEnded')).toHaveLength(1);
    expect(m.queue()).toEqual(['ben:point']);
  });

  it('ends exactly one turn when "Next" and "I’m done" name the same turn (next first)', () => {
    const m = TestMeeting.with(people);
    m.do('ana', { type: 'join', kind: 'point' });
    m.do('ben', { type: 'join', kind: 'point' });
    m.do('olu', { type: 'next', currentTurnId: null });
    const seen = m.turnId() ?? '';
    m.do('olu', { type: 'next', currentTurnId: seen });
    expect(refusedWith(m.try('ana', { type: 'finish', turnId: seen }))).toBe('stale-turn');
    expect(m.events.filter((event) => event.type === 'TurnEnded')).toHaveLength(1);
    expect(m.speaker()).toBe('ben');
  });

  it('refuses next from an attendee', () => {
    const m = TestMeeting.with(people);
    m.do('ana', { type: 'join', kind: 'point' });
    expect(refusedWith(m.try('ben', { type: 'next', currentTurnId: null }))).toBe('not-host');
  });
});

describe('remove and move (host)', () => {
  it('removes an entry and says so', () => {
    const m = TestMeeting.with(people);
    m.do('ana', { type: 'join', kind: 'point' });
    const entryId = m.state.queue[0]?.entryId ?? '';
    const decision = m.try('olu', { type: 'remove', entryId });
    expect(decision.ok && decision.events[0]).toMatchObject({
      reason: 'removed',
      participantId: 'ana',
    });
    expect(refusedWith(m.try('olu', { type: 'remove', entryId }))).toBe('entry-not-found');
  });

  it('moves within a kind and refuses to move across kinds', () => {
    const m = TestMeeting.with(people);
    m.do('olu', { type: 'join', kind: 'clarify' });
    m.do('ana', { type: 'join', kind: 'point' });
    m.do('ben', { type: 'join', kind: 'point' });
    m.do('cai', { type: 'join', kind: 'point' });
    const cai = m.state.queue[3]?.entryId ?? '';
    m.do('olu', { type: 'move', entryId: cai, toIndex: 1 });
    expect(m.queue()).toEqual(['olu:clarify', 'cai:point', 'ana:point', 'ben:point']);
    expect(refusedWith(m.try('olu', { type: 'move', entryId: cai, toIndex: 0 }))).toBe(
      'move-out-of-range',
    );
    expect(refusedWith(m.try('olu', { type: 'move', entryId: cai, toIndex: 4 }))).toBe(
      'move-out-of-range',
    );
    expect(eventTypes(m.try('olu', { type: 'move', entryId: cai, toIndex: 1 }))).toEqual([]);
  });

  it('refuses remove and move from attendees', () => {
    const m = TestMeeting.with(people);
    m.do('ana', { type: 'join', kind: 'point' });
    const entryId = m.state.queue[0]?.entryId ?? '';
    expect(refusedWith(m.try('ben', { type: 'remove', entryId }))).toBe('not-host');
    expect(refusedWith(m.try('ben', { type: 'move', entryId, toIndex: 0 }))).toBe('not-host');
  });
});
