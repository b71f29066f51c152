// What the handlers need, built once per process by composition.ts (or by a test).
import type { LiveTickets } from './adapters/live-tickets.js';
import type { LocalTokenIssuer } from './adapters/local-token-issuer.js';
import type { SseHub } from './adapters/sse-hub.js';
import type { MeetingEnder } from './application/end-meeting.js';
import type { EndQueue, Outbox, SummaryStore } from './application/ending-ports.js';
import type { BotFrameworkAuth } from './adapters/bot-framework-auth.js';
import type { MeetingService } from './application/meeting-service.js';
import type { Clock, MeetingStore, RoleDirectory, TokenVerifier } from './application/ports.js';
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
  readonly store: MeetingStore;
  readonly roles: RoleDirectory;
  readonly clock: Clock;
  readonly summaries: SummaryStore;
  readonly endQueue: EndQueue;
  readonly ender: MeetingEnder;
  /** Checks the Bot Framework's calls to /api/messages; null in local mode (no bot). */
  readonly botAuth: BotFrameworkAuth | null;
  /** Present in local mode only: the token issuer and the server-sent events hub. */
  readonly local: LocalServices | null;
}

export type ServicesProvider = () => Promise<Services>;
