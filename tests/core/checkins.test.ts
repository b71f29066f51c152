// Check-ins are anonymous and shown only from k answers; appreciation keeps counts only.
import { describe, expect, it } from '@jest/globals';
import { participantView, publicView } from '@roundtable/core';
import { TestMeeting, eventTypes, refusedWith } from './support.js';

const people = {
  olu: 'organizer',
  ana: 'attendee',
  ben: 'attendee',
  cai: 'attendee',
} as const;
const meta = { meetingId: 'm-1', version: 1 };

function openCheckinId(m: TestMeeting): string {
  return m.state.checkin?.checkinId ?? '';
}

describe('opening a check-in', () => {
  it('opens a built-in prompt with its own wording and scale', () => {
    const m = TestMeeting.with(people);
    m.do('olu', { type: 'openCheckin', promptId: 'safe-to-differ' });
    expect(m.state.checkin).toMatchObject({
      promptId: 'safe-to-differ',
      text: 'Here, it feels safe to say something the group may disagree with',
      scale: 'likert5',
    });
    expect(publicView(m.state, meta).checkin?.labels).toEqual({ low: 'Disagree', high: 'Agree' });
  });

  it('opens a custom prompt', () => {
    const m = TestMeeting.with(people);
    m.do('olu', { type: 'openCheckin', text: 'How clear is the plan?', scale: 'likert5' });
    expect(m.state.checkin).toMatchObject({ promptId: null, text: 'How clear is the plan?' });
  });

  it('refuses an unknown prompt, a mismatched scale, and a second open check-in', () => {
    const m = TestMeeting.with(people);
    expect(refusedWith(m.try('olu', { type: 'openCheckin', promptId: 'nope' }))).toBe(
      'unknown-prompt',
    );
    const mismatch = m.try('olu', { type: 'openCheckin', promptId: 'energy', scale: 'word' });
    expect(refusedWith(mismatch)).toBe('prompt-scale-mismatch');
    m.do('olu', { type: 'openCheckin', promptId: 'energy', scale: 'energy5' });
    const second = m.try('olu', { type: 'openCheckin', promptId: 'felt-heard' });
    expect(refusedWith(second)).toBe('checkin-already-open');
  });

  it('turns the appreciation round into a spoken round through the queue', () => {
    const m = TestMeeting.with(people);
    const decision = m.try('olu', { type: 'openCheckin', promptId: 'appreciation-round' });
    expect(eventTypes(decision).slice(0, 2)).toEqual(['CheckinOpened', 'ModeChanged']);
    expect(m.state.mode).toBe('round');
    expect(m.state.queue).toHaveLength(4);
    const typed = m.try('ana', { type: 'answerCheckin', checkinId: openCheckinId(m), value: 'x' });
    expect(refusedWith(typed)).toBe('checkin-spoken-round');
  });
});

