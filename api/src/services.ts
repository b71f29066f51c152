// What the handlers need, built once per process by composition.ts (or by a test).
import type { LiveTickets } from './adapters/live-tickets.js';
import type { LocalTokenIssuer } from './adapters/local-token-issuer.js';
import type { SseHub } from './adapters/sse-hub.js';
import type { MeetingService } from './application/meeting-service.js';
import type { Clock, MeetingStore, RoleDirectory, TokenVerifier } from './application/ports.js';
import type { Config } from './config.js';

export interface LocalServices {
  readonly issuer: LocalTokenIssuer;
  readonly hub: SseHub;
  readonly tickets: LiveTickets;
}

export interface Services {
  readonly config: Config;
  readonly verifier: TokenVerifier;
  readonly meetings: MeetingService;
  readonly store: MeetingStore;
  readonly roles: RoleDirectory;
  readonly clock: Clock;
  /** Present in local mode only: the token issuer and the server-sent events hub. */
  readonly local: LocalServices | null;
}

export type ServicesProvider = () => Promise<Services>;
