// Applies one event to the live state. Pure and total: every event type has exactly one effect.
import { addToTally, emptyTally, publishableAggregate } from '../checkins/aggregate.js';
import type { MeetingEvent } from './events.js';
import type { MeetingState, Participant } from './state.js';
import { THANKABLE_TURNS } from './state.js';

function updateParticipant(
  state: MeetingState,
  participantId: string,
  change: (participant: Participant) => Participant,
): MeetingState {
  const participant = state.participants[participantId];
  if (participant === undefined) return state;
  return {
    ...state,
    participants: { ...state.participants, [participantId]: change(participant) },
  };
}

function withoutCarryKeys(
  participants: MeetingState['participants'],
): MeetingState['participants'] {
  return Object.fromEntries(
    Object.entries(participants).map(([id, participant]) => {
      const { carryKey: _dropped, ...rest } = participant;
      return [id, rest];
    }),
  );
}

export function evolve(state: MeetingState, event: MeetingEvent): MeetingState {
  switch (event.type) {
    case 'ParticipantArrived': {
      const known = state.participants[event.participantId];
      const contact = event.contact ?? known?.contact;
      const carryKey = event.carryKey ?? known?.carryKey;
      const participant: Participant = {
        participantId: event.participantId,
        displayName: event.displayName,
        role: event.role,
        coHost: known?.coHost ?? false,
        present: true,
        openedPanel: known?.openedPanel === true || event.via === 'panel',
        firstSeenAt: known?.firstSeenAt ?? event.at,
        turns: known?.turns ?? 0,
        airtimeMs: known?.airtimeMs ?? 0,
        invitedAt: known?.invitedAt ?? null,
        // An arrival without a contact (a platform that has none) keeps the one already known.
        ...(contact === undefined ? {} : { contact }),
        ...(carryKey === undefined ? {} : { carryKey }),
      };
      const { carried } = state;
      return {
        ...state,
        roster: state.roster || event.via === 'meeting',
        participants: { ...state.participants, [event.participantId]: participant },
        // Whatever was carried for this person is theirs now (the same decision places it).
        carried:
          event.carryKey === undefined || carried.length === 0
            ? carried
            : carried.filter((entry) => entry.carryKey !== event.carryKey),
      };
    }
    case 'ParticipantDeparted':
      return updateParticipant(state, event.participantId, (p) => ({ ...p, present: false }));
    case 'EntryJoined': {
      const overtaken = new Set(event.overtook);
      const queue = state.queue.map((entry) =>
        overtaken.has(entry.entryId) ? { ...entry, overtakenBy: entry.overtakenBy + 1 } : entry,
      );
      queue.splice(event.index, 0, event.entry);
      return { ...state, queue, sequence: { ...state.sequence, entry: state.sequence.entry + 1 } };
    }
    case 'EntryLeft':
      return { ...state, queue: state.queue.filter((entry) => entry.entryId !== event.entryId) };
    case 'EntryMoved': {
      const entry = state.queue.find((candidate) => candidate.entryId === event.entryId);
      if (entry === undefined) return state;
      const queue = state.queue.filter((candidate) => candidate !== entry);
      queue.splice(event.toIndex, 0, { ...entry, movedByHost: true });
      return { ...state, queue };
    }
    case 'TurnStarted': {
      const { entry } = event;
      const next: MeetingState = {
        ...state,
        queue: state.queue.filter((candidate) => candidate.entryId !== entry.entryId),
        current: {
          turnId: event.turnId,
          entryId: entry.entryId,
          participantId: entry.participantId,
          kind: entry.kind,
          joinedAt: entry.joinedAt,
          startedAt: event.at,
        },
        recentTurns: [
          ...state.recentTurns,
          { turnId: event.turnId, participantId: entry.participantId, thankedBy: [] },
        ].slice(-(THANKABLE_TURNS + 1)),
        sequence: { ...state.sequence, turn: state.sequence.turn + 1 },
      };
      return updateParticipant(next, entry.participantId, (p) => ({ ...p, turns: p.turns + 1 }));
    }
    case 'TurnEnded':
      return updateParticipant({ ...state, current: null }, event.participantId, (p) => ({
        ...p,
        airtimeMs: p.airtimeMs + event.durationMs,
      }));
    case 'ModeChanged':
      return { ...state, mode: event.mode };
    case 'RoundStarted': {
      const byId = new Map(state.queue.map((entry) => [entry.entryId, entry]));
      const reordered = event.order.flatMap((entryId) => byId.get(entryId) ?? []);
      const kept = state.queue.filter((entry) => !event.order.includes(entry.entryId));
      return { ...state, queue: [...kept, ...reordered] };
    }
    case 'TimeboxSet':
      return { ...state, timeboxSeconds: event.seconds };
    case 'QueueLocked':
      return { ...state, locked: true };
    case 'QueueUnlocked':
      return { ...state, locked: false };
    case 'CoHostGranted':
      return updateParticipant(state, event.participantId, (p) => ({ ...p, coHost: true }));
    case 'CoHostRevoked':
      return updateParticipant(state, event.participantId, (p) => ({ ...p, coHost: false }));
    case 'InviteSent':
      return updateParticipant(state, event.participantId, (p) => ({ ...p, invitedAt: event.at }));
    case 'InviteAnswered':
      return updateParticipant(state, event.participantId, (p) => ({ ...p, invitedAt: null }));
    case 'CheckinOpened':
      return {
        ...state,
        checkin: {
          checkinId: event.checkinId,
          promptId: event.promptId,
          text: event.text,
          scale: event.scale,
          answeredBy: [],
          tally: emptyTally(event.scale),
          published: null,
        },
        sequence: { ...state.sequence, checkin: state.sequence.checkin + 1 },
      };
    case 'CheckinAnswered': {
      const { checkin } = state;
      if (checkin?.checkinId !== event.checkinId) return state;
      const answeredBy = [...checkin.answeredBy, event.participantId];
      const tally = addToTally(checkin.tally, event.value);
      const block = publishableAggregate(checkin.scale, tally, answeredBy.length, state.settings.k);
      return {
        ...state,
        checkin: { ...checkin, answeredBy, tally, published: block ?? checkin.published },
      };
    }
    case 'CheckinClosed':
      return { ...state, checkin: null };
    case 'TurnAppreciated':
      return {
        ...state,
        recentTurns: state.recentTurns.map((turn) =>
          turn.turnId === event.turnId
            ? { ...turn, thankedBy: [...turn.thankedBy, event.participantId] }
            : turn,
        ),
      };
    case 'PresentersHostChanged':
      return { ...state, presentersHost: event.enabled };
    case 'OptionChanged': {
      const options = { ...state.options, [event.option]: event.enabled };
      if (event.option !== 'carryOver' || event.enabled) return { ...state, options };
      // Carry-over turned off: nobody is carried to the next session, and no carry key is kept.
      return { ...state, options, carried: [], participants: withoutCarryKeys(state.participants) };
    }
    case 'SessionEnded':
      return { ...state, phase: 'ended', current: null, queue: [], checkin: null };
  }
}

export function evolveAll(state: MeetingState, events: readonly MeetingEvent[]): MeetingState {
  return events.reduce(evolve, state);
}
