// Ordering modes: fifo by join time, equity for those who have spoken least, round in random order.
import { describe, expect, it } from '@jest/globals';
import { TestMeeting, eventTypes, refusedWith } from './support.js';

const people = {
  olu: 'organizer',
  ana: 'attendee',
  ben: 'attendee',
  cai: 'attendee',
  dee: 'attendee',
  eli: 'attendee',
} as const;

/** Gives `who` a turn of `seconds`, leaving the floor empty afterwards. */
function speak(m: TestMeeting, who: string, seconds: number): void {
  m.do(who, { type: 'join', kind: 'reply' });
  m.do('olu', { type: 'next', currentTurnId: m.turnId() });
  m.tick(seconds);
  m.do(who, { type: 'finish', turnId: m.turnId() ?? '' });
}

describe('fifo (default)', () => {
  it('keeps points in join order whoever has spoken', () => {
    const m = TestMeeting.with(people);
    speak(m, 'ana', 60);
    m.do('ana', { type: 'join', kind: 'point' });
    m.do('ben', { type: 'join', kind: 'point' });
    expect(m.state.mode).toBe('fifo');
    expect(m.queue()).toEqual(['ana:point', 'ben:point']);
  });
});

describe('equity', () => {
  it('lets someone with fewer turns go before those who have spoken more', () => {
    const m = TestMeeting.with(people);
    speak(m, 'ana', 60);
    speak(m, 'ben', 60);
    m.do('olu', { type: 'setMode', mode: 'equity' });
    m.do('ana', { type: 'join', kind: 'point' });
    m.do('ben', { type: 'join', kind: 'point' });
    const decision = m.try('cai', { type: 'join', kind: 'point' });
    expect(m.queue()).toEqual(['cai:point', 'ana:point', 'ben:point']);
    expect(decision.ok && decision.events[0]).toMatchObject({ index: 0 });
  });

  it('breaks a tie in turns by less airtime, and a tie in both by join time', () => {
    const m = TestMeeting.with(people);
    speak(m, 'ana', 120);
    speak(m, 'ben', 30);
    speak(m, 'cai', 30);
    m.do('olu', { type: 'setMode', mode: 'equity' });
    m.do('ana', { type: 'join', kind: 'point' });
    m.do('ben', { type: 'join', kind: 'point' });
    m.do('cai', { type: 'join', kind: 'point' });
    expect(m.queue()).toEqual(['ben:point', 'cai:point', 'ana:point']);
  });

  it('never lets an entry be overtaken more than maxBypass (3) times', () => {
    const m = TestMeeting.with(people);
    speak(m, 'ana', 60);
    m.do('olu', { type: 'setMode', mode: 'equity' });
    m.do('ana', { type: 'join', kind: 'point' });
    for (const newcomer of ['ben', 'cai', 'dee']) m.do(newcomer, { type: 'join', kind: 'point' });
    expect(m.queue()).toEqual(['ben:point', 'cai:point', 'dee:point', 'ana:point']);
    expect(m.state.queue[3]?.overtakenBy).toBe(3);
    m.do('eli', { type: 'join', kind: 'point' });
    expect(m.queue()).toEqual(['ben:point', 'cai:point', 'dee:point', 'ana:point', 'eli:point']);
  });

  it('honours a smaller maxBypass setting', () => {
    const m = TestMeeting.with(people, { maxBypass: 1 });
    speak(m, 'ana', 60);
    m.do('olu', { type: 'setMode', mode: 'equity' });
    m.do('ana', { type: 'join', kind: 'point' });
    m.do('ben', { type: 'join', kind: 'point' });
    m.do('cai', { type: 'join', kind: 'point' });
    expect(m.queue()).toEqual(['ben:point', 'ana:point', 'cai:point']);
  });

  it('orders only points; replies stay in join order', () => {
    const m = TestMeeting.with(people);
    speak(m, 'ana', 60);
    m.do('olu', { type: 'setMode', mode: 'equity' });
    m.do('ana', { type: 'join', kind: 'reply' });
    m.do('ben', { type: 'join', kind: 'reply' });
    expect(m.queue()).toEqual(['ana:reply', 'ben:reply']);
  });

  it('does not reorder people already waiting when the mode changes', () => {
    const m = TestMeeting.with(people);
    speak(m, 'ana', 60);
    m.do('ana', { type: 'join', kind: 'point' });
    m.do('ben', { type: 'join', kind: 'point' });
    const decision = m.try('olu', { type: 'setMode', mode: 'equity' });
    expect(eventTypes(decision)).toEqual(['ModeChanged']);
    expect(m.queue()).toEqual(['ana:point', 'ben:point']);
  });
});

describe('round', () => {
  it('gives everyone present exactly one point, in a shuffled order, keeping existing notes', () => {
    const m = TestMeeting.with(people);
    m.do('dee', { type: 'depart' });
    m.do('ben', { type: 'join', kind: 'point', note: 'my idea' });
    m.do('ana', { type: 'join', kind: 'reply' });
    const decision = m.try('olu', { type: 'setMode', mode: 'round' });
    expect(eventTypes(decision)).toEqual([
      'ModeChanged',
      ...Array<string>(4).fill('EntryJoined'),
      'RoundStarted',
    ]);
    const points = m.state.queue.filter((entry) => entry.kind === 'point');
    expect(points.map((entry) => entry.participantId).sort()).toEqual([
      'ana',
      'ben',
      'cai',
      'eli',
      'olu',
    ]);
    expect(points.find((entry) => entry.participantId === 'ben')?.note).toBe('my idea');
    expect(m.queue()[0]).toBe('ana:reply');
  });

  it('lets a person pass by leaving their place in the round', () => {
    const m = TestMeeting.with({ olu: 'organizer', ana: 'attendee' });
    m.do('olu', { type: 'setMode', mode: 'round' });
    m.do('ana', { type: 'leave', kind: 'point' });
    expect(m.queue()).toEqual(['olu:point']);
  });

  it('starts a fresh round when chosen again', () => {
    const m = TestMeeting.with({ olu: 'organizer', ana: 'attendee', ben: 'attendee' });
    m.do('olu', { type: 'setMode', mode: 'round' });
    m.do('olu', { type: 'next', currentTurnId: null });
    const decision = m.try('olu', { type: 'setMode', mode: 'round' });
    expect(eventTypes(decision)).toEqual(['EntryJoined', 'RoundStarted']);
    expect(m.state.queue).toHaveLength(3);
  });
});

describe('mode, timebox and lock are host controls', () => {
  it('refuses them from attendees', () => {
    const m = TestMeeting.with(people);
    expect(refusedWith(m.try('ana', { type: 'setMode', mode: 'equity' }))).toBe('not-host');
    expect(refusedWith(m.try('ana', { type: 'setTimebox', seconds: 120 }))).toBe('not-host');
    expect(refusedWith(m.try('ana', { type: 'lock' }))).toBe('not-host');
    expect(refusedWith(m.try('ana', { type: 'unlock' }))).toBe('not-host');
  });

  it('sets and clears a timebox, and changes nothing when repeated', () => {
    const m = TestMeeting.with(people);
    expect(eventTypes(m.try('olu', { type: 'setTimebox', seconds: 120 }))).toEqual(['TimeboxSet']);
    expect(m.state.timeboxSeconds).toBe(120);
    expect(eventTypes(m.try('olu', { type: 'setTimebox', seconds: 120 }))).toEqual([]);
    m.do('olu', { type: 'setTimebox', seconds: null });
    expect(m.state.timeboxSeconds).toBeNull();
    expect(eventTypes(m.try('olu', { type: 'unlock' }))).toEqual([]);
  });
});
