// Services wired like local mode but with an in-memory store and a clock the test moves.
import { randomUUID } from 'node:crypto';
import functions from '@azure/functions';
import type { HttpResponseInit } from '@azure/functions';
import type { MeetingCommand, Role } from '@roundtable/core';
import { HmacPseudonymiser } from '../../api/src/adapters/hmac-pseudonymiser.js';
import { JwtTokenVerifier } from '../../api/src/adapters/jwt-token-verifier.js';
import { LiveTickets } from '../../api/src/adapters/local/live-tickets.js';
import { LocalRoleDirectory } from '../../api/src/adapters/local/local-role-directory.js';
import { LocalTokenIssuer } from '../../api/src/adapters/local/local-token-issuer.js';
import { MemoryMeetingStore } from '../../api/src/adapters/memory/memory-meeting-store.js';
import { SseHub } from '../../api/src/adapters/local/sse-hub.js';
import { MeetingService } from '../../api/src/application/meeting-service.js';
import { MeetingEnder } from '../../api/src/application/end-meeting.js';
import { Housekeeping } from '../../api/src/application/housekeeping.js';
import { SummaryService } from '../../api/src/application/summary-service.js';
import { TeamsEvents } from '../../api/src/application/teams-events.js';
import type {
  Delivery,
  EndJob,
  EndQueue,
  MeetingOrganiserSource,
  Outbox,
  OutboxEntry,
  SummaryNotice,
} from '../../api/src/application/ending-ports.js';
import { MemorySummaryStore } from '../../api/src/adapters/memory/memory-summary-store.js';
import { summaryCard } from '../../api/src/adapters/summary-card.js';
import type {
  MeetingStore,
  RoleDirectory,
  ServiceUrlBook,
} from '../../api/src/application/ports.js';
import type { BotFrameworkAuth } from '../../api/src/adapters/teams/bot-auth.js';
import type { ServiceDependencies } from '../../api/src/application/meeting-service.js';
import { RateLimiter } from '../../api/src/application/rate-limiter.js';
import { readConfig } from '../../api/src/config.js';
import { routeTable, type Route } from '../../api/src/routes.js';
import type { Services } from '../../api/src/services.js';

const { HttpRequest, HttpResponse, InvocationContext } = functions;

export const SECRET = 'test-secret-that-is-long-enough-for-hmac-0123456789';
/** The id an organisation's catalogue gives the app, for deep links in Teams tests. */
export const TEAMS_APP_ID = 'fe4a8eba-2a31-4737-8e33-e5fae6fee194';

export interface TestApi {
  readonly services: Services;
  readonly store: MemoryMeetingStore;
  readonly endQueue: RecordingEndQueue;
  readonly summaries: MemorySummaryStore;
  readonly outbox: MemoryOutbox;
  readonly hub: SseHub;
  readonly clock: { now: number };
  readonly routes: Route[];
  tokenFor(name: string, role: Role): Promise<string>;
  call(routeName: string, init: CallInit): Promise<TestResponse>;
  close(): void;
}

export interface CallInit {
  readonly params?: Record<string, string>;
  readonly token?: string;
  readonly body?: unknown;
  readonly rawBody?: string;
  readonly headers?: Record<string, string>;
  readonly query?: Record<string, string>;
}

export interface TestResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly json: unknown;
}

/** The Teams side, for tests that play Teams (tests/teams-contract): the bot and its adapters. */
export interface TeamsSide {
  readonly botAuth: BotFrameworkAuth;
  readonly roles: RoleDirectory;
  readonly notices: NonNullable<ServiceDependencies['notices']>;
  readonly delivery: Delivery;
  readonly organisers: MeetingOrganiserSource;
  readonly serviceUrls: ServiceUrlBook;
}

