// Check-ins and appreciation. Answers become a tally at once; who answered is kept apart from it.
import { acceptAnswer } from '../checkins/aggregate.js';
import { findPrompt } from '../checkins/prompts.js';
import type { PublicCommand } from '../contract/commands.js';
import type { Decision } from '../decider.js';
import { accept, reject } from '../decider.js';
import { domainError } from '../errors.js';
import type { MeetingEvent } from './events.js';
import { evolve } from './evolve.js';
import type { HandlerContext } from './handler.js';
import { startRound } from './queue-commands.js';
import type { CheckinScale, MeetingState } from './state.js';

type Command<T extends PublicCommand['type']> = Extract<PublicCommand, { type: T }>;
type Result = Decision<MeetingEvent>;

export function closeOpenCheckin(state: MeetingState, now: number): MeetingEvent[] {
  const checkin = state.checkin;
  if (checkin === null) return [];
  return [
    {
      type: 'CheckinClosed',
      at: now,
      checkinId: checkin.checkinId,
      promptId: checkin.promptId,
      scale: checkin.scale,
      // Only what was publishable is kept: a trailing part-block could be linked to its answerers.
      aggregate: checkin.published,
    },
  ];
}

export function openCheckin(
  command: Command<'openCheckin'>,
  state: MeetingState,
  ctx: HandlerContext,
): Result {
  if (state.checkin !== null) return reject(domainError('checkin-already-open'));
  let promptId: string | null = null;
  let text: string;
  let scale: CheckinScale;
  if (command.promptId !== undefined) {
    const prompt = findPrompt(command.promptId);
    if (prompt === undefined) return reject(domainError('unknown-prompt'));
    if (command.scale !== undefined && command.scale !== prompt.scale) {
      return reject(domainError('prompt-scale-mismatch'));
    }
    ({ id: promptId, text, scale } = prompt);
  } else if (command.text !== undefined && command.scale !== undefined) {
    ({ text, scale } = command);
  } else {
    return reject(domainError('unknown-prompt'));
  }
  const opened: MeetingEvent = {
    type: 'CheckinOpened',
    at: ctx.now,
    checkinId: `c${state.sequence.checkin + 1}`,
    promptId,
    text,
    scale,
  };
  if (scale !== 'round') return accept(opened);
  // A spoken round runs through the queue: everyone present gets a place, in random order.
  const changed: MeetingEvent[] =
    state.mode === 'round' ? [] : [{ type: 'ModeChanged', at: ctx.now, mode: 'round' }];
  const prepared = [opened, ...changed].reduce(evolve, state);
  return accept(opened, ...changed, ...startRound(prepared, ctx));
}

export function answerCheckin(
  command: Command<'answerCheckin'>,
  state: MeetingState,
  ctx: HandlerContext,
): Result {
  const checkin = state.checkin;
  const actor = ctx.actor;
  if (checkin?.checkinId !== command.checkinId) return reject(domainError('checkin-not-open'));
  if (checkin.scale === 'round') return reject(domainError('checkin-spoken-round'));
  if (checkin.answeredBy.includes(actor.participantId)) {
    return reject(domainError('already-answered'));
  }
  const value = acceptAnswer(checkin.scale, command.value);
  if (value === null) return reject(domainError('invalid-answer'));
  return accept({
    type: 'CheckinAnswered',
    at: ctx.now,
    checkinId: checkin.checkinId,
    participantId: actor.participantId,
    value,
  });
}

export function closeCheckin(
  command: Command<'closeCheckin'>,
  state: MeetingState,
  ctx: HandlerContext,
): Result {
  if (state.checkin?.checkinId !== command.checkinId) {
    return reject(domainError('checkin-not-open'));
  }
  return accept(...closeOpenCheckin(state, ctx.now));
}

export function appreciate(
  command: Command<'appreciate'>,
  state: MeetingState,
  ctx: HandlerContext,
): Result {
  const actor = ctx.actor;
  const turn = state.recentTurns.find((candidate) => candidate.turnId === command.turnId);
  if (turn === undefined) return reject(domainError('turn-not-found'));
  if (turn.participantId === actor.participantId) return reject(domainError('cannot-thank-self'));
  if (turn.thankedBy.includes(actor.participantId)) return reject(domainError('already-thanked'));
  return accept({
    type: 'TurnAppreciated',
    at: ctx.now,
    turnId: turn.turnId,
    participantId: actor.participantId,
  });
}
