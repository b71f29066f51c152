// The ports about people: who is calling (a verified token), who they are in the meeting (Teams'
// answer), how they are named in storage (keyed hashes), and what the bot may tell them privately.
import type { Role } from '@roundtable/core';

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

/** What Teams says about one person in one meeting. */
export interface Membership {
  readonly role: Role;
  /** False for someone who is not in the meeting right now (left, or not joined yet). */
  readonly inMeeting: boolean;
  /**
   * Teams' id for this person as the bot knows them ("29:…"), which in-meeting notices are addressed
   * to; null where there is none (local mode).
   */
  readonly teamsUserId: string | null;
}

/**
 * Why a membership is asked for: to look (a short-lived answer may do) or to act (Teams is asked
 * afresh: "do not cache participant roles", meeting-apps-apis.md).
 */
export type MembershipPurpose = 'look' | 'act';

export interface RoleDirectory {
  /**
   * What Teams says about the caller in the meeting, or null when they are not a participant.
   * Rejects with AppNotInstalledError (Roundtable is not added to the meeting), MeetingExpiredError
   * (Teams no longer knows the meeting) or DependencyUnavailableError (no answer now).
   */
  membership(
    meetingId: string,
    caller: Caller,
    purpose?: MembershipPurpose,
  ): Promise<Membership | null>;
}

/**
 * Where the Bot Connector answers for a tenant, learned from Teams' own (authenticated) activities
 * instead of assumed: a service URL names a region, never a person.
 */
export interface ServiceUrlBook {
  remember(tenantId: string, serviceUrl: string): Promise<void>;
}

export interface Pseudonymiser {
  /** A storage key for a raw Teams meeting id (keyed hash; the raw id is never stored). */
  meetingKey(meetingId: string): string;
  /** A fresh random per-session salt. */
  newSalt(): string;
  /** The caller's pseudonym within one session: HMAC(salt, tenant + user). */
  participantId(salt: string, caller: Caller): string;
  /**
   * The id a person carries in durable records: a second keyed hash of their pseudonym. Views show
   * pseudonyms next to names, so records must not reuse them; once the salt is gone, neither can
   * be computed again and the records link to no one.
   */
  recordId(salt: string, participantId: string): string;
  /**
   * A keyed hash of an organiser (deployment secret, tenant + user), kept with each session's
   * summary so its organisers can read and erase it after Teams has forgotten the meeting.
   */
  organiserKey(identity: { readonly tenantId: string; readonly userId: string }): string;
  /**
   * Who holds a live stream before a session opens (no salt, so no pseudonym yet): a keyed hash
   * under the deployment secret, only ever in memory and in short-lived live tickets.
   */
  listenerId(meetingKey: string, caller: Caller): string;
  /**
   * The one link between sessions, only while the organiser has carry-over on: a keyed hash under
   * the deployment secret of the meeting and the person, so the next session (with a new salt) can
   * recognise someone it carried over. Kept only in the live state and in the carried row.
   */
  carryKey(
    meetingKey: string,
    identity: { readonly tenantId: string; readonly userId: string },
  ): string;
}

/**
 * Seals how the bot reaches a person (their Teams id) for the live state, bound to their pseudonym,
 * and opens it again while the session's salt exists.
 */
export interface ContactSealer {
  seal(salt: string, participantId: string, teamsUserId: string): string;
  /** The Teams id, or null when the text was not sealed for this person in this session. */
  open(salt: string, participantId: string, sealed: string): string | null;
}

/** What the bot can tell one person privately during the meeting. */
export type InMeetingNotice = 'next' | 'invited';

/** Which meeting a notice is for, and its tenant (where the Bot Connector is asked). */
export interface NoticeTarget {
  readonly meetingId: string;
  readonly tenantId?: string;
}

export interface InMeetingNotifier {
  /**
   * Tells these people (Teams ids, "29:…"), and only them, inside the meeting. Best effort: never
   * throws, and a late notice is worthless, so it is not retried beyond a token refresh.
   */
  notify(
    target: NoticeTarget,
    notice: InMeetingNotice,
    recipients: readonly string[],
  ): Promise<void>;
}
