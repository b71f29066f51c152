// The use cases behind the meeting routes: read your view, send a command, get live access.
// Identity and role come only from the verified token and Teams. A session opens on the first
// command after the last one ended; until then a view shows the fresh session it would open.
import type { CommandBody, LiveAccess, PublicView } from '@roundtable/core';
import { Announcer } from './announcer.js';
import { CallerViews, membershipIn, type ViewResult } from './caller-views.js';
import { Arrivals, type RosterChange } from './arrivals.js';
import { MeetingCommitter, type CommitterDependencies } from './commit/meeting-committer.js';
import type { EndQueue } from './ending-ports.js';
import { DependencyUnavailableError, NotInMeetingError, RateLimitedError } from './errors.js';
import type {
  Broadcaster,
  Caller,
  ContactSealer,
  InMeetingNotifier,
  Membership,
  MembershipPurpose,
  RoleDirectory,
  StoredMeeting,
} from './ports.js';
import type { RateLimiter } from './rate-limiter.js';

export interface ServiceDependencies extends Omit<CommitterDependencies, 'announcer'> {
  readonly broadcaster: Broadcaster;
  readonly roles: RoleDirectory;
  readonly rateLimiter: RateLimiter;
  /** Where ending jobs go; null where sessions are never ended through this service (tests). */
  readonly endQueue: EndQueue | null;
  /** Teams only: the bot's private in-meeting notices, and the sealer for people's Teams ids. */
  readonly notices?: { readonly notifier: InMeetingNotifier; readonly contacts: ContactSealer };
  /**
   * The benchmark's baseline only: answer before everyone is told. In Azure Functions, work left
   * running after a handler returns may never finish, so the service waits (within a bound).
   */
  readonly answerBeforeAnnouncing?: boolean;
}

/** How stale a read may be: long enough to absorb a burst of polls, short enough to heal fast. */
const VIEW_MAX_AGE_MS = 1_000;

export class MeetingService {
  readonly committer: MeetingCommitter;
  private readonly arrivals: Arrivals;
  private readonly callerViews: CallerViews;

  constructor(private readonly deps: ServiceDependencies) {
    const announcer = new Announcer({
      broadcaster: deps.broadcaster,
      clock: deps.clock,
      ...(deps.notices === undefined ? {} : { notices: deps.notices }),
    });
    this.committer = new MeetingCommitter({ ...deps, announcer });
    this.callerViews = new CallerViews(deps);
    this.arrivals = new Arrivals({
      committer: this.committer,
      pseudonyms: deps.pseudonyms,
      ...(deps.notices === undefined ? {} : { contacts: deps.notices.contacts }),
      ...(deps.answerBeforeAnnouncing === undefined
        ? {}
        : { answerBeforeAnnouncing: deps.answerBeforeAnnouncing }),
    });
  }

  async view(meetingId: string, caller: Caller): Promise<ViewResult> {
    const membership = await this.membership(meetingId, caller);
    const meetingKey = this.meetingKey(meetingId);
    const meeting = await this.committer.meeting(meetingKey, VIEW_MAX_AGE_MS);
    if (meeting?.state.phase !== 'live') {
      // Looking opens nothing: the next session starts when someone acts in it.
      return {
        ...this.callerViews.nextSession(meetingId, meeting, caller, membership),
        refusal: null,
      };
    }
    const entered = await this.arrivals.throughPanel(
      meetingKey,
      meetingId,
      meeting,
      caller,
      membership,
    );
    return this.callerViews.afterEntering(meetingId, entered, null);
  }

