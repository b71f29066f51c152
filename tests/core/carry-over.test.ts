// Carry-over: people still waiting when a session ends start the next one at the front, when the
// organiser chose it; and each person's own view says why their entry is where it is.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  type CarriedEntry,
  type EntryKind,
  type MeetingState,
  type Role,
  ENTRY_KINDS,
  entriesToCarry,
  forgetPeople,
  initialMeetingState,
  participantView,
  publicView,
  upgradedState,
} from '@roundtable/core';
import { TestMeeting } from './support.js';

const meta = { meetingId: 'm', version: 1 };
const people: Record<string, Role> = { olu: 'organizer', ana: 'attendee', ben: 'attendee' };

/** Arrives with a carry key, as the api sends one while carry-over is on. */
function arriveWithKey(m: TestMeeting, id: string, via: 'panel' | 'meeting' = 'panel') {
  return m.do(id, {
    type: 'arrive',
    displayName: id.toUpperCase(),
    role: id === 'olu' ? 'organizer' : 'attendee',
    carryKey: `key-${id}`,
    via,
  });
}

/** A first session with carry-over on, where ana (a point, with a note) and ben wait at the end. */
function firstSessionEnding(): { m: TestMeeting; beforeEnd: MeetingState } {
  const m = TestMeeting.with(people);
  m.do('olu', { type: 'setOption', option: 'carryOver', enabled: true });
  for (const id of ['olu', 'ana', 'ben', 'cai']) arriveWithKey(m, id);
  m.do('ben', { type: 'join', kind: 'reply' });
  m.do('ana', { type: 'join', kind: 'point', note: 'about Zebulon' });
  m.do('cai', { type: 'join', kind: 'point' });
  m.do('olu', { type: 'next', currentTurnId: null }); // ben's reply is heard
  m.do('ben', { type: 'join', kind: 'point' });
  const beforeEnd = m.state;
  m.do('olu', { type: 'endSession', session: 1 });
  return { m, beforeEnd };
}

/** The next session of the same meeting, opened with what the last one carried. */
function nextSession(beforeEnd: MeetingState): TestMeeting {
  const next = new TestMeeting();
  const ended = forgetPeople(beforeEnd);
  next.state = initialMeetingState({}, 2, ended.options, entriesToCarry(beforeEnd));
  return next;
}

describe('what a session carries over as it ends', () => {
  it('is each waiting entry of a person with a carry key, in queue order: key, kind and place only', () => {
    const { beforeEnd } = firstSessionEnding();
    const carried = entriesToCarry(beforeEnd);
    expect(carried).toEqual([
      { carryKey: 'key-ana', kind: 'point', rank: 0 },
      { carryKey: 'key-cai', kind: 'point', rank: 1 },
      { carryKey: 'key-ben', kind: 'point', rank: 2 },
    ]);
    const text = JSON.stringify(carried);
    for (const trace of ['Zebulon', 'ANA', '"ana"', 'e2']) expect(text).not.toContain(trace);
  });

  it('is nothing when the organiser has not chosen carry-over, and no carry key is kept then', () => {
    const m = TestMeeting.with(people);
    arriveWithKey(m, 'ana');
    m.do('ana', { type: 'join', kind: 'point' });
    expect(m.state.participants.ana?.carryKey).toBeUndefined();
    expect(entriesToCarry(m.state)).toEqual([]);
  });

  it('stops when the organiser turns carry-over off: carried entries and carry keys go', () => {
    const { beforeEnd } = firstSessionEnding();
    const m = nextSession(beforeEnd);
    arriveWithKey(m, 'olu');
    m.do('olu', { type: 'setOption', option: 'carryOver', enabled: false });
    expect(m.state.carried).toEqual([]);
    expect(JSON.stringify(m.state)).not.toContain('key-');
    arriveWithKey(m, 'ana');
    expect(m.queue()).toEqual([]);
  });

  it('is forgotten, with anything unclaimed, once the session has ended', () => {
    const { beforeEnd } = firstSessionEnding();
    const m = nextSession(beforeEnd);
    arriveWithKey(m, 'olu');
    m.do('olu', { type: 'endSession', session: 2 });
    const forgotten = forgetPeople(m.state);
    expect(forgotten.carried).toEqual([]);
    expect(JSON.stringify(forgotten)).not.toContain('key-');
  });
});

