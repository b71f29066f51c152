// The use cases behind the meeting routes: enter a meeting, read your view, send a command,
// get live access. Identity and role come only from the verified token and the role directory.
import type { CommandBody, DomainError, ParticipantView, PublicView } from '@roundtable/core';
import { isHost, participantView, publicView, type Role } from '@roundtable/core';
import { DependencyUnavailableError, NotParticipantError, RateLimitedError } from './errors.js';
import type { CommitterDependencies } from './meeting-committer.js';
import { MeetingCommitter } from './meeting-committer.js';
import type { EndQueue } from './ending-ports.js';
import type { Caller, LiveAccess, RoleDirectory, StoredMeeting } from './ports.js';
import type { RateLimiter } from './rate-limiter.js';

export interface ServiceDependencies extends CommitterDependencies {
  readonly roles: RoleDirectory;
  readonly rateLimiter: RateLimiter;
  /** Where ending jobs go; null where meetings are never ended through this service (tests). */
  readonly endQueue: EndQueue | null;
}

export interface ViewResult {
  /** Null when the meeting ended before this person ever opened Roundtable in it. */
  readonly view: ParticipantView | null;
  readonly version: number;
  /** Set when the command was refused by a domain rule; the view is still the latest. */
  readonly refusal: DomainError | null;
}

/** How stale a read may be: long enough to absorb a burst of polls, short enough to heal fast. */
const VIEW_MAX_AGE_MS = 1_000;

interface Entered {
  readonly meetingKey: string;
  readonly participantId: string;
  readonly meeting: StoredMeeting;
}

export class MeetingService {
  readonly committer: MeetingCommitter;

  constructor(private readonly deps: ServiceDependencies) {
    this.committer = new MeetingCommitter(deps);
  }

  async view(meetingId: string, caller: Caller): Promise<ViewResult> {
    const entered = await this.enter(meetingId, caller, VIEW_MAX_AGE_MS);
    return this.result(meetingId, entered, null);
  }

  async execute(meetingId: string, caller: Caller, body: CommandBody): Promise<ViewResult> {
    const entered = await this.enter(meetingId, caller);
    const wait = this.deps.rateLimiter.take(
      `${entered.meetingKey}/${entered.participantId}`,
      this.deps.clock(),
    );
    if (wait > 0) throw new RateLimitedError(wait);
    const { id, ...command } = body;
    const { outcome, meeting } = await this.committer.submit(entered.meetingKey, meetingId, {
      participantId: entered.participantId,
      commandId: id,
      command,
    });
    if (command.type === 'endSession' && outcome.ok) {
      // Enqueued on every successful answer, retries included: if the queue was down the first
      // time, the client's retry of the same command id queues the (idempotent) job again.
      await this.deps.endQueue?.enqueue({
        meetingKey: entered.meetingKey,
        meetingId,
        reason: 'host',
      });
    }
    return this.result(meetingId, { ...entered, meeting }, outcome.ok ? null : outcome.error);
  }

  async liveAccess(meetingId: string, caller: Caller): Promise<LiveAccess> {
    const { meetingKey, participantId } = await this.enter(meetingId, caller);
    return this.deps.broadcaster.access(meetingKey, meetingId, participantId);
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
    return publicView(meeting.state, { meetingId, version: meeting.version });
  }

  /**
   * Whether the caller hosts the meeting right now (Teams role or granted co-host), without
   * opening (or creating) the meeting as a read would.
   */
  async hosts(meetingId: string, caller: Caller, role: Role): Promise<boolean> {
    if (role !== 'attendee') return true;
    const meeting = await this.deps.store.load(this.meetingKey(meetingId));
    if (meeting === null || meeting.salt === '') return false;
    const participant =
      meeting.state.participants[this.deps.pseudonyms.participantId(meeting.salt, caller)];
    return participant !== undefined && isHost(participant);
  }

  /** The meeting's phase as stored, or null when nothing is stored for it. */
  async phase(meetingId: string): Promise<'live' | 'ended' | null> {
    return (await this.deps.store.load(this.meetingKey(meetingId)))?.state.phase ?? null;
  }

  seriesKey(chatId: string): string {
    return this.deps.pseudonyms.seriesKey(chatId);
  }

  meetingKey(meetingId: string): string {
    return this.deps.pseudonyms.meetingKey(meetingId);
  }

  /** Checks the caller takes part in the meeting and that the live state knows them as they are now. */
  private async enter(meetingId: string, caller: Caller, maxAgeMs = Infinity): Promise<Entered> {
    const role = await this.deps.roles.roleOf(meetingId, caller);
    if (role === null) {
      throw new NotParticipantError(
        'You are not a participant of this meeting. Join the meeting in Teams, then open Roundtable again.',
      );
    }
    const meetingKey = this.deps.pseudonyms.meetingKey(meetingId);
    let meeting = await this.committer.meeting(meetingKey, maxAgeMs);
    const participantId = this.deps.pseudonyms.participantId(meeting.salt, caller);
    const known = meeting.state.participants[participantId];
    // Kept only where the bot can use it (Teams), so the local state holds no contact at all.
    const contact = this.deps.notices?.contacts.seal(meeting.salt, caller);
    const stale =
      known?.present !== true ||
      known.displayName !== caller.displayName ||
      known.role !== role ||
      (contact !== undefined && known.contact !== contact);
    if (meeting.state.phase === 'live' && stale) {
      const arrival = await this.committer.submit(meetingKey, meetingId, {
        participantId,
        commandId: null,
        command: {
          type: 'arrive',
          displayName: caller.displayName,
          role,
          ...(contact === undefined ? {} : { contact }),
        },
      });
      meeting = arrival.meeting;
    }
    return { meetingKey, participantId, meeting };
  }

  private result(meetingId: string, entered: Entered, refusal: DomainError | null): ViewResult {
    const { meeting, participantId } = entered;
    const view = participantView(
      meeting.state,
      { meetingId, version: meeting.version },
      participantId,
    );
    return { view, version: meeting.version, refusal };
  }
}