export async function testApi(
  options: {
    store?: MeetingStore;
    roles?: RoleDirectory;
    rateLimiter?: RateLimiter;
    callerLimiter?: RateLimiter;
    teams?: TeamsSide;
  } = {},
): Promise<TestApi> {
  const clock = { now: Date.UTC(2026, 10, 21, 9, 0, 0) };
  const store = (options.store ?? new MemoryMeetingStore()) as MemoryMeetingStore;
  const issuer = await LocalTokenIssuer.create(SECRET);
  const tickets = new LiveTickets(SECRET);
  const hub = new SseHub(tickets, () => clock.now);
  const { teams } = options;
  const roles = teams?.roles ?? options.roles ?? new LocalRoleDirectory();
  let seed = 1;
  const endQueue = new RecordingEndQueue();
  const summaries = new MemorySummaryStore();
  const outbox = new MemoryOutbox(() => clock.now);
  const meetings = new MeetingService({
    endQueue,
    store,
    roles,
    broadcaster: hub,
    pseudonyms: new HmacPseudonymiser(SECRET),
    clock: () => clock.now,
    random: () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646,
    settings: {},
    rateLimiter: options.rateLimiter ?? new RateLimiter({ capacity: 1000, windowMs: 1000 }),
    sleep: () => Promise.resolve(),
    ...(teams === undefined ? {} : { notices: teams.notices }),
  });
  const config = readConfig({
    ROUNDTABLE_MODE: 'local',
    ROUNDTABLE_STORAGE_CONNECTION: 'memory',
    ROUNDTABLE_SECRET: SECRET,
  });
  const pseudonyms = new HmacPseudonymiser(SECRET);
  const ender = new MeetingEnder({
    store,
    committer: meetings.committer,
    summaries,
    delivery: teams?.delivery ?? outbox,
    clock: () => clock.now,
    settings: {},
    summaryRetentionDays: 400,
    pseudonyms,
    summaryUrl: 'http://127.0.0.1:53000/dev.html',
    ...(teams === undefined ? {} : { organisers: teams.organisers, teamsAppId: TEAMS_APP_ID }),
  });
  const services: Services = {
    config,
    summaries: new SummaryService({
      store,
      committer: meetings.committer,
      summaries,
      roles,
      pseudonyms,
      outbox,
    }),
    teamsEvents: new TeamsEvents({ meetings, endQueue, serviceUrls: teams?.serviceUrls ?? null }),
    housekeeping: new Housekeeping({
      store,
      summaries,
      endQueue,
      recordRetentionDays: 30,
      summaryRetentionDays: 400,
    }),
    pingStorage: () => store.ping(),
    ender,
    botAuth: teams?.botAuth ?? null,
    verifier: new JwtTokenVerifier({ ...issuer.verifierOptions(), trustRoleClaim: true }),
    meetings,
    clock: () => clock.now,
    callerLimiter: options.callerLimiter ?? new RateLimiter({ capacity: 100_000, windowMs: 1000 }),
    local: { issuer, hub, tickets, outbox },
  };
  const routes = routeTable(() => Promise.resolve(services));
  return {
    services,
    store,
    endQueue,
    summaries,
    outbox,
    hub,
    clock,
    routes,
    tokenFor: (name, role) => issuer.issue({ name, role }),
    call: (routeName, init) => call(routes, routeName, init),
    close: () => {
      hub.close();
    },
  };
}

async function call(routes: Route[], routeName: string, init: CallInit): Promise<TestResponse> {
  const route = routes.find((candidate) => candidate.name === routeName);
  if (!route) throw new Error(`No route ${routeName}`);
  const headers: Record<string, string> = { ...init.headers };
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  const bodyText =
    init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (bodyText !== undefined) headers['content-type'] ??= 'application/json';
  const request = new HttpRequest({
    method: route.methods[0] ?? 'GET',
    url: `http://localhost:7071/api/${route.route}`,
    headers,
    params: init.params ?? {},
    query: init.query ?? {},
    ...(bodyText === undefined ? {} : { body: { string: bodyText } }),
  });
  const context = new InvocationContext({ functionName: route.name, logHandler: () => undefined });
  const response: HttpResponseInit = await route.handler(request, context);
  const web = new HttpResponse(response);
  const text = web.body === null ? '' : await web.text();
  return {
    status: web.status,
    headers: web.headers,
    json: text === '' ? null : (JSON.parse(text) as unknown),
  };
}

/** A command body with a fresh id. */
export function command(
  value: MeetingCommand,
  id: string = randomUUID(),
): MeetingCommand & { id: string } {
  return { ...value, id };
}

/** An end queue that keeps the jobs, so a test can run them when it chooses. */
export class RecordingEndQueue implements EndQueue {
  readonly jobs: EndJob[] = [];
  enqueue(job: EndJob): Promise<void> {
    this.jobs.push(job);
    return Promise.resolve();
  }
}

/** Local mode's outbox, kept in memory; `failNext` makes the next delivery fail as if unreachable. */
export class MemoryOutbox implements Outbox {
  readonly entries: OutboxEntry[] = [];
  failNext = false;
  constructor(private readonly now: () => number) {}
  deliverSummary(notice: SummaryNotice): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new Error('The outbox is unreachable.'));
    }
    this.entries.push({
      meetingKey: notice.meetingKey,
      session: notice.session,
      at: this.now(),
      channel: 'bot-card',
      card: summaryCard(notice),
    });
    return Promise.resolve();
  }
  list(meetingKey: string): Promise<OutboxEntry[]> {
    return Promise.resolve(this.entries.filter((entry) => entry.meetingKey === meetingKey));
  }
  erase(meetingKey: string, sessions: readonly number[]): Promise<number> {
    const before = this.entries.length;
    const erased = (entry: OutboxEntry) =>
      entry.meetingKey === meetingKey && sessions.includes(entry.session);
    this.entries.splice(0, this.entries.length, ...this.entries.filter((e) => !erased(e)));
    return Promise.resolve(before - this.entries.length);
  }
}
