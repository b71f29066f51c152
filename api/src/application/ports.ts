// The ports the application needs; adapters in ../adapters implement them for Azure and for local mode.
import type {
  DomainError,
  LiveAccess,
  MeetingEvent,
  MeetingState,
  ParticipationRecord,
  PublicView,
} from '@roundtable/core';
import type { CarriedSet } from './carry.js';

export type { CarriedSet } from './carry.js';

export type * from './people-ports.js';

/** The outcome remembered for a command id, so a retry returns the same answer. */
export type CommandOutcome =
  /** `version` is the public version the commit left, the one its sender was shown. */
  | { readonly ok: true; readonly version: number }
  | { readonly ok: false; readonly error: DomainError };

/**
 * The current session of one Teams meeting. `state.session` says which one; a session that has
 * ended keeps no salt, no names and no organisers, until the next one replaces it.
 */
export interface StoredMeeting {
  readonly state: MeetingState;
  /** Increases by one with every commit that changed the state, across sessions. */
  readonly version: number;
  /**
   * The version everyone sees in views: moves only when the public view changes. Private actions
   * (an invitation, its answer, co-hosts, arrivals) leave it, so nobody learns they happened.
   */
  readonly publicVersion: number;
  /** This session's random salt; empty once the session has ended. */
  readonly salt: string;
  /** Keyed hashes (Pseudonymiser.organiserKey) of the organisers seen in this session. */
  readonly organisers: readonly string[];
  /** When this session opened. */
  readonly createdAt: number;
  readonly lastActiveAt: number;
  /** Opaque concurrency token of the stored entity. */
  readonly etag: string;
}

/** What the ending job needs of a session that ended: written in the ending commit itself. */
export interface SessionClosing {
  readonly session: number;
  readonly openedAt: number;
  readonly endedAt: number;
  readonly organisers: readonly string[];
}

export interface MeetingCommit {
  readonly meetingKey: string;
  /** The meeting as loaded; null creates it (and fails with StoreConflictError if it exists). */
  readonly expected: StoredMeeting | null;
  readonly next: Omit<StoredMeeting, 'etag'>;
  /** Command ids with their outcomes, written in the same transaction as the state. */
  readonly commands: readonly {
    readonly participantId: string;
    readonly commandId: string;
    readonly outcome: CommandOutcome;
  }[];
  /** Durable records of the events this commit applied (may be empty), for next.state.session. */
  readonly records: readonly ParticipationRecord[];
  /** Set by the commit that ends a session. */
  readonly closing?: SessionClosing;
  /** The ending commit only: entries carried to the next session (stored until it opens). */
  readonly carry?: CarriedSet;
  /**
   * The commit that opens the next session, having read the carried set: deletes it in the same
   * transaction (a set that has gone meanwhile is a conflict: read again).
   */
  readonly takesCarried?: boolean;
  /**
   * When the decider made this commit: the events that turn `expected.state` into `next.state`,
   * in order (empty when the state did not change). A store may keep these instead of the whole
   * state; without them, `next.state` is all it has.
   */
  readonly events?: readonly MeetingEvent[];
}

/** A live session nobody has touched for a while (for the idle timer). */
export interface IdleSession {
  readonly meetingKey: string;
  readonly session: number;
}

export interface MeetingStore {
  load(meetingKey: string): Promise<StoredMeeting | null>;
  /**
   * Writes state, command outcomes and records in one transaction guarded by the expected etag.
   * Rejects with StoreConflictError (someone else wrote first), DuplicateCommandError (a command id
   * was already stored) or DependencyUnavailableError (storage unreachable).
   */
  commit(commit: MeetingCommit): Promise<StoredMeeting>;
  /** Stored outcomes for command ids of one participant in one session (only ids that exist). */
  findOutcomes(
    meetingKey: string,
    session: number,
    participantId: string,
    commandIds: readonly string[],
  ): Promise<Map<string, CommandOutcome>>;
  /** One session's durable records in commit order. */
  records(meetingKey: string, session: number): Promise<ParticipationRecord[]>;
  /** What the last ending commit carried to the next session and nobody has taken yet, or null. */
  carried(meetingKey: string): Promise<CarriedSet | null>;
  /** Deletes carried sets that expired before `now` across all meetings; returns how many. */
  purgeCarriedBefore(now: number): Promise<number>;
  /** Deletes one meeting's carried set, if any (its organiser erased it); returns how many. */
  dropCarried(meetingKey: string): Promise<number>;
  /** What the ending commit of a session kept for the ending job, or null. */
  closing(meetingKey: string, session: number): Promise<SessionClosing | null>;
  /**
   * Deletes what one ended session still has besides its summary (command outcomes, records, the
   * closing row); returns how many rows went.
   */
  purgeSession(meetingKey: string, session: number): Promise<number>;
  /** Rejects with DependencyUnavailableError when storage cannot be reached. */
  ping(): Promise<void>;
  /**
   * Deletes meetings whose last session ended before `before` (every row; what is left of an
   * ended meeting holds nothing personal, only its session count); returns how many rows went.
   */
  purgeEndedBefore(before: number): Promise<number>;
  /** Deletes record rows committed before `before` across all meetings; returns how many. */
  purgeRecordsBefore(before: number): Promise<number>;
  /** Live sessions whose last activity was before `before` (for the idle timer). */
  idleSessions(before: number): Promise<IdleSession[]>;
  /**
   * Sessions that ended before `before` and still have their closing row: their ending job never
   * finished (for housekeeping).
   */
  unfinishedSessions(before: number): Promise<IdleSession[]>;
}

export interface Broadcaster {
  /** Sends the public view to everyone watching the meeting. Best effort: never throws. */
  publish(meetingKey: string, view: PublicView): Promise<void>;
  /**
   * Tells these people, and only them, that their own view changed (an invitation, a co-host
   * grant, the host-only lists) without saying what. Best effort: never throws.
   */
  nudge(meetingKey: string, participantIds: readonly string[]): Promise<void>;
  /**
   * How one person subscribes to this meeting (and only this meeting); nudges reach them under
   * `subscriberId`, their pseudonym in the live session.
   */
  access(meetingKey: string, meetingId: string, subscriberId: string): Promise<LiveAccess>;
  /**
   * Ends every live connection to the meeting (its session has ended): whoever still belongs asks
   * /live again, and is checked again. Best effort: never throws.
   */
  disconnectAll(meetingKey: string): Promise<void>;
}

export type Clock = () => number;
