// What Teams tells the bot about a meeting, as use cases: a meeting started (a session opens, unless
// one is live), people joined or left, a meeting ended (its session ends through the ending job),
// and where the tenant's Bot Connector answers.
import type { RosterChange } from './arrivals.js';
import type { EndQueue } from './ending-ports.js';
import type { MeetingService } from './meeting-service.js';
import type { ServiceUrlBook } from './ports.js';

export interface MeetingStarted {
  readonly meetingId: string;
}

export interface MeetingEnded {
  readonly meetingId: string;
  /** When Teams says the meeting ended; a session opened after it is not this meeting's. */
  readonly endedAt: number;
  readonly tenantId?: string;
  /** The language tag Teams sent with the event, for the organiser's card. */
  readonly locale?: string;
}

export interface ParticipantsChanged {
  readonly meetingId: string;
  readonly changes: readonly RosterChange[];
}

export interface TeamsEventsDependencies {
  readonly meetings: MeetingService;
  readonly endQueue: EndQueue;
  /** Where each tenant's Bot Connector answers; null where no bot runs (local mode). */
  readonly serviceUrls: ServiceUrlBook | null;
}

export class TeamsEvents {
  constructor(private readonly deps: TeamsEventsDependencies) {}

  /** Every authenticated activity says where the tenant's Bot Connector answers. */
  async serviceUrlSeen(tenantId: string, serviceUrl: string): Promise<void> {
    await this.deps.serviceUrls?.remember(tenantId, serviceUrl);
  }

  /** A start for a session already open changes nothing. */
  async meetingStarted(event: MeetingStarted): Promise<void> {
    await this.deps.meetings.openSession(event.meetingId);
  }

  /** People joined or left the meeting (Teams' participant events): the live session follows. */
  async participantsChanged(event: ParticipantsChanged): Promise<void> {
    await this.deps.meetings.rosterChanged(event.meetingId, event.changes);
  }

  /** An end for a session already ended changes nothing (the job finds nothing left to end). */
  async meetingEnded(event: MeetingEnded): Promise<void> {
    await this.deps.endQueue.enqueue({
      meetingKey: this.deps.meetings.meetingKey(event.meetingId),
      meetingId: event.meetingId,
      reason: 'teams',
      session: null,
      endedAt: event.endedAt,
      ...(event.tenantId === undefined ? {} : { tenantId: event.tenantId }),
      ...(event.locale === undefined ? {} : { locale: event.locale }),
    });
  }
}
