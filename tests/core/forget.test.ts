// After the summary is built, the live state forgets everyone.
import { describe, expect, it } from '@jest/globals';
import { forgetPeople, participantView } from '@roundtable/core';
import { TestMeeting } from './support.js';

describe('forgetPeople', () => {
  it('leaves an ended meeting with no names, pseudonyms, notes or answers, keeping the settings', () => {
    const m = TestMeeting.with({ olu: 'organizer', ana: 'attendee', ben: 'attendee' }, { k: 4 });
    m.do('ana', { type: 'join', kind: 'point', note: 'a note about Zebulon' });
    m.do('olu', { type: 'next', currentTurnId: null });
    m.do('olu', { type: 'openCheckin', promptId: 'arrival-word' });
    m.do('ben', {
      type: 'answerCheckin',
      checkinId: m.state.checkin?.checkinId ?? '',
      value: 'hopeful',
    });
    const forgotten = forgetPeople(m.state);
    const text = JSON.stringify(forgotten);
    for (const trace of ['olu', 'ana', 'ben', 'Olu', 'Zebulon', 'hopeful'])
      expect(text).not.toContain(trace);
    expect(forgotten).toMatchObject({
      phase: 'ended',
      participants: {},
      queue: [],
      current: null,
      checkin: null,
    });
    expect(forgotten.settings.k).toBe(4);
    expect(participantView(forgotten, { meetingId: 'm', version: 9 }, 'ana')).toBeNull();
  });
});
