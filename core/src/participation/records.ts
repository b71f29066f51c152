// The durable participation record: what survives the meeting. Pseudonyms only — no names, no
// notes, no free text, no check-in answer tied to anyone — and only what the summary needs.
import type { CheckinAggregate } from '../checkins/aggregate.js';
import type { EntryLeaveReason, MeetingEvent } from '../meeting/events.js';
import type {
  ArrivalRoute,
  CheckinScale,
  EntryKind,
  EntryOrigin,
  QueueMode,
} from '../meeting/state.js';

export type ParticipationRecord =
  /**
   * A person is in the session for the first time: they opened Roundtable (`panel`), or Teams said
   * they joined the meeting (`meeting`). Older records have no `via`: they came through the panel.
   */
  | { type: 'arrived'; at: number; participantId: string; via?: ArrivalRoute }
  /** Someone Teams said had joined opened Roundtable for the first time in the session. */
  | { type: 'panelOpened'; at: number; participantId: string }
  | { type: 'entryJoined'; at: number; entryId: string; kind: EntryKind; origin: EntryOrigin }
  | { type: 'entryLeft'; at: number; entryId: string; reason: EntryLeaveReason }
  | {
      type: 'turnStarted';
      at: number;
      turnId: string;
      entryId: string;
      participantId: string;
      kind: EntryKind;
      origin: EntryOrigin;
      waitMs: number;
    }
  | { type: 'turnEnded'; at: number; turnId: string; participantId: string; durationMs: number }
  | { type: 'modeChanged'; at: number; mode: QueueMode }
  | { type: 'inviteSent'; at: number }
  | { type: 'inviteAnswered'; at: number; accepted: boolean }
  | { type: 'appreciated'; at: number }
  /** Custom prompt text is not kept: it may name people. Built-in prompts keep their id. */
  | {
      type: 'checkinClosed';
      at: number;
      promptId: string | null;
      scale: CheckinScale;
      aggregate: CheckinAggregate | null;
    }
  | { type: 'sessionEnded'; at: number };

export type ParticipationRecordType = ParticipationRecord['type'];

/** The durable part of a live event, or nothing when the event must not outlive the meeting. */
export function recordOf(event: MeetingEvent): ParticipationRecord | null {
  const at = event.at;
  switch (event.type) {
    case 'ParticipantArrived':
      if (event.firstTime)
        return { type: 'arrived', at, participantId: event.participantId, via: event.via };
      return event.firstPanel
        ? { type: 'panelOpened', at, participantId: event.participantId }
        : null;
    case 'EntryJoined':
      return {
        type: 'entryJoined',
        at,
        entryId: event.entry.entryId,
        kind: event.entry.kind,
        origin: event.entry.origin,
      };
    case 'EntryLeft':
      return { type: 'entryLeft', at, entryId: event.entryId, reason: event.reason };
    case 'TurnStarted':
      return {
        type: 'turnStarted',
        at,
        turnId: event.turnId,
        entryId: event.entry.entryId,
        participantId: event.entry.participantId,
        kind: event.entry.kind,
        origin: event.entry.origin,
        waitMs: Math.max(0, at - event.entry.joinedAt),
      };
    case 'TurnEnded':
      return {
        type: 'turnEnded',
        at,
        turnId: event.turnId,
        participantId: event.participantId,
        durationMs: event.durationMs,
      };
    case 'ModeChanged':
      return { type: 'modeChanged', at, mode: event.mode };
    case 'InviteSent':
      return { type: 'inviteSent', at };
    case 'InviteAnswered':
      return { type: 'inviteAnswered', at, accepted: event.accepted };
    case 'TurnAppreciated':
      return { type: 'appreciated', at };
    case 'CheckinClosed':
      return {
        type: 'checkinClosed',
        at,
        promptId: event.promptId,
        scale: event.scale,
        aggregate: event.aggregate,
      };
    case 'SessionEnded':
      return { type: 'sessionEnded', at };
    case 'ParticipantDeparted':
    case 'EntryMoved':
    case 'RoundStarted':
    case 'TimeboxSet':
    case 'QueueLocked':
    case 'QueueUnlocked':
    case 'CoHostGranted':
    case 'CoHostRevoked':
    case 'PresentersHostChanged':
    case 'OptionChanged':
    case 'CheckinOpened':
    case 'CheckinAnswered':
      return null;
  }
}

export function recordsOf(events: readonly MeetingEvent[]): ParticipationRecord[] {
  return events.flatMap((event) => {
    const record = recordOf(event);
    return record === null ? [] : [record];
  });
}