describe('the next session', () => {
  it('puts a carried person at the front when they arrive, without their note, told why', () => {
    const { beforeEnd } = firstSessionEnding();
    const m = nextSession(beforeEnd);
    arriveWithKey(m, 'olu');
    m.do('olu', { type: 'join', kind: 'point' });
    m.tick(5);
    arriveWithKey(m, 'ben');
    expect(m.queue()).toEqual(['ben:point', 'olu:point']);
    expect(m.state.queue[0]).toMatchObject({ origin: 'carried', note: null });
    expect(m.state.carried.map((c) => c.carryKey)).toEqual(['key-ana', 'key-cai']);
    expect(participantView(m.state, meta, 'ben')?.you.entries).toEqual([
      { entryId: 'e2', kind: 'point', position: 0, why: 'carried' },
    ]);
  });

  it('keeps the carried order whoever arrives first, behind a point of order', () => {
    const { beforeEnd } = firstSessionEnding();
    const m = nextSession(beforeEnd);
    arriveWithKey(m, 'olu');
    m.do('olu', { type: 'join', kind: 'order' });
    arriveWithKey(m, 'ben'); // rank 2
    arriveWithKey(m, 'ana', 'meeting'); // rank 0, through Teams' roster: still carried
    arriveWithKey(m, 'cai'); // rank 1
    expect(m.queue()).toEqual(['olu:order', 'ana:point', 'cai:point', 'ben:point']);
    expect(m.state.carried).toEqual([]);
  });

  it('takes a carried entry once: arriving again adds nothing', () => {
    const { beforeEnd } = firstSessionEnding();
    const m = nextSession(beforeEnd);
    arriveWithKey(m, 'ana');
    m.do('ana', { type: 'leave', kind: 'point' });
    arriveWithKey(m, 'ana', 'meeting');
    expect(m.queue()).toEqual([]);
  });

  it('lets a carried person in even when the queue is locked', () => {
    const { beforeEnd } = firstSessionEnding();
    const m = nextSession(beforeEnd);
    arriveWithKey(m, 'olu');
    m.do('olu', { type: 'lock' });
    arriveWithKey(m, 'cai');
    expect(m.queue()).toEqual(['cai:point']);
  });

  it('lets nobody pass a carried entry by the equity rule', () => {
    const { beforeEnd } = firstSessionEnding();
    const m = nextSession(beforeEnd);
    arriveWithKey(m, 'olu');
    m.do('olu', { type: 'setMode', mode: 'equity' });
    m.do('olu', { type: 'join', kind: 'point' });
    m.do('olu', { type: 'next', currentTurnId: null }); // olu has spoken once
    m.do('olu', { type: 'finish', turnId: m.turnId() ?? '' });
    arriveWithKey(m, 'ben'); // his point is carried
    m.do('ben', { type: 'join', kind: 'order' });
    m.do('olu', { type: 'next', currentTurnId: null }); // ben's point of order: he has spoken once
    m.do('ben', { type: 'finish', turnId: m.turnId() ?? '' });
    m.do('olu', { type: 'join', kind: 'point' });
    arriveWithKey(m, 'dee');
    m.do('dee', { type: 'join', kind: 'point' }); // never spoke: passes olu, but not ben
    expect(m.queue()).toEqual(['ben:point', 'dee:point', 'olu:point']);
    const own = (id: string) => participantView(m.state, meta, id)?.you.entries[0]?.why;
    expect([own('ben'), own('dee'), own('olu')]).toEqual([
      'carried',
      'least-spoken',
      'joined-order',
    ]);
    expect(m.state.queue.find((e) => e.participantId === 'ben')?.overtakenBy).toBe(0);
  });

  it('keeps carried entries at the front when a round is drawn', () => {
    const { beforeEnd } = firstSessionEnding();
    for (let seed = 1; seed <= 5; seed++) {
      const m = nextSession(beforeEnd);
      m.random = () => (seed * 0.173) % 1;
      for (const id of ['olu', 'dee', 'eve']) arriveWithKey(m, id);
      arriveWithKey(m, 'cai');
      m.do('olu', { type: 'setMode', mode: 'round' });
      expect(m.queue()[0]).toBe('cai:point');
      expect(m.queue()).toHaveLength(4);
    }
  });
});