describe('answering', () => {
  it('shows no aggregate below k = 3 answers, then the histogram and mean', () => {
    const m = TestMeeting.with(people);
    m.do('olu', { type: 'openCheckin', promptId: 'felt-heard' });
    const checkinId = openCheckinId(m);
    m.do('ana', { type: 'answerCheckin', checkinId, value: 4 });
    m.do('ben', { type: 'answerCheckin', checkinId, value: 5 });
    expect(publicView(m.state, meta).checkin).toMatchObject({
      answered: 2,
      threshold: 3,
      aggregate: null,
    });
    m.do('cai', { type: 'answerCheckin', checkinId, value: 3 });
    expect(publicView(m.state, meta).checkin?.aggregate).toEqual({
      scale: 'likert5',
      n: 3,
      histogram: [0, 0, 1, 1, 1],
      mean: 4,
    });
  });

  it('honours a larger k', () => {
    const m = TestMeeting.with(people, { k: 4 });
    m.do('olu', { type: 'openCheckin', promptId: 'energy' });
    for (const who of ['ana', 'ben', 'cai']) {
      m.do(who, { type: 'answerCheckin', checkinId: openCheckinId(m), value: 2 });
    }
    expect(publicView(m.state, meta).checkin?.aggregate).toBeNull();
  });

  it('never lets k fall below 3', () => {
    const m = TestMeeting.with(people, { k: 1 });
    expect(m.state.settings.k).toBe(3);
  });

  it('counts words after folding case and spacing', () => {
    const m = TestMeeting.with(people);
    m.do('olu', { type: 'openCheckin', promptId: 'arrival-word' });
    const checkinId = openCheckinId(m);
    m.do('ana', { type: 'answerCheckin', checkinId, value: ' Curious ' });
    m.do('ben', { type: 'answerCheckin', checkinId, value: 'curious' });
    m.do('cai', { type: 'answerCheckin', checkinId, value: 'tired' });
    expect(publicView(m.state, meta).checkin?.aggregate).toEqual({
      scale: 'word',
      n: 3,
      words: [
        { word: 'curious', count: 2 },
        { word: 'tired', count: 1 },
      ],
    });
  });

  it('refuses a second answer, a closed check-in and answers off the scale', () => {
    const m = TestMeeting.with(people);
    m.do('olu', { type: 'openCheckin', promptId: 'energy' });
    const checkinId = openCheckinId(m);
    m.do('ana', { type: 'answerCheckin', checkinId, value: 3 });
    expect(refusedWith(m.try('ana', { type: 'answerCheckin', checkinId, value: 4 }))).toBe(
      'already-answered',
    );
    expect(refusedWith(m.try('ben', { type: 'answerCheckin', checkinId, value: 'high' }))).toBe(
      'invalid-answer',
    );
    expect(refusedWith(m.try('ben', { type: 'answerCheckin', checkinId, value: 6 }))).toBe(
      'invalid-answer',
    );
    const words = m.try('ben', { type: 'answerCheckin', checkinId: 'c9', value: 3 });
    expect(refusedWith(words)).toBe('checkin-not-open');
  });

  it('refuses a word answer longer than three words', () => {
    const m = TestMeeting.with(people);
    m.do('olu', { type: 'openCheckin', promptId: 'worth-it' });
    const long = m.try('ana', {
      type: 'answerCheckin',
      checkinId: openCheckinId(m),
      value: 'a b c d',
    });
    expect(refusedWith(long)).toBe('invalid-answer');
  });

  it('tells each person whether they answered, and only a count to everyone', () => {
    const m = TestMeeting.with(people);
    m.do('olu', { type: 'openCheckin', promptId: 'energy' });
    m.do('ana', { type: 'answerCheckin', checkinId: openCheckinId(m), value: 3 });
    expect(participantView(m.state, meta, 'ana')?.you.answeredCheckin).toBe(true);
    expect(participantView(m.state, meta, 'ben')?.you.answeredCheckin).toBe(false);
    expect(JSON.stringify(publicView(m.state, meta))).not.toContain('ana');
  });

  it('records nothing when someone skips: skipping is simply not answering', () => {
    const m = TestMeeting.with(people);
    m.do('olu', { type: 'openCheckin', promptId: 'energy' });
    const before = m.events.length;
    m.do('olu', { type: 'closeCheckin', checkinId: openCheckinId(m) });
    expect(m.events.slice(before).map((e) => e.type)).toEqual(['CheckinClosed']);
  });
});

describe('closing', () => {
  it('closes keeping only what was publishable, and refuses a stale id', () => {
    const m = TestMeeting.with(people);
    m.do('olu', { type: 'openCheckin', promptId: 'energy' });
    const checkinId = openCheckinId(m);
    m.do('ana', { type: 'answerCheckin', checkinId, value: 5 });
    const decision = m.try('olu', { type: 'closeCheckin', checkinId });
    // One answer is fewer than k: nothing about it is kept, not even in the closing event.
    expect(decision.ok && decision.events[0]).toMatchObject({
      type: 'CheckinClosed',
      aggregate: null,
    });
    expect(m.state.checkin).toBeNull();
    expect(refusedWith(m.try('olu', { type: 'closeCheckin', checkinId }))).toBe('checkin-not-open');
  });
});

