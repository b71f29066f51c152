import type { CheckinAggregate } from '../checkins/aggregate.js';

// The live state of one meeting: who is here, the queue, the current turn, the open check-in.
// Display names and notes live only here; the durable record (participation/records.ts) never has them.

export const ENTRY_KINDS = ['order', 'clarify', 'reply', 'point'] as const;
/** Priority order: a point of order first, then clarifying questions, replies, new points. */
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const QUEUE_MODES = ['fifo', 'equity', 'round'] as const;
export type QueueMode = (typeof QUEUE_MODES)[number];

export const ROLES = ['organizer', 'presenter', 'attendee'] as const;
export type Role = (typeof ROLES)[number];

/** How Roundtable learned someone is here: they opened its panel, or Teams said they joined. */
export const ARRIVAL_ROUTES = ['panel', 'meeting'] as const;
export type ArrivalRoute = (typeof ARRIVAL_ROUTES)[number];

/**
 * Why an entry exists: the person joined, accepted an invitation, a round placed them, or they
 * were still waiting when the meeting's last session ended (the organiser's carry-over option).
 */
export type EntryOrigin = 'joined' | 'invite' | 'round' | 'carried';

/**
 * What a person's own view says about why their entry is where it is. Only ever about their own
 * entry, and never how much anyone else has spoken.
 */
export const ENTRY_REASONS = [
  'moved',
  'carried',
  'kind',
  'round',
  'least-spoken',
  'joined-order',
] as const;
export type EntryReason = (typeof ENTRY_REASONS)[number];

/** How long an entry carried over waits for the next session before it is forgotten unused. */
export const CARRY_DAYS = 14;

export const CHECKIN_SCALES = ['likert5', 'energy5', 'word'] as const;
/** How a check-in is answered; `round` is a spoken round that collects no typed answers. */
export type CheckinScale = (typeof CHECKIN_SCALES)[number] | 'round';

export const NOTE_MAX_LENGTH = 140;
export const DEFAULT_K = 3;
export const DEFAULT_MAX_BYPASS = 3;
/** How many ended turns can still be thanked. */
export const THANKABLE_TURNS = 20;

export interface Participant {
  readonly participantId: string;
  readonly displayName: string;
  readonly role: Role;
  readonly coHost: boolean;
  /**
   * In the meeting now. Where Teams tells Roundtable who joins and leaves (the roster), that is
   * what counts; closing the panel is not leaving.
   */
  readonly present: boolean;
  /** Has opened Roundtable in this session (Teams' roster also brings people who never do). */
  readonly openedPanel: boolean;
  readonly firstSeenAt: number;
  readonly turns: number;
  readonly airtimeMs: number;
  readonly invitedAt: number | null;
  /**
   * How the meeting platform can reach this person privately (in Teams, their object id sealed
   * with a key that dies with the meeting's salt). Opaque to the core, never in a view or a
   * record, and forgotten with the name.
   */
  readonly contact?: string;
  /**
   * While the organiser's carry-over option is on: a keyed hash of the person and the meeting that
   * outlives the session's salt, so the next session can recognise them. Opaque to the core, never
   * in a view or a record, and forgotten with the name.
   */
  readonly carryKey?: string;
}

export interface QueueEntry {
  readonly entryId: string;
  readonly participantId: string;
  readonly kind: EntryKind;
  readonly note: string | null;
  readonly joinedAt: number;
  readonly origin: EntryOrigin;
  /** How many later entries the equity rule has placed ahead of this one. */
  readonly overtakenBy: number;
  /** How many entries this one passed when it joined (the equity rule); absent when none. */
  readonly overtook?: number;
  /** A carried entry's place when the last session ended (0 = first); its order among carried. */
  readonly carriedRank?: number;
  /** A host moved this entry. */
  readonly movedByHost?: boolean;
}

/** An entry still waiting when the last session ended, until its person arrives in this one. */
export interface CarriedEntry {
  readonly carryKey: string;
  readonly kind: EntryKind;
  /** Its place in the queue when the last session ended (0 = first). */
  readonly rank: number;
}

export interface CurrentTurn {
  readonly turnId: string;
  readonly entryId: string;
  readonly participantId: string;
  readonly kind: EntryKind;
  readonly joinedAt: number;
  readonly startedAt: number;
}

export interface RecentTurn {
  readonly turnId: string;
  readonly participantId: string;
  readonly thankedBy: readonly string[];
}

export type Tally =
  | { readonly kind: 'scale'; readonly counts: readonly number[] }
  | { readonly kind: 'words'; readonly counts: Readonly<Record<string, number>> }
  | { readonly kind: 'none' };

export interface OpenCheckin {
  readonly checkinId: string;
  readonly promptId: string | null;
  readonly text: string;
  readonly scale: CheckinScale;
  /** Who answered, to refuse a second answer; never linked to the tally. */
  readonly answeredBy: readonly string[];
  readonly tally: Tally;
  /** The aggregate as of the last whole block of k answers; all that is ever shown or kept. */
  readonly published: CheckinAggregate | null;
}

