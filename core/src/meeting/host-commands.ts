// Presence, co-hosts, private invitations, timebox, lock and the end of the session.
import type { Decision } from '../decider.js';
import { accept, reject } from '../decider.js';
import { domainError } from '../errors.js';
import type { MeetingCommand, PublicCommand, SystemCommand } from '../contract/commands.js';
import { closeOpenCheckin } from './checkin-commands.js';
import type { MeetingEvent } from './events.js';
import type { HandlerContext } from './handler.js';
import { evolve } from './evolve.js';
import { carriedEntryJoined, entryJoined, turnEnded } from './queue-commands.js';
import type { MeetingState } from './state.js';
import { hostsByRole, isHost } from './state.js';

type Command<T extends MeetingCommand['type']> = Extract<
  PublicCommand | SystemCommand,
  { type: T }
>;
type Result = Decision<MeetingEvent>;

export function arrive(
  command: Command<'arrive'>,
  state: MeetingState,
  participantId: string,
  now: number,
): Result {
  const known = state.participants[participantId];
  const via = command.via ?? 'panel';
  const firstPanel = via === 'panel' && known?.openedPanel !== true;
  // A carry key is kept only while the organiser wants people carried over.
  const carryKey = state.options.carryOver ? command.carryKey : undefined;
  const unchanged =
    known?.present === true &&
    !firstPanel &&
    (via === 'panel' || state.roster) &&
    known.displayName === command.displayName &&
    known.role === command.role &&
    (command.contact === undefined || known.contact === command.contact) &&
    (carryKey === undefined || known.carryKey === carryKey);
  if (unchanged) return accept();
  const arrived: MeetingEvent = {
    type: 'ParticipantArrived',
    at: now,
    participantId,
    displayName: command.displayName,
    role: command.role,
    firstTime: known === undefined,
    via,
    firstPanel,
    ...(command.contact === undefined ? {} : { contact: command.contact }),
    ...(carryKey === undefined ? {} : { carryKey }),
  };
  return accept(
    arrived,
    ...carriedBack(evolve(state, arrived), state, participantId, carryKey, now),
  );
}

/**
 * The entries this person still had waiting when the last session ended, back at the front (the
 * arrival has already taken them out of `state.carried`). Even a locked queue takes them: they
 * were in it before the lock.
 */
function carriedBack(
  arrived: MeetingState,
  before: MeetingState,
  participantId: string,
  carryKey: string | undefined,
  now: number,
): MeetingEvent[] {
  if (carryKey === undefined) return [];
  const events: MeetingEvent[] = [];
  let working = arrived;
  for (const carried of before.carried) {
    if (carried.carryKey !== carryKey) continue;
    const held = working.queue.some(
      (entry) => entry.participantId === participantId && entry.kind === carried.kind,
    );
    if (held) continue;
    const joined = carriedEntryJoined(working, participantId, carried, now);
    events.push(joined);
    working = evolve(working, joined);
  }
  return events;
}

/** Teams says this person left the meeting (closing Roundtable's panel is not leaving). */
export function depart(state: MeetingState, participantId: string, now: number): Result {
  if (state.participants[participantId]?.present !== true) return accept();
  return accept({ type: 'ParticipantDeparted', at: now, participantId });
}

export function setTimebox(
  command: Command<'setTimebox'>,
  state: MeetingState,
  ctx: HandlerContext,
): Result {
  if (command.seconds === state.timeboxSeconds) return accept();
  return accept({ type: 'TimeboxSet', at: ctx.now, seconds: command.seconds });
}

export function setLocked(locked: boolean, state: MeetingState, ctx: HandlerContext): Result {
  if (state.locked === locked) return accept();
  return accept({ type: locked ? 'QueueLocked' : 'QueueUnlocked', at: ctx.now });
}

/** Co-hosts are granted by the meeting's organisers, never by other hosts. */
export function changeCoHost(
  command: Command<'grantHost'> | Command<'revokeHost'>,
  state: MeetingState,
  ctx: HandlerContext,
): Result {
  if (ctx.actor.role !== 'organizer') return reject(domainError('not-organizer'));
  const target = state.participants[command.participantId];
  if (target === undefined) return reject(domainError('participant-not-found'));
  if (command.type === 'grantHost') {
    if (isHost(state, target)) return reject(domainError('already-host'));
    return accept({ type: 'CoHostGranted', at: ctx.now, participantId: target.participantId });
  }
  if (hostsByRole(state, target)) return reject(domainError('host-by-role'));
  if (!target.coHost) return reject(domainError('not-co-host'));
  return accept({ type: 'CoHostRevoked', at: ctx.now, participantId: target.participantId });
}

/** Teams makes most people presenters, so only an organiser lets presenters host. */
export function setPresentersHost(
  command: Command<'setPresentersHost'>,
  state: MeetingState,
  ctx: HandlerContext,
): Result {
  if (ctx.actor.role !== 'organizer') return reject(domainError('not-organizer'));
  if (state.presentersHost === command.enabled) return accept();
  return accept({ type: 'PresentersHostChanged', at: ctx.now, enabled: command.enabled });
}

/** The meeting's options are the organiser's to choose, as presenters hosting is. */
export function setOption(
  command: Command<'setOption'>,
  state: MeetingState,
  ctx: HandlerContext,
): Result {
  if (ctx.actor.role !== 'organizer') return reject(domainError('not-organizer'));
  if (state.options[command.option] === command.enabled) return accept();
  return accept({
    type: 'OptionChanged',
    at: ctx.now,
    option: command.option,
    enabled: command.enabled,
  });
}

export function invite(
  command: Command<'invite'>,
  state: MeetingState,
  ctx: HandlerContext,
): Result {
  const target = state.participants[command.participantId];
  if (target === undefined) return reject(domainError('participant-not-found'));
  if (target.participantId === ctx.actor.participantId) {
    return reject(domainError('cannot-invite-self'));
  }
  if (!target.present) return reject(domainError('not-present'));
  if (target.invitedAt !== null) return reject(domainError('already-invited'));
  return accept({ type: 'InviteSent', at: ctx.now, participantId: target.participantId });
}

/** Accepting puts the person in the queue with a point (even when locked: a host asked them). */
export function respondInvite(
  command: Command<'respondInvite'>,
  state: MeetingState,
  ctx: HandlerContext,
): Result {
  const actor = ctx.actor;
  if (actor.invitedAt === null) return reject(domainError('no-invite'));
  const answered: MeetingEvent = {
    type: 'InviteAnswered',
    at: ctx.now,
    participantId: actor.participantId,
    accepted: command.accept,
  };
  const waiting = state.queue.some(
    (entry) => entry.participantId === actor.participantId && entry.kind === 'point',
  );
  if (!command.accept || waiting) return accept(answered);
  return accept(
    answered,
    entryJoined(state, actor.participantId, 'point', null, 'invite', ctx.now),
  );
}

/** Ends the open turn and check-in, marks everyone still waiting as not reached, then ends. */
export function endSession(state: MeetingState, now: number): Result {
  const events: MeetingEvent[] = [
    ...turnEnded(state, now, 'sessionEnd'),
    ...closeOpenCheckin(state, now),
    ...state.queue.map((entry): MeetingEvent => ({
      type: 'EntryLeft',
      at: now,
      entryId: entry.entryId,
      participantId: entry.participantId,
      reason: 'notReached',
    })),
    { type: 'SessionEnded', at: now },
  ];
  return accept(...events);
}