describe('publishing in whole blocks of k', () => {
  it('changes the shown aggregate only at 3, 6, … answers, so no single answer can be read off', () => {
    const m = TestMeeting.with({
      olu: 'organizer',
      a: 'attendee',
      b: 'attendee',
      c: 'attendee',
      d: 'attendee',
      e: 'attendee',
      f: 'attendee',
    });
    m.do('olu', { type: 'openCheckin', promptId: 'energy' });
    const checkinId = openCheckinId(m);
    const shown = () => publicView(m.state, meta).checkin?.aggregate ?? null;
    const answers: [string, number][] = [
      ['a', 5],
      ['b', 4],
      ['c', 4],
      ['d', 1],
      ['e', 2],
      ['f', 2],
    ];
    const seen = answers.map(([who, value]) => {
      m.do(who, { type: 'answerCheckin', checkinId, value });
      return shown()?.n ?? null;
    });
    expect(seen).toEqual([null, null, 3, 3, 3, 6]);
    expect(shown()).toMatchObject({ histogram: [1, 2, 0, 2, 1], mean: 3 });
  });

  it('keeps the last whole block when the check-in closes part-way through the next', () => {
    const m = TestMeeting.with({ olu: 'organizer', a: 'attendee', b: 'attendee', c: 'attendee' });
    m.do('olu', { type: 'openCheckin', promptId: 'felt-heard' });
    const checkinId = openCheckinId(m);
    for (const [who, value] of [
      ['a', 5],
      ['b', 5],
      ['c', 4],
      ['olu', 1],
    ] as const) {
      m.do(who, { type: 'answerCheckin', checkinId, value });
    }
    const closed = m.try('olu', { type: 'closeCheckin', checkinId });
    expect(closed.ok && closed.events[0]).toMatchObject({
      aggregate: { n: 3, histogram: [0, 0, 0, 1, 2] },
    });
  });

  it('counts words like "constructor" as ordinary words (and folds "__proto__" to "proto")', () => {
    const m = TestMeeting.with(people);
    m.do('olu', { type: 'openCheckin', promptId: 'arrival-word' });
    const checkinId = openCheckinId(m);
    m.do('ana', { type: 'answerCheckin', checkinId, value: 'Constructor' });
    m.do('ben', { type: 'answerCheckin', checkinId, value: '__proto__' });
    m.do('cai', { type: 'answerCheckin', checkinId, value: 'constructor' });
    expect(publicView(m.state, meta).checkin?.aggregate).toEqual({
      scale: 'word',
      n: 3,
      words: [
        { word: 'constructor', count: 2 },
        { word: 'proto', count: 1 },
      ],
    });
  });
});

describe('appreciation', () => {
  function withTurns(): TestMeeting {
    const m = TestMeeting.with(people);
    m.do('ana', { type: 'join', kind: 'point' });
    m.do('ben', { type: 'join', kind: 'point' });
    m.do('olu', { type: 'next', currentTurnId: null });
    return m;
  }

  it('thanks the current and a past turn, once per person', () => {
    const m = withTurns();
    const anaTurn = m.turnId() ?? '';
    m.do('ben', { type: 'appreciate', turnId: anaTurn });
    expect(refusedWith(m.try('ben', { type: 'appreciate', turnId: anaTurn }))).toBe(
      'already-thanked',
    );
    m.do('olu', { type: 'next', currentTurnId: anaTurn });
    expect(refusedWith(m.try('cai', { type: 'appreciate', turnId: anaTurn }))).toBe('accepted');
    expect(m.events.filter((e) => e.type === 'TurnAppreciated')).toHaveLength(2);
  });

  it('refuses thanking yourself or a turn that does not exist', () => {
    const m = withTurns();
    expect(refusedWith(m.try('ana', { type: 'appreciate', turnId: m.turnId() ?? '' }))).toBe(
      'cannot-thank-self',
    );
    expect(refusedWith(m.try('ana', { type: 'appreciate', turnId: 't99' }))).toBe('turn-not-found');
  });

  it('forgets who thanked once a turn is more than 20 turns old', () => {
    const m = withTurns();
    const first = m.turnId() ?? '';
    for (let i = 0; i < 21; i++) {
      m.do('cai', { type: 'join', kind: 'reply' });
      m.do('olu', { type: 'next', currentTurnId: m.turnId() });
    }
    expect(m.state.recentTurns).toHaveLength(21);
    expect(refusedWith(m.try('ben', { type: 'appreciate', turnId: first }))).toBe('turn-not-found');
  });
});
