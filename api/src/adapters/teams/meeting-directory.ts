// What Teams says about people in a meeting, from the Bot Connector's meeting APIs
// (msteams-docs apps-in-teams-meetings/meeting-apps-apis.md): "Get participant" for a person's role
// and whether they are in the meeting, "Get meeting details" for its organiser.
//
// The documentation says not to cache participant roles. An action (a command) always asks Teams
// afresh; a look (a view, polled every few seconds by every open panel) may reuse an answer for
// LOOK_REUSE_MS, and any 403 or 404 drops what was remembered for that meeting
// (docs/decisions/009-the-teams-wire.md).
import type { MeetingInfo } from '@microsoft/teams.api';
import { LRUCache } from 'lru-cache';
import type { MeetingOrganiserSource } from '../../application/ending-ports.js';
import {
  AppNotInstalledError,
  MeetingExpiredError,
  RateLimitedError,
} from '../../application/errors.js';
import type { RateLimiter } from '../../application/rate-limiter.js';
import type {
  Caller,
  Clock,
  Membership,
  MembershipPurpose,
  RoleDirectory,
} from '../../application/ports.js';
import { BotConnectorError, encodeSegment, type BotConnector } from './bot-connector.js';
import { membershipFrom, teamsIdOf, unavailable } from './participant-answers.js';

/** How long a view may reuse Teams' answer about a person (commands never do). */
export const LOOK_REUSE_MS = 15_000;

export interface TeamsMeetingDirectoryOptions {
  readonly connector: BotConnector;
  readonly now?: Clock;
  readonly maxEntries?: number;
  /** Bounds the lookups one person can make Teams answer; none when absent (tests). */
  readonly lookups?: RateLimiter;
}

interface Remembered {
  readonly membership: Membership | null;
  readonly at: number;
}

export class TeamsMeetingDirectory implements RoleDirectory, MeetingOrganiserSource {
  private readonly now: Clock;
  private readonly remembered: LRUCache<string, Remembered>;
  /** A burst of requests from one person waits for one lookup instead of starting many. */
  private readonly inFlight = new Map<string, Promise<Membership | null>>();

  constructor(private readonly options: TeamsMeetingDirectoryOptions) {
    this.now = options.now ?? Date.now;
    this.remembered = new LRUCache({ max: options.maxEntries ?? 5_000 });
  }

  async membership(
    meetingId: string,
    caller: Caller,
    purpose: MembershipPurpose = 'look',
  ): Promise<Membership | null> {
    const key = JSON.stringify([meetingId, caller.tenantId, caller.userId]);
    const known = this.remembered.get(key);
    if (purpose === 'look' && known !== undefined && this.now() - known.at < LOOK_REUSE_MS) {
      return known.membership;
    }
    let pending = this.inFlight.get(key);
    if (pending === undefined) {
      const wait =
        this.options.lookups?.take(JSON.stringify([caller.tenantId, caller.userId]), this.now()) ??
        0;
      if (wait > 0) throw new RateLimitedError(wait, 'requests');
      pending = this.lookup(meetingId, caller)
        .then((membership) => {
          this.remembered.set(key, { membership, at: this.now() });
          return membership;
        })
        .catch((error: unknown) => {
          // Teams no longer lets the app in, or no longer knows the meeting: nothing stays.
          if (error instanceof AppNotInstalledError || error instanceof MeetingExpiredError) {
            this.forgetMeeting(meetingId);
          }
          throw error;
        })
        .finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  /** The organiser as the meeting details name them (best effort: null when Teams will not say). */
  async organiserOf(
    meetingId: string,
    tenantId?: string,
  ): Promise<{ tenantId: string; userId: string } | null> {
    try {
      const { organizer } = await this.options.connector.call(tenantId, (client) =>
        client.meetings.getById(encodeSegment(meetingId)),
      );
      // meeting-apps-apis.md and graph-api/meeting-transcripts/fetch-id.md: the organiser's Entra
      // object id is `aadObjectId` (`id` is their 29: id for this bot).
      const userId = organizer?.aadObjectId;
      const organiserTenant = organizer?.tenantId;
      return userId !== undefined && organiserTenant !== undefined
        ? { tenantId: organiserTenant, userId }
        : null;
    } catch {
      return null;
    }
  }

  private async lookup(meetingId: string, caller: Caller): Promise<Membership | null> {
    const { connector } = this.options;
    try {
      // The path takes the Entra object id (TeamsInfo.getMeetingParticipant's default, and the
      // meetings-notification sample); the tenant is the caller's.
      const answer = await connector.call(caller.tenantId, (client) =>
        client.meetings.getParticipant(
          encodeSegment(meetingId),
          encodeSegment(caller.userId),
          encodeSegment(caller.tenantId),
        ),
      );
      return membershipFrom(answer);
    } catch (error) {
      if (!(error instanceof BotConnectorError)) throw error;
      // 403: "If the app isn't installed in the meeting ... or the tenant admin disables or
      // blocks the app". 404: "The meeting has either expired or participants aren't available".
      if (error.status === 403) throw new AppNotInstalledError();
      if (error.status === 404) return this.withoutRoster(meetingId, caller);
      if (error.status === 400) return null;
      throw unavailable(error, this.now());
    }
  }

  /**
   * Teams gives no roster for meetings of 350 people or more ("Get participant" is "only supported
   * for ... rosters with less than 350 participants") and answers 404, as it does once a meeting
   * has expired. The meeting details tell the two apart: an expired meeting has none. In a meeting
   * too large for a roster, its organiser (from the details) hosts, and a member of the meeting's
   * conversation (bots/how-to/get-teams-context.md, "Get single member details") attends;
   * co-hosts granted in Roundtable keep hosting. Anyone else is not let in.
   */
  private async withoutRoster(meetingId: string, caller: Caller): Promise<Membership | null> {
    const { connector } = this.options;
    let details: MeetingInfo;
    try {
      details = await connector.call(caller.tenantId, (client) =>
        client.meetings.getById(encodeSegment(meetingId)),
      );
    } catch (error) {
      throw this.failure(error, 'expired');
    }
    const { organizer, conversation } = details;
    if (organizer?.aadObjectId === caller.userId && organizer.tenantId === caller.tenantId) {
      return { role: 'organizer', inMeeting: true, teamsUserId: teamsIdOf(organizer.id) };
    }
    if (conversation?.id === undefined) return null;
    const conversationId = conversation.id;
    try {
      const member = await connector.call(caller.tenantId, (client) =>
        client.conversations.getMemberById(
          encodeSegment(conversationId),
          encodeSegment(caller.userId),
        ),
      );
      return { role: 'attendee', inMeeting: true, teamsUserId: teamsIdOf(member.id) };
    } catch (error) {
      if (error instanceof BotConnectorError && error.status === 404) return null;
      throw this.failure(error, 'not-installed');
    }
  }

  /** A Bot Connector failure as the application knows it; a 404 means `when404`. */
  private failure(error: unknown, when404: 'expired' | 'not-installed'): Error {
    if (!(error instanceof BotConnectorError)) return error as Error;
    if (error.status === 403) return new AppNotInstalledError();
    if (error.status === 404) {
      return when404 === 'expired' ? new MeetingExpiredError() : new AppNotInstalledError();
    }
    return unavailable(error, this.now());
  }

  private forgetMeeting(meetingId: string): void {
    const prefix = JSON.stringify([meetingId]).slice(0, -1);
    for (const key of this.remembered.keys()) {
      if (key.startsWith(prefix)) this.remembered.delete(key);
    }
  }
}
