// A person's private contact (how the platform can reach them) lives with their name: in the live
// state only, never in a view or a durable record, and forgotten when the meeting ends.
import { describe, expect, it } from '@jest/globals';
import { forgetPeople, participantView, publicView, recordsOf } from '@roundtable/core';
import { TestMeeting } from './support.js';

const META = { meetingId: 'm', version: 1 };

describe('a participant contact', () => {
  it('is kept on arrival, refreshed when it changes, and shown nowhere', () => {
    const m = TestMeeting.with({ olu: 'organizer' });
    const first = m.do('ana', {
      type: 'arrive',
      displayName: 'Ana',
      role: 'attendee',
      contact: 'sealed-1',
    });
    expect(m.state.participants.ana?.contact).toBe('sealed-1');
    // The same person arriving again with the same contact changes nothing.
    expect(
      m.do('ana', { type: 'arrive', displayName: 'Ana', role: 'attendee', contact: 'sealed-1' }),
    ).toHaveLength(0);
    m.do('ana', { type: 'arrive', displayName: 'Ana', role: 'attendee', contact: 'sealed-2' });
    expect(m.state.participants.ana?.contact).toBe('sealed-2');
    // An arrival without a contact keeps the one already known.
    m.do('ana', { type: 'depart' });
    m.do('ana', { type: 'arrive', displayName: 'Ana', role: 'attendee' });
    expect(m.state.participants.ana?.contact).toBe('sealed-2');

    const shown = JSON.stringify([
      publicView(m.state, META),
      participantView(m.state, META, 'ana'),
      participantView(m.state, META, 'olu'),
      recordsOf(first),
    ]);
    expect(shown).not.toContain('sealed');
  });

  it('is forgotten with everything else when the meeting ends', () => {
    const m = TestMeeting.with({ olu: 'organizer' });
    m.do('ana', { type: 'arrive', displayName: 'Ana', role: 'attendee', contact: 'sealed-ana' });
    expect(JSON.stringify(m.state)).toContain('sealed-ana');
    expect(JSON.stringify(forgetPeople(m.state))).not.toContain('sealed-ana');
  });
});
