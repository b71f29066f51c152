// A 500-person, 8-hour meeting played through the real decider: arrivals, a queue kept busy, turns
// of 4–14 s, thanks, a check-in every 20 minutes, invitations, a change of order every two hours.
// Seeded, so every run builds the same meeting.
import {
  decide,
  evolveAll,
  initialMeetingState,
  type MeetingCommand,
  type MeetingEvent,
  type MeetingState,
} from '@roundtable/core';
import { seeded } from './stats.js';

export interface Step {
  readonly command: MeetingCommand;
  readonly now: number;
  readonly participantId: string;
}

export interface BigMeeting {
  readonly steps: Step[];
  readonly events: MeetingEvent[];
  readonly final: MeetingState;
  readonly refused: number;
}

const START = Date.UTC(2026, 0, 12, 8, 0, 0);
const MINUTE = 60_000;
const SEED = 2026;
const PROMPTS = ['energy', 'safe-to-differ', 'arrival-word', 'felt-heard', 'said-my-piece'];
const WORDS = ['curious', 'tired', 'hopeful', 'busy', 'calm', 'focused', 'ready', 'sleepy'];
const KINDS = ['point', 'point', 'point', 'point', 'reply', 'reply', 'clarify', 'order'] as const;

/** Replays the steps through decide and evolve, as the API does; the same seed, the same result. */
export function play(steps: readonly Step[]): BigMeeting {
  const random = seeded(SEED);
  let state = initialMeetingState();
  const events: MeetingEvent[] = [];
  let refused = 0;
  for (const step of steps) {
    const actor = { kind: 'participant', participantId: step.participantId } as const;
    const decision = decide(step.command, state, { now: step.now, actor, random });
    if (!decision.ok) {
      refused += 1;
      continue;
    }
    state = evolveAll(state, decision.events);
    events.push(...decision.events);
  }
  return { steps: [...steps], events, final: state, refused };
}

export function buildBigMeeting(people = 500, hours = 8): BigMeeting {
  const pick = seeded(SEED + 1);
  const random = seeded(SEED);
  const ids = Array.from({ length: people }, (_, i) => `p${String(i).padStart(3, '0')}`);
  const organiser = ids[0] ?? 'p000';
  const steps: Step[] = [];
  const events: MeetingEvent[] = [];
  let state = initialMeetingState();
  let now = START;
  let refused = 0;
  const send = (participantId: string, command: MeetingCommand) => {
    steps.push({ command, now, participantId });
    const actor = { kind: 'participant', participantId } as const;
    const decision = decide(command, state, { now, actor, random });
    if (!decision.ok) {
      refused += 1;
      return false;
    }
    state = evolveAll(state, decision.events);
    events.push(...decision.events);
    return true;
  };
  const any = <T>(items: readonly T[]): T => items[Math.floor(pick() * items.length)] as T;
  const present = () => Object.keys(state.participants);

  ids.forEach((id, i) => {
    const role = i === 0 ? 'organizer' : i < 3 ? 'presenter' : 'attendee';
    // Most arrive in the first five minutes; the last tenth drift in over the first four hours.
    now = i < people * 0.9 ? START + pick() * 5 * MINUTE : START + pick() * 240 * MINUTE;
    send(id, { type: 'arrive', displayName: `Person ${i}`, role });
  });
  now = START + 5 * MINUTE;
  const end = START + hours * 60 * MINUTE;
  let nextCheckin = now + 20 * MINUTE;
  let nextMode = now + 120 * MINUTE;
  let nextInvite = now + 30 * MINUTE;
  while (now < end) {
    while (state.queue.length < 8 + Math.floor(pick() * 8)) {
      send(any(present()), { type: 'join', kind: any(KINDS), note: 'a short note' });
    }
    if (pick() < 0.1) {
      const entry = any(state.queue);
      send(entry.participantId, { type: 'leave', kind: entry.kind });
    }
    send(organiser, { type: 'next', currentTurnId: state.current?.turnId ?? null });
    const turn = state.current;
    now += 4_000 + pick() * 10_000;
    if (turn !== null) {
      const thanks = Math.floor(pick() * 25);
      for (let i = 0; i < thanks; i++)
        send(any(present()), { type: 'appreciate', turnId: turn.turnId });
      if (pick() < 0.5) send(turn.participantId, { type: 'finish', turnId: turn.turnId });
    }
    if (now >= nextCheckin) {
      nextCheckin += 20 * MINUTE;
      checkinRound();
    }
    if (now >= nextMode) {
      nextMode += 120 * MINUTE;
      send(organiser, { type: 'setMode', mode: state.mode === 'fifo' ? 'equity' : 'fifo' });
    }
    if (now >= nextInvite) {
      nextInvite += 30 * MINUTE;
      const quiet = Object.values(state.participants).find(
        (p) => p.turns === 0 && p.invitedAt === null && p.participantId !== organiser,
      );
      if (quiet && send(organiser, { type: 'invite', participantId: quiet.participantId })) {
        send(quiet.participantId, { type: 'respondInvite', accept: pick() < 0.7 });
      }
    }
  }
  send(organiser, { type: 'endSession', session: 1 });
  return { steps, events, final: state, refused };

  function checkinRound(): void {
    const promptId = PROMPTS[Math.floor(now / MINUTE) % PROMPTS.length] ?? 'energy';
    if (!send(organiser, { type: 'openCheckin', promptId })) return;
    const checkin = state.checkin;
    if (checkin === null) return;
    for (const id of present()) {
      if (pick() > 0.7) continue;
      const value = promptId === 'arrival-word' ? any(WORDS) : 1 + Math.floor(pick() * 5);
      send(id, { type: 'answerCheckin', checkinId: checkin.checkinId, value });
    }
    send(organiser, { type: 'closeCheckin', checkinId: checkin.checkinId });
  }
}