  async execute(meetingId: string, caller: Caller, body: CommandBody): Promise<ViewResult> {
    const membership = await this.membership(meetingId, caller, 'act');
    if (!membership.inMeeting) throw new NotInMeetingError();
    const meetingKey = this.meetingKey(meetingId);
    const { id, ...command } = body;
    const stored = await this.committer.meeting(meetingKey);
    if (command.type === 'endSession' && !isLiveSession(stored, command.session)) {
      // Ending a session that already ended (a retry, or a second host) changes nothing.
      return { ...this.callerViews.current(meetingId, stored, caller, membership), refusal: null };
    }
    const meeting = await this.committer.openSession(meetingKey, meetingId);
    const entered = await this.arrivals.throughPanel(
      meetingKey,
      meetingId,
      meeting,
      caller,
      membership,
    );
    const wait = this.deps.rateLimiter.take(
      `${meetingKey}/${entered.participantId}`,
      this.deps.clock(),
    );
    if (wait > 0) throw new RateLimitedError(wait);
    const committed = await this.committer.submit(meetingKey, meetingId, {
      participantId: entered.participantId,
      commandId: id,
      command,
      session: entered.meeting.state.session,
      tenantId: caller.tenantId,
    });
    await this.announced(committed);
    const { outcome } = committed;
    if (command.type === 'endSession' && outcome.ok) {
      // Enqueued on every successful answer, retries included: if the queue was down the first
      // time, the client's retry of the same command id queues the (idempotent) job again.
      await this.deps.endQueue?.enqueue({
        meetingKey,
        meetingId,
        reason: 'host',
        session: command.session,
      });
    }
    const refusal = outcome.ok ? null : outcome.error;
    if (committed.meeting.state.phase !== 'live') {
      return {
        ...this.callerViews.current(meetingId, committed.meeting, caller, membership),
        refusal,
      };
    }
    return this.callerViews.afterEntering(
      meetingId,
      { ...entered, meeting: committed.meeting },
      refusal,
    );
  }

  async liveAccess(meetingId: string, caller: Caller): Promise<LiveAccess> {
    await this.membership(meetingId, caller);
    const meetingKey = this.meetingKey(meetingId);
    const meeting = await this.committer.meeting(meetingKey, VIEW_MAX_AGE_MS);
    // Before a session opens there is no salt, and so no pseudonym (never an unkeyed one): the
    // stream is held under a listener id nobody is nudged under; the panel asks again once the
    // next session shows, as the nudges of each session go to its own pseudonyms.
    const subscriberId =
      meeting !== null && meeting.salt !== ''
        ? this.deps.pseudonyms.participantId(meeting.salt, caller)
        : this.deps.pseudonyms.listenerId(meetingKey, caller);
    return this.deps.broadcaster.access(meetingKey, meetingId, subscriberId);
  }

  /** What a new live subscriber sees first, so it starts in step with everyone else. */
  async currentPublicView(meetingKey: string, meetingId: string): Promise<PublicView> {
    const meeting = await this.committer
      .meeting(meetingKey, VIEW_MAX_AGE_MS)
      .catch((error: unknown) => {
        // Storage away: the last version this instance knows still lets a panel open its stream,
        // and the next change brings it up to date.
        if (error instanceof DependencyUnavailableError) return this.committer.meeting(meetingKey);
        throw error;
      });
    return this.callerViews.publicOf(meetingId, meeting);
  }

  /** Teams says people joined or left the meeting: the live session's roster follows. */
  async rosterChanged(meetingId: string, changes: readonly RosterChange[]): Promise<void> {
    await this.arrivals.fromTeams(this.meetingKey(meetingId), meetingId, changes);
  }

  /** Opens the meeting's next session unless one is live (Teams' meeting-start event). */
  async openSession(meetingId: string): Promise<void> {
    await this.committer.openSession(this.meetingKey(meetingId), meetingId);
  }

  meetingKey(meetingId: string): string {
    return this.deps.pseudonyms.meetingKey(meetingId);
  }

  /** Only people Teams places in the meeting get in; everyone else is turned away. */
  membership(meetingId: string, caller: Caller, purpose?: MembershipPurpose): Promise<Membership> {
    return membershipIn(this.deps.roles, meetingId, caller, purpose);
  }

  private async announced(committed: { readonly announced: Promise<void> }): Promise<void> {
    if (this.deps.answerBeforeAnnouncing !== true) await committed.announced;
  }
}

/** Whether the stored meeting's live session is the one named. */
function isLiveSession(meeting: StoredMeeting | null, session: number): boolean {
  return meeting?.state.phase === 'live' && meeting.state.session === session;
}
