// Teams' roster: people Teams says joined the meeting count, whether or not they open Roundtable;
// leaving the meeting is leaving, closing the panel is not.
import { describe, expect, it } from '@jest/globals';
import { type Role, participantView, recordsOf, summarize } from '@roundtable/core';
import { TestMeeting, seededRandom } from './support.js';

const joins = (m: TestMeeting, id: string, role: Role = 'attendee') =>
  m.do(id, {
    type: 'arrive',
    displayName: id.charAt(0).toUpperCase() + id.slice(1),
    role,
    via: 'meeting',
  });
const opens = (m: TestMeeting, id: string, role: Role = 'attendee') =>
  m.do(id, { type: 'arrive', displayName: id.charAt(0).toUpperCase() + id.slice(1), role });

describe('the roster', () => {
  it('counts a person Teams says joined, before and without their opening Roundtable', () => {
    const m = new TestMeeting();
    joins(m, 'olu', 'organizer');
    joins(m, 'ana');
    expect(m.state.roster).toBe(true);
    expect(m.state.participants.ana).toMatchObject({ present: true, openedPanel: false });
    opens(m, 'ana');
    expect(m.state.participants.ana).toMatchObject({ present: true, openedPanel: true });
    // Opening the panel again, or Teams repeating the join, changes nothing.
    expect(m.try('ana', { type: 'arrive', displayName: 'Ana', role: 'attendee' })).toEqual({
      ok: true,
      events: [],
    });
    expect(
      m.try('ana', { type: 'arrive', displayName: 'Ana', role: 'attendee', via: 'meeting' }),
    ).toEqual({ ok: true, events: [] });
    expect(recordsOf(m.events).map((r) => r.type)).toEqual(['arrived', 'arrived', 'panelOpened']);
  });

  it('lists everyone in the meeting who has not spoken for the host, whether or not they opened Roundtable', () => {
    const m = new TestMeeting();
    opens(m, 'olu', 'organizer');
    joins(m, 'ana');
    joins(m, 'ben');
    opens(m, 'ben');
    m.do('ben', { type: 'depart' });
    const view = participantView(m.state, { meetingId: 'm', version: 1 }, 'olu');
    expect(view?.roster).toBe(true);
    expect(view?.notYetHeard?.map((p) => [p.participantId, p.openedRoundtable])).toEqual([
      ['olu', true],
      ['ana', false],
    ]);
    // Someone who never opened the panel can still be invited: Teams carries the notice.
    expect(m.try('olu', { type: 'invite', participantId: 'ana' }).ok).toBe(true);
    expect(m.try('olu', { type: 'invite', participantId: 'ben' })).toMatchObject({
      ok: false,
      error: { code: 'not-present' },
    });
  });

  it('goes round the people in the meeting, not the panels', () => {
    const m = new TestMeeting();
    m.random = seededRandom(3);
    opens(m, 'olu', 'organizer');
    for (const id of ['ana', 'ben', 'cy']) joins(m, id);
    m.do('cy', { type: 'depart' });
    m.do('olu', { type: 'setMode', mode: 'round' });
    expect(m.state.queue.map((entry) => entry.participantId).sort()).toEqual(['ana', 'ben', 'olu']);
  });

  it('reports 3 of 8 when 8 attended, 4 opened Roundtable and 3 spoke', () => {
    const m = new TestMeeting();
    opens(m, 'olu', 'organizer');
    joins(m, 'olu', 'organizer');
    const attendees = ['ana', 'ben', 'cy', 'dee', 'eli', 'fay', 'gus'];
    for (const id of attendees) joins(m, id);
    for (const id of ['ana', 'ben', 'cy']) opens(m, id);
    for (const speaker of ['ana', 'ben', 'olu']) {
      m.do(speaker, { type: 'join', kind: 'point' });
      m.do('olu', { type: 'next', currentTurnId: m.turnId() });
      m.tick(60);
    }
    m.do('olu', { type: 'next', currentTurnId: m.turnId() });
    const summary = summarize(recordsOf(m.events), { k: 3 });
    expect(summary).toMatchObject({
      participants: 8,
      openedRoundtable: 4,
      speakers: 3,
      counted: 'meeting',
    });
    expect(summary.spokeShare).toBeCloseTo(3 / 8);
  });

  it('says the figures cover panel users only when no roster arrived', () => {
    const m = TestMeeting.with({ olu: 'organizer', ana: 'attendee', ben: 'attendee' });
    const summary = summarize(recordsOf(m.events), { k: 3 });
    expect(summary).toMatchObject({ participants: 3, openedRoundtable: 3, counted: 'panel' });
  });

  it('keeps closing the panel from counting as leaving where the roster decides', () => {
    const m = new TestMeeting();
    joins(m, 'ana');
    opens(m, 'ana');
    // The panel closing sends nothing; only Teams' leave event departs.
    expect(m.state.participants.ana?.present).toBe(true);
    m.do('ana', { type: 'depart' });
    expect(m.state.participants.ana?.present).toBe(false);
    // Opening the panel again brings them back (Teams let them in to open it).
    opens(m, 'ana');
    expect(m.state.participants.ana?.present).toBe(true);
  });
});
