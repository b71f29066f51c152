// The one route table. The Functions host (index.ts) and the local host (host/local-host.ts)
// both serve exactly these routes with exactly these handlers.
import type { HttpMethod } from '@azure/functions';
import { commandsPost } from './functions/commands-post.js';
import { devTokenPost } from './functions/dev-token-post.js';
import { healthGet } from './functions/health-get.js';
import { liveEventsGet } from './functions/live-events-get.js';
import { liveGet } from './functions/live-get.js';
import { meetingsGet } from './functions/meetings-get.js';
import { devOutboxGet } from './functions/dev-outbox-get.js';
import { meetingsDelete } from './functions/meetings-delete.js';
import { messagesPost } from './functions/messages-post.js';
import { summariesGet } from './functions/summaries-get.js';
import { devActivitiesPost } from './functions/dev-activities-post.js';
import { summaryGet } from './functions/summary-get.js';
import type { HttpHandler } from './http/handle.js';
import type { ServicesProvider } from './services.js';

export interface Route {
  readonly name: string;
  readonly methods: readonly HttpMethod[];
  /** Functions route template, relative to /api. */
  readonly route: string;
  readonly handler: HttpHandler;
  /** Served only in local mode (simulated sign-in, server-sent events). */
  readonly localOnly: boolean;
}

export function routeTable(services: ServicesProvider): Route[] {
  const route = (
    name: string,
    methods: HttpMethod[],
    path: string,
    handler: (provider: ServicesProvider) => HttpHandler,
    localOnly = false,
  ): Route => ({ name, methods, route: path, handler: handler(services), localOnly });
  return [
    route('health-get', ['GET'], 'health', healthGet),
    route('meetings-get', ['GET'], 'meetings/{meetingId}', meetingsGet),
    route('meetings-delete', ['DELETE'], 'meetings/{meetingId}', meetingsDelete),
    route('commands-post', ['POST'], 'meetings/{meetingId}/commands', commandsPost),
    route('live-get', ['GET'], 'meetings/{meetingId}/live', liveGet),
    route('live-events-get', ['GET'], 'meetings/{meetingId}/live/events', liveEventsGet, true),
    route('summary-get', ['GET'], 'meetings/{meetingId}/summary', summaryGet),
    route('summaries-get', ['GET'], 'meetings/{meetingId}/summaries', summariesGet),
    route('messages-post', ['POST'], 'messages', messagesPost),
    route('dev-token-post', ['POST'], 'dev/token', devTokenPost, true),
    route('dev-activities-post', ['POST'], 'dev/activities', devActivitiesPost, true),
    route('dev-outbox-get', ['GET'], 'dev/outbox', devOutboxGet, true),
  ];
}
