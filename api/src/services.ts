// What the handlers and jobs need, built once per process by composition.ts (or by a test).
// Handlers receive application services, never stores.
import type { BotFrameworkAuth } from './adapters/teams/bot-auth.js';
import type { LiveTickets } from './adapters/local/live-tickets.js';
import type { LocalTokenIssuer } from './adapters/local/local-token-issuer.js';
import type { SseHub } from './adapters/local/sse-hub.js';
import type { MeetingEnder } from './application/end-meeting.js';
import type { Outbox } from './application/ending-ports.js';
import type { Housekeeping } from './application/housekeeping.js';
import type { MeetingService } from './application/meeting-service.js';
import type { Clock, TokenVerifier } from './application/ports.js';
import type { RateLimiter } from './application/rate-limiter.js';
import type { SummaryService } from './application/summary-service.js';
import type { TeamsEvents } from './application/teams-events.js';
import type { MeasuresFollowUp } from './application/take-measures.js';
import type { Config } from './config.js';

export interface LocalServices {
  readonly issuer: LocalTokenIssuer;
  readonly hub: SseHub;
  readonly tickets: LiveTickets;
  /** What would have been sent to organisers, for the simulator to show. */
  readonly outbox: Outbox;
}

export interface Services {
  readonly config: Config;
  readonly verifier: TokenVerifier;
  readonly meetings: MeetingService;
  readonly summaries: SummaryService;
  /** What Teams tells the bot: meetings starting and ending. */
  readonly teamsEvents: TeamsEvents;
  readonly ender: MeetingEnder;
  /** Later looks at what Teams recorded (Graph); null locally or when turned off. */
  readonly measures?: MeasuresFollowUp | null;
  readonly housekeeping: Housekeeping;
  /** Rejects with DependencyUnavailableError when storage does not answer. */
  readonly pingStorage: () => Promise<void>;
  readonly clock: Clock;
  /** Every authenticated request, per person (tenant and object id), whatever the meeting. */
  readonly callerLimiter: RateLimiter;
  /** Checks the Bot Framework's calls to /api/messages; null in local mode (no bot). */
  readonly botAuth: BotFrameworkAuth | null;
  /** Present in local mode only: the token issuer, the server-sent events hub, the outbox. */
  readonly local: LocalServices | null;
}

export type ServicesProvider = () => Promise<Services>;
