// Random commands a person might send, built from the view they last saw: mostly sensible, some
// stale (a turn that already ended, an entry that left), some not theirs to send (an attendee
// pressing Next), some simply wrong (answering a check-in on the wrong scale).
import {
  type ParticipantView,
  type PublicCommand,
  ENTRY_KINDS,
  QUEUE_MODES,
  publicCommandSchema,
} from '@roundtable/core';
import type { Seeded } from './seeded-random.js';

const PROMPTS = ['energy', 'felt-heard', 'arrival-word', 'safe-to-differ'] as const;
const WORDS = ['calm', 'curious', 'tired', 'ready'] as const;

/** What a person has seen of the meeting beyond their latest view: ids to aim at. */
export interface Seen {
  readonly participants: readonly string[];
  readonly turns: readonly string[];
}

type Builder = (view: ParticipantView, random: Seeded, seen: Seen) => PublicCommand;

const someone = (view: ParticipantView, random: Seeded, seen: Seen) =>
  random.pick([...seen.participants, view.you.participantId]);

const someEntry = (view: ParticipantView, random: Seeded) =>
  view.queue.length > 0 && random.chance(0.9)
    ? random.pick(view.queue).entryId
    : `e${random.int(200) + 1}`;

const someTurn = (view: ParticipantView, random: Seeded, seen: Seen) =>
  view.current !== null && random.chance(0.7)
    ? view.current.turnId
    : seen.turns.length > 0
      ? random.pick(seen.turns)
      : `t${random.int(50) + 1}`;

/**
 * Builders with weights (joining and answering are common, co-hosting is rare); the flag marks
 * host commands, which attendees send only now and then (and are refused).
 */
const BUILDERS: readonly (readonly [number, Builder, 'host'?])[] = [
  [
    24,
    (_, r) => {
      const kind = r.pick(ENTRY_KINDS);
      return r.chance(0.3) ? { type: 'join', kind, note: `about ${kind}` } : { type: 'join', kind };
    },
  ],
  [
    12,
    (view, r) => ({
      type: 'leave',
      kind:
        view.you.entries.length > 0 && r.chance(0.8)
          ? r.pick(view.you.entries).kind
          : r.pick(ENTRY_KINDS),
    }),
  ],
  [
    12,
    (view, r) => ({
      type: 'next',
      currentTurnId: r.chance(0.8) ? (view.current?.turnId ?? null) : 't-stale',
    }),
    'host',
  ],
  [7, (view, r, seen) => ({ type: 'finish', turnId: someTurn(view, r, seen) })],
  [
    6,
    (view, r) => ({
      type: 'move',
      entryId: someEntry(view, r),
      toIndex: r.int(Math.max(1, view.queue.length)),
    }),
    'host',
  ],
  [3, (view, r) => ({ type: 'remove', entryId: someEntry(view, r) }), 'host'],
  [3, (_, r) => ({ type: 'setMode', mode: r.pick(QUEUE_MODES) }), 'host'],
  [3, (_, r) => (r.chance(0.5) ? { type: 'lock' } : { type: 'unlock' }), 'host'],
  [2, (_, r) => ({ type: 'setTimebox', seconds: r.chance(0.5) ? 60 + r.int(120) : null }), 'host'],
  [4, (_, r) => ({ type: 'openCheckin', promptId: r.pick(PROMPTS) }), 'host'],
  [
    10,
    (view, r) => {
      const checkinId = view.checkin?.checkinId ?? `c${r.int(5) + 1}`;
      // Now and then the wrong kind of answer for the scale, which the rules refuse.
      const word = (view.checkin?.scale === 'word') !== r.chance(0.1);
      return { type: 'answerCheckin', checkinId, value: word ? r.pick(WORDS) : 1 + r.int(5) };
    },
  ],
  [2, (view) => ({ type: 'closeCheckin', checkinId: view.checkin?.checkinId ?? 'c1' }), 'host'],
  [5, (view, r, seen) => ({ type: 'appreciate', turnId: someTurn(view, r, seen) })],
  [2, (view, r, seen) => ({ type: 'grantHost', participantId: someone(view, r, seen) }), 'host'],
  [1, (view, r, seen) => ({ type: 'revokeHost', participantId: someone(view, r, seen) }), 'host'],
  [3, (view, r, seen) => ({ type: 'invite', participantId: someone(view, r, seen) }), 'host'],
  [2, (_, r) => ({ type: 'respondInvite', accept: r.chance(0.6) })],
];
/** One command that passes the API's schema (so it reaches the rules, as over HTTP). */
export function randomCommand(view: ParticipantView, random: Seeded, seen: Seen): PublicCommand {
  const weighted = BUILDERS.map(
    ([weight, build, hostOnly]) =>
      [hostOnly === 'host' && !view.you.isHost ? weight / 5 : weight, build] as const,
  );
  let ticket = random.next() * weighted.reduce((sum, [weight]) => sum + weight, 0);
  for (const [weight, build] of weighted) {
    if (ticket < weight) return publicCommandSchema.parse(build(view, random, seen));
    ticket -= weight;
  }
  return { type: 'join', kind: 'point' };
}