describe('carried entries, whatever the order people arrive in', () => {
  it('keep last time’s order within each kind, kinds in priority order, each taken once', () => {
    const kind = fc.constantFrom<EntryKind>(...ENTRY_KINDS);
    fc.assert(
      fc.property(
        // Up to 8 people, each carried with a set of kinds, arriving in any order, some twice.
        fc.array(fc.uniqueArray(kind, { minLength: 1, maxLength: 4 }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.array(fc.nat(7), { maxLength: 16 }),
        fc.boolean(),
        (kindsOf, arrivals, equity) => {
          let rank = 0;
          const carried: CarriedEntry[] = kindsOf.flatMap((kinds, person) =>
            kinds.map((k) => ({ carryKey: `key-p${String(person)}`, kind: k, rank: rank++ })),
          );
          carried.sort((a, b) => a.rank - b.rank);
          const m = new TestMeeting();
          m.state = initialMeetingState({}, 2, { transcript: false, carryOver: true }, carried);
          m.do('olu', { type: 'arrive', displayName: 'Olu', role: 'organizer' });
          if (equity) m.do('olu', { type: 'setMode', mode: 'equity' });
          m.do('olu', { type: 'join', kind: 'point' });
          const came = new Set<string>();
          for (const index of arrivals) {
            if (index >= kindsOf.length) continue;
            const id = `p${String(index)}`;
            m.do(id, { type: 'arrive', displayName: id, role: 'attendee', carryKey: `key-${id}` });
            came.add(id);
            m.tick(1);
          }
          const carriedQueue = m.state.queue.filter((entry) => entry.origin === 'carried');
          // Exactly the entries of those who came, once each.
          expect(carriedQueue.map((e) => `${e.participantId}:${e.kind}`).sort()).toEqual(
            carried
              .filter((c) => came.has(c.carryKey.slice(4)))
              .map((c) => `${c.carryKey.slice(4)}:${c.kind}`)
              .sort(),
          );
          // Kinds in priority order throughout, and within a kind carried entries lead, by rank.
          const ranks = m.state.queue.map((e) => ENTRY_KINDS.indexOf(e.kind));
          expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
          for (const k of ENTRY_KINDS) {
            const section = m.state.queue.filter((e) => e.kind === k);
            const leading = section.findIndex((e) => e.origin !== 'carried');
            const carriedHere = leading === -1 ? section : section.slice(0, leading);
            expect(carriedHere).toHaveLength(section.filter((e) => e.origin === 'carried').length);
            const order = carriedHere.map((e) => e.carriedRank ?? -1);
            expect(order).toEqual([...order].sort((a, b) => a - b));
          }
          expect(m.state.carried.every((c) => !came.has(c.carryKey.slice(4)))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('why an entry is where it is', () => {
  it('names the kind, a host’s move, a round or the order people joined in, only to its person', () => {
    const m = TestMeeting.with({ ...people, cai: 'attendee' });
    m.do('ana', { type: 'join', kind: 'point' });
    m.do('ben', { type: 'join', kind: 'point' });
    m.do('cai', { type: 'join', kind: 'order' });
    const whyOf = (id: string) => participantView(m.state, meta, id)?.you.entries[0]?.why;
    expect([whyOf('cai'), whyOf('ana'), whyOf('ben')]).toEqual([
      'kind',
      'joined-order',
      'joined-order',
    ]);
    m.do('olu', { type: 'move', entryId: 'e2', toIndex: 1 });
    expect([whyOf('ben'), whyOf('ana')]).toEqual(['moved', 'joined-order']);
    // Nobody else's view, and not the public one, says why.
    expect(JSON.stringify(publicView(m.state, meta))).not.toMatch(/why|moved|joined-order/);
    expect(JSON.stringify(participantView(m.state, meta, 'ana'))).not.toContain('moved');
    m.do('olu', { type: 'setMode', mode: 'round' });
    expect(whyOf('olu')).toBe('round');
  });

  it('is read from a state stored before carry-over existed', () => {
    const m = TestMeeting.with(people);
    m.do('ana', { type: 'join', kind: 'point' });
    const { carried: _carried, ...older } = m.state;
    const upgraded = upgradedState(older);
    expect(upgraded.carried).toEqual([]);
    expect(participantView(upgraded, meta, 'ana')?.you.entries[0]?.why).toBe('joined-order');
  });
});
