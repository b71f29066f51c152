// The ports the application needs; adapters in ../adapters implement them for Azure and for local mode.
import type {
  DomainError,
  MeetingState,
  ParticipationRecord,
  PublicView,
  Role,
} from '@roundtable/core';

/** A person whose token was verified. Nothing here comes from the request body. */
export interface Caller {
  readonly tenantId: string;
  /** Entra object id (oid); never stored, only hashed into a per-meeting pseudonym. */
  readonly userId: string;
  readonly displayName: string;
  /** Local mode only: the role the local issuer put in the token. */
  readonly localRole?: Role;
}

export interface TokenVerifier {
  /** Resolves the caller or rejects with AuthenticationError. */
  verify(token: string): Promise<Caller>;
}

export interface RoleDirectory {
  /**
   * The caller's Teams role in the meeting, or null when they are not a participant.
   * Rejects with DependencyUnavailableError when the directory cannot be reached.
   */
  roleOf(meetingId: string, caller: Caller): Promise<Role | null>;
}

export interface Pseudonymiser {
  /** A storage key for a raw Teams meeting id (keyed hash; the raw id is never stored). */
  meetingKey(meetingId: string): string;
  /** A fresh random per-meeting salt. */
  newSalt(): string;
  /** The caller's pseudonym within one meeting: HMAC(salt, tenant + user). */
  participantId(salt: string, caller: Caller): string;
  /**
   * The id a person carries in durable records: a second keyed hash of their pseudonym. Views show
   * pseudonyms next to names, so records must not reuse them; once the salt is gone, neither can
   * be computed again and the records link to no one.
   */
  recordId(salt: string, participantId: string): string;
  /** A storage key for a recurring series, from its chat thread id (keyed hash, like meetings). */
  seriesKey(chatId: string): string;
}

/** Seals a person's object id for the live state, and opens it again while the salt exists. */
export interface ContactSealer {
  seal(salt: string, caller: Caller): string;
  /** The object id, or null when the text was not sealed for this meeting (or the salt is gone). */
  open(salt: string, sealed: string): string | null;
}

/** What the bot can tell one person privately during the meeting. */
export type InMeetingNotice = 'next' | 'invited';

export interface InMeetingNotifier {
  /**
   * Tells these people (Entra object ids), and only them, inside the meeting. Best effort: never
   * throws, and a late notice is worthless, so it is not retried beyond a token refresh.
   */
  notify(meetingId: string, notice: InMeetingNotice, objectIds: readonly string[]): Promise<void>;
}

/** The outcome remembered for a command id, so a retry returns the same answer. */
export type CommandOutcome =
  | { readonly ok: true; readonly version: number }
  | { readonly ok: false; readonly error: DomainError };

export interface StoredMeeting {
  readonly state: MeetingState;
  /** Increases by one with every commit that changed the state. */
  readonly version: number;
  readonly salt: string;
  readonly createdAt: number;
  readonly lastActiveAt: number;
  /** Opaque concurrency token of the stored entity. */
  readonly etag: string;
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
  /** Durable records of the events this commit applied (may be empty). */
  readonly records: readonly ParticipationRecord[];
}

export interface MeetingStore {
  load(meetingKey: string): Promise<StoredMeeting | null>;
  /**
   * Writes state, command outcomes and records in one transaction guarded by the expected etag.
   * Rejects with StoreConflictError (someone else wrote first), DuplicateCommandError (a command id
   * was already stored) or DependencyUnavailableError (storage unreachable).
   */
  commit(commit: MeetingCommit): Promise<StoredMeeting>;
  /** Stored outcomes for command ids of one participant (only ids that exist are returned). */
  findOutcomes(
    meetingKey: string,
    participantId: string,
    commandIds: readonly string[],
  ): Promise<Map<string, CommandOutcome>>;
  /** Durable records in commit order. */
  records(meetingKey: string): Promise<ParticipationRecord[]>;
  /** Rejects with DependencyUnavailableError when storage cannot be reached. */
  ping(): Promise<void>;
  /** Deletes every row of the meeting (state, command outcomes, records); returns how many. */
  erase(meetingKey: string): Promise<number>;
  /** Deletes the command-outcome rows (needed only while the meeting is live); returns how many. */
  purgeCommands(meetingKey: string): Promise<number>;
  /** Deletes record rows committed before `before` across all meetings; returns how many. */
  purgeRecordsBefore(before: number): Promise<number>;
  /** Keys of live meetings whose last activity was before `before` (for the idle timer). */
  idleMeetings(before: number): Promise<string[]>;
}

export interface LiveAccess {
  readonly transport: 'sse' | 'webpubsub';
  readonly url: string;
  readonly expiresAt: number;
}

export interface Broadcaster {
  /** Sends the public view to everyone watching the meeting. Best effort: never throws. */
  publish(meetingKey: string, view: PublicView): Promise<void>;
  /**
   * Tells these people, and only them, that their own view changed (an invitation, a co-host
   * grant, the host-only lists) without saying what. Best effort: never throws.
   */
  nudge(meetingKey: string, participantIds: readonly string[]): Promise<void>;
  /** How one participant subscribes to this meeting (and only this meeting). */
  access(meetingKey: string, meetingId: string, participantId: string): Promise<LiveAccess>;
}

export type Clock = () => number;