/**
 * What an organiser chose for this meeting, kept from one session to the next (a recurring
 * meeting's organiser chooses once): nothing about any person.
 */
export interface MeetingOptions {
  /** Read Teams' transcript after each session for speaking time (billed per minute by Microsoft). */
  readonly transcript: boolean;
  /** People still waiting at the end start the next session at the front of the queue. */
  readonly carryOver: boolean;
}

export const MEETING_OPTIONS = ['transcript', 'carryOver'] as const;
export type MeetingOption = (typeof MEETING_OPTIONS)[number];
export const NO_OPTIONS: MeetingOptions = { transcript: false, carryOver: false };

export interface MeetingSettings {
  /** Smallest group whose answers may be shown (k-anonymity); never below 3. */
  readonly k: number;
  readonly maxBypass: number;
}

export interface MeetingState {
  /**
   * Which session of the Teams meeting this is (1, 2, …): every occurrence of a recurring meeting
   * and every call in a chat shares one Teams meeting id, and each gets a session of its own.
   */
  readonly session: number;
  readonly phase: 'live' | 'ended';
  readonly settings: MeetingSettings;
  /**
   * Whether Teams presenters host too. Off by default: Teams makes most people presenters, so
   * hosts are the organisers and the co-hosts they grant unless an organiser turns this on.
   */
  readonly presentersHost: boolean;
  /** Teams has told Roundtable, in this session, who joined the meeting (participant events). */
  readonly roster: boolean;
  readonly options: MeetingOptions;
  readonly mode: QueueMode;
  readonly locked: boolean;
  readonly timeboxSeconds: number | null;
  readonly participants: Readonly<Record<string, Participant>>;
  /** Waiting entries in speaking order; kinds always in ENTRY_KINDS order. */
  readonly queue: readonly QueueEntry[];
  readonly current: CurrentTurn | null;
  /** The current turn's predecessors that can still be thanked, newest last. */
  readonly recentTurns: readonly RecentTurn[];
  readonly checkin: OpenCheckin | null;
  /**
   * Entries carried over from the last session whose people have not arrived yet, by rank. Each
   * goes as its person arrives; what is left is forgotten when this session ends.
   */
  readonly carried: readonly CarriedEntry[];
  /** Counters for ids that are unique within the meeting and need no randomness. */
  readonly sequence: { readonly entry: number; readonly turn: number; readonly checkin: number };
}

export function initialMeetingState(
  settings: Partial<MeetingSettings> = {},
  session = 1,
  options: MeetingOptions = NO_OPTIONS,
  carried: readonly CarriedEntry[] = [],
): MeetingState {
  return {
    session,
    phase: 'live',
    settings: {
      k: Math.max(DEFAULT_K, settings.k ?? DEFAULT_K),
      maxBypass: Math.max(0, settings.maxBypass ?? DEFAULT_MAX_BYPASS),
    },
    presentersHost: false,
    roster: false,
    options,
    mode: 'fifo',
    locked: false,
    timeboxSeconds: null,
    participants: {},
    queue: [],
    current: null,
    recentTurns: [],
    checkin: null,
    carried,
    sequence: { entry: 0, turn: 0, checkin: 0 },
  };
}

export function kindRank(kind: EntryKind): number {
  return ENTRY_KINDS.indexOf(kind);
}

/** Organisers host by their Teams role; presenters only when an organiser lets them; co-hosts by grant. */
export function isHost(
  state: Pick<MeetingState, 'presentersHost'>,
  participant: Participant,
): boolean {
  if (participant.role === 'organizer' || participant.coHost) return true;
  return participant.role === 'presenter' && state.presentersHost;
}

/** Hosts through their Teams role, not by a Roundtable grant that can be revoked. */
export function hostsByRole(
  state: Pick<MeetingState, 'presentersHost'>,
  participant: Participant,
): boolean {
  return (
    participant.role === 'organizer' || (participant.role === 'presenter' && state.presentersHost)
  );
}

/** A live state as an earlier version stored it: without the fields added since. */
export type StoredState = Omit<MeetingState, 'roster' | 'options' | 'participants' | 'carried'> &
  Partial<Pick<MeetingState, 'roster' | 'options' | 'carried'>> & {
    readonly participants: Readonly<
      Record<string, Omit<Participant, 'openedPanel'> & { readonly openedPanel?: boolean }>
    >;
  };

/**
 * Fills in what an earlier version did not store: no roster yet, no options chosen, nothing
 * carried over, and everyone it knew came through the panel (the only way there was).
 */
export function upgradedState(stored: StoredState): MeetingState {
  const participants = Object.fromEntries(
    Object.entries(stored.participants).map(([id, participant]) => [
      id,
      { ...participant, openedPanel: participant.openedPanel ?? true },
    ]),
  );
  return {
    ...stored,
    roster: stored.roster ?? false,
    options: stored.options ?? NO_OPTIONS,
    carried: stored.carried ?? [],
    participants,
  };
}
