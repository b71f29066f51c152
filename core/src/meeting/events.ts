// Everything that can happen in a meeting's live state. Each event carries the time it happened.
import type { CheckinAggregate } from '../checkins/aggregate.js';
import type {
  ArrivalRoute,
  CheckinScale,
  EntryKind,
  MeetingOption,
  QueueEntry,
  QueueMode,
  Role,
} from './state.js';

export type TurnEndReason = 'next' | 'finish' | 'sessionEnd';
export type EntryLeaveReason = 'withdrawn' | 'removed' | 'notReached';
export type CheckinAnswer = number | string;

export type MeetingEvent =
  | {
      type: 'ParticipantArrived';
      at: number;
      participantId: string;
      displayName: string;
      role: Role;
      firstTime: boolean;
      via: ArrivalRoute;
      /** The first time this person opens the panel in this session. */
      firstPanel: boolean;
      contact?: string;
      /** The person's carry key (options.carryOver only); takes their carried entries, if any. */
      carryKey?: string;
    }
  | { type: 'ParticipantDeparted'; at: number; participantId: string }
  | { type: 'EntryJoined'; at: number; entry: QueueEntry; index: number; overtook: string[] }
  | {
      type: 'EntryLeft';
      at: number;
      entryId: string;
      participantId: string;
      reason: EntryLeaveReason;
    }
  | { type: 'EntryMoved'; at: number; entryId: string; toIndex: number }
  | {
      type: 'TurnStarted';
      at: number;
      turnId: string;
      entry: QueueEntry;
    }
  | {
      type: 'TurnEnded';
      at: number;
      turnId: string;
      participantId: string;
      kind: EntryKind;
      durationMs: number;
      reason: TurnEndReason;
    }
  | { type: 'ModeChanged'; at: number; mode: QueueMode }
  /** A new round: the point section of the queue, reordered to these entry ids (shuffled). */
  | { type: 'RoundStarted'; at: number; order: string[] }
  | { type: 'TimeboxSet'; at: number; seconds: number | null }
  | { type: 'QueueLocked'; at: number }
  | { type: 'QueueUnlocked'; at: number }
  | { type: 'PresentersHostChanged'; at: number; enabled: boolean }
  | { type: 'OptionChanged'; at: number; option: MeetingOption; enabled: boolean }
  | { type: 'CoHostGranted'; at: number; participantId: string }
  | { type: 'CoHostRevoked'; at: number; participantId: string }
  | { type: 'InviteSent'; at: number; participantId: string }
  | { type: 'InviteAnswered'; at: number; participantId: string; accepted: boolean }
  | {
      type: 'CheckinOpened';
      at: number;
      checkinId: string;
      promptId: string | null;
      text: string;
      scale: CheckinScale;
    }
  | {
      type: 'CheckinAnswered';
      at: number;
      checkinId: string;
      participantId: string;
      value: CheckinAnswer;
    }
  | {
      type: 'CheckinClosed';
      at: number;
      checkinId: string;
      promptId: string | null;
      scale: CheckinScale;
      aggregate: CheckinAggregate | null;
    }
  | { type: 'TurnAppreciated'; at: number; turnId: string; participantId: string }
  | { type: 'SessionEnded'; at: number };

export type MeetingEventType = MeetingEvent['type'];
