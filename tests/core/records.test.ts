// The durable record keeps pseudonyms and counts only: no names, notes, prompts or answers.
import { describe, expect, it } from '@jest/globals';
import { recordsOf } from '@roundtable/core';
import { TestMeeting } from './support.js';

function meetingWithEverything(): TestMeeting {
  const m = TestMeeting.with({
    olu: 'organizer',
    ana: 'attendee',
    ben: 'attendee',
    cai: 'attendee',
  });
  m.do('ana', { type: 'arrive', displayName: 'Ana Secretname', role: 'attendee' });
  m.do('ana', { type: 'join', kind: 'point', note: 'a private note about Zebulon' });
  m.do('olu', { type: 'openCheckin', text: 'How did Quentin present?', scale: 'word' });
  const checkinId = m.state.checkin?.checkinId ?? '';
  m.do('ana', { type: 'answerCheckin', checkinId, value: 'wonderful' });
  m.do('ben', { type: 'answerCheckin', checkinId, value: 'wonderful' });
  m.do('cai', { type: 'answerCheckin', checkinId, value: 'clear' });
  m.do('olu', { type: 'closeCheckin', checkinId });
  m.do('olu', { type: 'next', currentTurnId: null });
  m.tick(60);
  m.do('ben', { type: 'appreciate', turnId: m.turnId() ?? '' });
  m.do('olu', { type: 'invite', participantId: 'cai' });
  m.do('cai', { type: 'respondInvite', accept: true });
  m.do('olu', { type: 'endSession', session: 1 });
  return m;
}

describe('recordsOf', () => {
  it('keeps no display name, note, custom prompt text, or who answered', () => {
    const records = recordsOf(meetingWithEverything().events);
    const text = JSON.stringify(records);
    for (const secret of ['Secretname', 'Ana', 'Zebulon', 'Quentin', 'private note']) {
      expect(text).not.toContain(secret);
    }
    expect(records.some((r) => r.type === 'checkinClosed' && r.promptId === null)).toBe(true);
  });

  it('keeps check-in answers only inside the closing aggregate, with no participant beside them', () => {
    const records = recordsOf(meetingWithEverything().events);
    const mentioning = records.filter((r) => JSON.stringify(r).includes('wonderful'));
    expect(mentioning.map((r) => r.type)).toEqual(['checkinClosed']);
    expect(mentioning[0]).not.toHaveProperty('participantId');
  });

  it('records presence once per person, turns with their wait, and the end', () => {
    const records = recordsOf(meetingWithEverything().events);
    expect(records.filter((r) => r.type === 'arrived')).toHaveLength(4);
    expect(records.find((r) => r.type === 'turnStarted')).toMatchObject({
      participantId: 'ana',
      waitMs: 0,
    });
    expect(records.find((r) => r.type === 'turnEnded')).toMatchObject({ durationMs: 60_000 });
    expect(records.find((r) => r.type === 'entryLeft')).toMatchObject({ reason: 'notReached' });
    expect(records.at(-1)?.type).toBe('sessionEnded');
    expect(records.filter((r) => r.type === 'appreciated')).toEqual([
      { type: 'appreciated', at: records.find((r) => r.type === 'appreciated')?.at },
    ]);
  });
});
