// decide(): checks who is acting and whether they may, then hands the command to its handler.
import type { MeetingCommand } from '../contract/commands.js';
import type { CommandContext, Decider, Decision } from '../decider.js';
import { accept, reject } from '../decider.js';
import { domainError } from '../errors.js';
import * as checkins from './checkin-commands.js';
import type { MeetingEvent } from './events.js';
import { evolve } from './evolve.js';
import type { HandlerContext } from './handler.js';
import { HOST_COMMANDS } from './handler.js';
import * as hosting from './host-commands.js';
import * as queue from './queue-commands.js';
import type { MeetingSettings, MeetingState } from './state.js';
import { initialMeetingState, isHost } from './state.js';

export function decide(
  command: MeetingCommand,
  state: MeetingState,
  ctx: CommandContext,
): Decision<MeetingEvent> {
  // Ending what has already ended changes nothing, so a retried or late "end" is harmless.
  if (state.phase === 'ended') {
    return command.type === 'endSession' ? accept() : reject(domainError('meeting-ended'));
  }
  const { actor } = ctx;
  if (actor.kind === 'system') {
    // The system only ends sessions: Teams' meeting-end event, or the idle timer.
    if (command.type !== 'endSession') return reject(domainError('not-a-system-command'));
    if (command.session !== state.session) return accept();
    return hosting.endSession(state, ctx.now);
  }
  if (command.type === 'arrive')
    return hosting.arrive(command, state, actor.participantId, ctx.now);
  const participant = state.participants[actor.participantId];
  if (participant === undefined) return reject(domainError('unknown-participant'));
  if (command.type === 'depart') return hosting.depart(state, participant.participantId, ctx.now);
  if (HOST_COMMANDS.has(command.type) && !isHost(state, participant)) {
    return reject(domainError('not-host'));
  }
  const handlerContext: HandlerContext = { now: ctx.now, random: ctx.random, actor: participant };
  switch (command.type) {
    case 'join':
      return queue.join(command, state, handlerContext);
    case 'leave':
      return queue.leave(command, state, handlerContext);
    case 'next':
      return queue.next(command, state, handlerContext);
    case 'finish':
      return queue.finish(command, state, handlerContext);
    case 'remove':
      return queue.remove(command, state, handlerContext);
    case 'move':
      return queue.move(command, state, handlerContext);
    case 'setMode':
      return queue.setMode(command, state, handlerContext);
    case 'setTimebox':
      return hosting.setTimebox(command, state, handlerContext);
    case 'lock':
      return hosting.setLocked(true, state, handlerContext);
    case 'unlock':
      return hosting.setLocked(false, state, handlerContext);
    case 'grantHost':
    case 'revokeHost':
      return hosting.changeCoHost(command, state, handlerContext);
    case 'setPresentersHost':
      return hosting.setPresentersHost(command, state, handlerContext);
    case 'setOption':
      return hosting.setOption(command, state, handlerContext);
    case 'invite':
      return hosting.invite(command, state, handlerContext);
    case 'respondInvite':
      return hosting.respondInvite(command, state, handlerContext);
    case 'openCheckin':
      return checkins.openCheckin(command, state, handlerContext);
    case 'answerCheckin':
      return checkins.answerCheckin(command, state, handlerContext);
    case 'closeCheckin':
      return checkins.closeCheckin(command, state, handlerContext);
    case 'appreciate':
      return checkins.appreciate(command, state, handlerContext);
    case 'endSession':
      return command.session === state.session ? hosting.endSession(state, ctx.now) : accept();
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

export function meetingDecider(
  settings: Partial<MeetingSettings> = {},
): Decider<MeetingCommand, MeetingState, MeetingEvent> {
  return { decide, evolve, initialState: () => initialMeetingState(settings) };
}
