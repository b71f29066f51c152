// The speaking queue: joining, leaving, turns, host reordering and modes.
import type { Decision } from '../decider.js';
import { accept, reject } from '../decider.js';
import { domainError } from '../errors.js';
import type { PublicCommand } from '../contract/commands.js';
import { shuffle } from '../random.js';
import type { MeetingEvent, TurnEndReason } from './events.js';
import { evolve } from './evolve.js';
import type { HandlerContext } from './handler.js';
import { placeCarriedEntry, placeNewEntry, sectionOf } from './ordering.js';
import type { CarriedEntry, EntryKind, EntryOrigin, MeetingState, QueueEntry } from './state.js';
import { NOTE_MAX_LENGTH } from './state.js';

type Command<T extends PublicCommand['type']> = Extract<PublicCommand, { type: T }>;
type Result = Decision<MeetingEvent>;

export function entryJoined(
  state: MeetingState,
  participantId: string,
  kind: EntryKind,
  note: string | null,
  origin: EntryOrigin,
  now: number,
): MeetingEvent {
  const { index, overtook } = placeNewEntry(state, participantId, kind);
  const entry: QueueEntry = {
    entryId: `e${state.sequence.entry + 1}`,
    participantId,
    kind,
    note,
    joinedAt: now,
    origin,
    overtakenBy: 0,
    ...(overtook.length === 0 ? {} : { overtook: overtook.length }),
  };
  return { type: 'EntryJoined', at: now, entry, index, overtook };
}

/** An entry carried over from the last session, for the person it belonged to, at the front. */
export function carriedEntryJoined(
  state: MeetingState,
  participantId: string,
  carried: CarriedEntry,
  now: number,
): MeetingEvent {
  const entry: QueueEntry = {
    entryId: `e${state.sequence.entry + 1}`,
    participantId,
    kind: carried.kind,
    // The note stayed behind with the last session: only the entry and its kind are carried.
    note: null,
    joinedAt: now,
    origin: 'carried',
    overtakenBy: 0,
    carriedRank: carried.rank,
  };
  const index = placeCarriedEntry(state, carried.kind, carried.rank);
  return { type: 'EntryJoined', at: now, entry, index, overtook: [] };
}

export function join(command: Command<'join'>, state: MeetingState, ctx: HandlerContext): Result {
  const actor = ctx.actor;
  if (state.locked && command.kind !== 'order') return reject(domainError('queue-locked'));
  const note = command.note?.trim() ?? '';
  if (note.length > NOTE_MAX_LENGTH) return reject(domainError('note-too-long'));
  const held = state.queue.some(
    (entry) => entry.participantId === actor.participantId && entry.kind === command.kind,
  );
  if (held) return reject(domainError('already-queued'));
  const noteOrNull = note === '' ? null : note;
  return accept(
    entryJoined(state, actor.participantId, command.kind, noteOrNull, 'joined', ctx.now),
  );
}

export function leave(command: Command<'leave'>, state: MeetingState, ctx: HandlerContext): Result {
  const actor = ctx.actor;
  const entry = state.queue.find(
    (candidate) =>
      candidate.participantId === actor.participantId && candidate.kind === command.kind,
  );
  if (entry === undefined) return reject(domainError('not-queued'));
  return accept({
    type: 'EntryLeft',
    at: ctx.now,
    entryId: entry.entryId,
    participantId: entry.participantId,
    reason: 'withdrawn',
  });
}

export function turnEnded(state: MeetingState, now: number, reason: TurnEndReason): MeetingEvent[] {
  const current = state.current;
  if (current === null) return [];
  const event: MeetingEvent = {
    type: 'TurnEnded',
    at: now,
    turnId: current.turnId,
    participantId: current.participantId,
    kind: current.kind,
    durationMs: Math.max(0, now - current.startedAt),
    reason,
  };
  return [event];
}

export function next(command: Command<'next'>, state: MeetingState, ctx: HandlerContext): Result {
  if (command.currentTurnId !== (state.current?.turnId ?? null)) {
    return reject(domainError('stale-turn'));
  }
  const head = state.queue[0];
  if (state.current === null && head === undefined) {
    return reject(domainError('nothing-to-advance'));
  }
  const events = turnEnded(state, ctx.now, 'next');
  if (head !== undefined) {
    events.push({
      type: 'TurnStarted',
      at: ctx.now,
      turnId: `t${state.sequence.turn + 1}`,
      entry: head,
    });
  }
  return accept(...events);
}

export function finish(
  command: Command<'finish'>,
  state: MeetingState,
  ctx: HandlerContext,
): Result {
  if (state.current?.turnId !== command.turnId) return reject(domainError('stale-turn'));
  if (state.current.participantId !== ctx.actor.participantId) {
    return reject(domainError('not-your-turn'));
  }
  return accept(...turnEnded(state, ctx.now, 'finish'));
}

export function remove(
  command: Command<'remove'>,
  state: MeetingState,
  ctx: HandlerContext,
): Result {
  const entry = state.queue.find((candidate) => candidate.entryId === command.entryId);
  if (entry === undefined) return reject(domainError('entry-not-found'));
  return accept({
    type: 'EntryLeft',
    at: ctx.now,
    entryId: entry.entryId,
    participantId: entry.participantId,
    reason: 'removed',
  });
}

export function move(command: Command<'move'>, state: MeetingState, ctx: HandlerContext): Result {
  const from = state.queue.findIndex((candidate) => candidate.entryId === command.entryId);
  const entry = state.queue[from];
  if (entry === undefined) return reject(domainError('entry-not-found'));
  const { start, end } = sectionOf(state.queue, entry.kind);
  if (command.toIndex < start || command.toIndex >= end) {
    return reject(domainError('move-out-of-range'));
  }
  if (command.toIndex === from) return accept();
  return accept({
    type: 'EntryMoved',
    at: ctx.now,
    entryId: entry.entryId,
    toIndex: command.toIndex,
  });
}

/**
 * A new round: everyone present gets a point entry (keeping the one they have), and the whole
 * point section is put in a uniformly random order.
 */
export function startRound(state: MeetingState, ctx: HandlerContext): MeetingEvent[] {
  const events: MeetingEvent[] = [];
  let working = state;
  for (const participant of Object.values(state.participants)) {
    const waiting = working.queue.some(
      (entry) => entry.participantId === participant.participantId && entry.kind === 'point',
    );
    if (!participant.present || waiting) continue;
    const joined = entryJoined(working, participant.participantId, 'point', null, 'round', ctx.now);
    events.push(joined);
    working = evolve(working, joined);
  }
  const { start, end } = sectionOf(working.queue, 'point');
  // Entries carried over from the last session keep the front they were promised; the rest draw.
  const points = working.queue
    .slice(start, end)
    .filter((entry) => entry.origin !== 'carried')
    .map((entry) => entry.entryId);
  events.push({ type: 'RoundStarted', at: ctx.now, order: shuffle(points, ctx.random) });
  return events;
}

export function setMode(
  command: Command<'setMode'>,
  state: MeetingState,
  ctx: HandlerContext,
): Result {
  const changed: MeetingEvent[] =
    command.mode === state.mode ? [] : [{ type: 'ModeChanged', at: ctx.now, mode: command.mode }];
  // Switching to fifo or equity never reorders people already waiting; only new joins follow
  // the new rule. Choosing round (again) always starts a fresh round.
  if (command.mode !== 'round') return accept(...changed);
  const afterChange = changed.reduce(evolve, state);
  return accept(...changed, ...startRound(afterChange, ctx));
}
