// Random command streams for property tests: steps from anyone, resolved against the live state.
import fc from 'fast-check';
import { type MeetingCommand, type MeetingState, ENTRY_KINDS } from '@roundtable/core';

export const PEOPLE = {
  olu: 'organizer',
  pat: 'presenter',
  ana: 'attendee',
  ben: 'attendee',
  cai: 'attendee',
} as const;
const WHO = Object.keys(PEOPLE);

/** A step names its target loosely (an index, "the current turn"); it is resolved against the state. */
export type Step = { by: string; seconds: number; build: (state: MeetingState) => MeetingCommand };

const pick = <T>(items: readonly T[], index: number): T | undefined =>
  items[index % Math.max(1, items.length)];

export function stepArbitrary(options: {
  moves: boolean;
  modes: readonly ('fifo' | 'equity' | 'round')[];
}) {
  const kind = fc.constantFrom(...ENTRY_KINDS);
  const index = fc.nat(20);
  const builders: fc.Arbitrary<Step['build']>[] = [
    fc.tuple(kind, fc.option(fc.string({ maxLength: 150 }), { nil: undefined })).map(
      ([k, note]) =>
        () =>
          note === undefined ? { type: 'join', kind: k } : { type: 'join', kind: k, note },
    ),
    kind.map((k) => () => ({ type: 'leave', kind: k })),
    fc.boolean().map((fresh) => (s: MeetingState) => ({
      type: 'next',
      currentTurnId: fresh ? (s.current?.turnId ?? null) : 't-stale',
    })),
    fc.constant((s: MeetingState) => ({ type: 'finish', turnId: s.current?.turnId ?? 't0' })),
    index.map((i) => (s: MeetingState) => ({
      type: 'remove',
      entryId: pick(s.queue, i)?.entryId ?? 'e0',
    })),
    fc.constantFrom(...options.modes).map((mode) => () => ({ type: 'setMode', mode })),
    fc.constantFrom('lock', 'unlock').map((type) => () => ({ type })),
    fc.nat(4).map((i) => () => ({ type: 'invite', participantId: WHO[i] ?? 'olu' })),
    fc.boolean().map((accept) => () => ({ type: 'respondInvite', accept })),
    fc.nat(4).map((i) => () => ({ type: 'grantHost', participantId: WHO[i] ?? 'olu' })),
    // Presence from both sides: the panel opening, and Teams' join and leave events.
    fc
      .constantFrom('depart', 'arrive', 'join-meeting')
      .map(
        (type) => () =>
          type === 'depart'
            ? { type }
            : type === 'arrive'
              ? { type, displayName: 'Back', role: 'attendee' }
              : { type: 'arrive', displayName: 'Back', role: 'attendee', via: 'meeting' },
      ),
    // The appreciation round reshuffles the points, so it comes only with round mode.
    fc
      .constantFrom(
        'energy',
        'arrival-word',
        ...(options.modes.includes('round') ? ['appreciation-round'] : []),
      )
      .map((promptId) => () => ({ type: 'openCheckin', promptId })),
    fc
      .oneof(fc.integer({ min: 0, max: 6 }), fc.string({ maxLength: 12 }))
      .map((value) => (s: MeetingState) => ({
        type: 'answerCheckin',
        checkinId: s.checkin?.checkinId ?? 'c0',
        value,
      })),
    fc.constant((s: MeetingState) => ({
      type: 'closeCheckin',
      checkinId: s.checkin?.checkinId ?? 'c0',
    })),
    index.map((i) => (s: MeetingState) => ({
      type: 'appreciate',
      turnId: pick(s.recentTurns, i)?.turnId ?? 't0',
    })),
  ];
  if (options.moves) {
    builders.push(
      fc.tuple(index, index).map(([i, to]) => (s: MeetingState) => ({
        type: 'move',
        entryId: pick(s.queue, i)?.entryId ?? 'e0',
        toIndex: to % Math.max(1, s.queue.length),
      })),
    );
  }
  return fc.record({
    by: fc.constantFrom(...WHO),
    seconds: fc.nat(120),
    build: fc.oneof(...builders),
  });
}
