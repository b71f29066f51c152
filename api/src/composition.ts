// Builds the services for one process from its configuration: Azure adapters in Azure, local
// ones in local mode. Clients are created once and shared; one managed-identity credential serves all.
import { randomInt } from 'node:crypto';
import { azureCredential } from './adapters/azure-credential.js';
import { AesContactSealer } from './adapters/contact-sealer.js';
import { HmacPseudonymiser } from './adapters/hmac-pseudonymiser.js';
import { JwtTokenVerifier, entraVerifierOptions } from './adapters/jwt-token-verifier.js';
import { LiveTickets } from './adapters/local/live-tickets.js';
import {
  localGraphParts,
  watchedBroadcaster,
  WatchedTeamsEvents,
} from './adapters/local/local-graph-wiring.js';
import type { LocalGraph } from './adapters/local/local-graph.js';
import { LocalRoleDirectory } from './adapters/local/local-role-directory.js';
import { LocalTokenIssuer } from './adapters/local/local-token-issuer.js';
import { SseHub } from './adapters/local/sse-hub.js';
import { StorageEndQueue } from './adapters/storage/storage-end-queue.js';
import {
  tableMeetingStoreFromConnectionString,
  tableMeetingStoreFromEndpoint,
} from './adapters/storage/table-meeting-store.js';
import {
  tableSummaryStoreFromConnectionString,
  tableSummaryStoreFromEndpoint,
} from './adapters/storage/table-summary-store.js';
import { BotFrameworkAuth } from './adapters/teams/bot-auth.js';
import { BotConnector } from './adapters/teams/bot-connector.js';
import {
  graphFollowUpParts,
  type GraphFollowUpParts,
} from './adapters/teams/graph/graph-wiring.js';
import { BotTokenProvider, botTokenUrl } from './adapters/teams/bot-token-provider.js';
import { TeamsCardDelivery } from './adapters/teams/card-delivery.js';
import { TeamsMeetingDirectory } from './adapters/teams/meeting-directory.js';
import { TeamsMeetingNotifier, type NoticeReport } from './adapters/teams/meeting-notifier.js';
import { tableServiceUrlsFromEndpoint } from './adapters/teams/service-urls.js';
import { WebPubSubBroadcaster, createWebPubSubClient } from './adapters/web-pubsub-broadcaster.js';
import { outboxDeliveryFromConnectionString } from './adapters/local/outbox-delivery.js';
import { MeetingEnder } from './application/end-meeting.js';
import type {
  Delivery,
  EndQueue,
  MeetingOrganiserSource,
  Outbox,
  SummaryStore,
} from './application/ending-ports.js';
import { Housekeeping } from './application/housekeeping.js';
import { MeetingService, type ServiceDependencies } from './application/meeting-service.js';
import type { Clock, MeetingStore, ServiceUrlBook } from './application/ports.js';
import { CALLER_RATE_LIMIT, LOOKUP_RATE_LIMIT, RateLimiter } from './application/rate-limiter.js';
import { SummaryService } from './application/summary-service.js';
import { MeasuresFollowUp } from './application/take-measures.js';
import { TeamsEvents } from './application/teams-events.js';
import type { AzureConfig, Config, LocalConfig } from './config.js';
import type { Services } from './services.js';

/** Uniform in [0, 1) from the operating system's generator: round order must not be guessable. */
const secureRandom = () => randomInt(0, 2 ** 48) / 2 ** 48;
const systemClock: Clock = () => Date.now();

/** What differs between local mode and Azure; everything else is wired the same way. */
interface Adapters {
  readonly store: MeetingStore & { ensureTable?: () => Promise<void> };
  readonly summaries: SummaryStore;
  readonly endQueue: EndQueue;
  readonly delivery: Delivery;
  readonly outbox: Outbox | null;
  readonly service: Pick<ServiceDependencies, 'roles' | 'broadcaster' | 'notices'>;
  readonly organisers: MeetingOrganiserSource | null;
  readonly serviceUrls: ServiceUrlBook | null;
  readonly teamsAppId: string | null;
  /** What Teams recorded, read from Graph after each session; null locally or when turned off. */
  readonly graph: GraphFollowUpParts | null;
  /** Local mode's stand-in for Microsoft's cloud, which watches Teams' events (local-graph.ts). */
  readonly localGraph: LocalGraph | null;
  readonly rest: Pick<Services, 'verifier' | 'botAuth' | 'local'>;
}

export async function createServices(config: Config): Promise<Services> {
  const adapters = config.mode === 'local' ? await localAdapters(config) : azureAdapters(config);
  const pseudonyms = new HmacPseudonymiser(config.secret);
  const { store, summaries, endQueue } = adapters;
  const meetings = new MeetingService({
    ...adapters.service,
    store,
    endQueue,
    pseudonyms,
    clock: systemClock,
    random: secureRandom,
    settings: config.meeting,
    rateLimiter: new RateLimiter(),
  });
  const { committer } = meetings;
  // Locally the simulator shows each meeting's summary; in Teams the tab's summary page does.
  const summaryPage = config.mode === 'local' ? 'dev.html' : 'summary.html';
  const measures =
    adapters.graph === null
      ? null
      : new MeasuresFollowUp({
          ...adapters.graph,
          store,
          summaries,
          settings: config.meeting,
          ...(config.mode === 'local' ? { lookDelaysS: config.graph.lookDelaysS } : {}),
        });
  const ender = new MeetingEnder({
    store,
    committer,
    summaries,
    delivery: adapters.delivery,
    clock: systemClock,
    settings: config.meeting,
    summaryRetentionDays: config.retention.summaryDays,
    pseudonyms,
    summaryUrl: `${config.tabOrigin}/${summaryPage}`,
    teamsAppId: adapters.teamsAppId,
    ...(adapters.organisers === null ? {} : { organisers: adapters.organisers }),
    ...(measures === null ? {} : { measures }),
  });
  return {
    config,
    meetings,
    summaries: new SummaryService({
      store,
      committer,
      summaries,
      roles: adapters.service.roles,
      pseudonyms,
      outbox: adapters.outbox,
    }),
    teamsEvents:
      adapters.localGraph === null
        ? new TeamsEvents({ meetings, endQueue, serviceUrls: adapters.serviceUrls })
        : new WatchedTeamsEvents(
            { meetings, endQueue, serviceUrls: null },
            adapters.localGraph,
            systemClock,
          ),
    ender,
    measures,
    housekeeping: new Housekeeping({
      store,
      summaries,
      endQueue,
      recordRetentionDays: config.retention.recordDays,
      summaryRetentionDays: config.retention.summaryDays,
    }),
    pingStorage: () => store.ping(),
    clock: systemClock,
    callerLimiter: new RateLimiter(CALLER_RATE_LIMIT),
    ...adapters.rest,
  };
}

async function localAdapters(config: LocalConfig): Promise<Adapters> {
  const connection = config.storageConnection;
  const store = tableMeetingStoreFromConnectionString(connection, config.tableName);
  const summaries = tableSummaryStoreFromConnectionString(connection);
  const outbox = outboxDeliveryFromConnectionString(connection);
  const endQueue = StorageEndQueue.fromConnectionString(connection);
  await Promise.all([
    store.ensureTable(),
    summaries.ensureTable(),
    outbox.ensureTable(),
    endQueue.ensureQueue(),
  ]);
  const issuer = await LocalTokenIssuer.create(config.secret);
  const tickets = new LiveTickets(config.secret);
  const hub = new SseHub(tickets, systemClock);
  const graph = await localGraphParts(config);
  return {
    store,
    summaries,
    endQueue,
    delivery: outbox,
    outbox,
    service: {
      roles: new LocalRoleDirectory(),
      broadcaster: graph === null ? hub : watchedBroadcaster(hub, graph.graph, systemClock),
    },
    organisers: null,
    serviceUrls: null,
    teamsAppId: null,
    graph,
    localGraph: graph?.graph ?? null,
    rest: {
      verifier: new JwtTokenVerifier({ ...issuer.verifierOptions(), trustRoleClaim: true }),
      botAuth: null,
      local: { issuer, hub, tickets, outbox },
    },
  };
}

function azureAdapters(config: AzureConfig): Adapters {
  const { bot, cloud, webPubSub } = config;
  const credential = azureCredential();
  const store = tableMeetingStoreFromEndpoint(config.tableEndpoint, credential, config.tableName);
  const summaries = tableSummaryStoreFromEndpoint(config.tableEndpoint, credential);
  const endQueue = StorageEndQueue.fromEndpoint(config.queueEndpoint, credential);
  const tokens = new BotTokenProvider({
    clientId: bot.appId,
    clientSecret: bot.secret,
    tokenUrl: botTokenUrl(cloud.loginHost, bot.tenantId),
    scope: cloud.botScope,
  });
  const serviceUrls = tableServiceUrlsFromEndpoint(
    config.tableEndpoint,
    credential,
    cloud.defaultServiceUrl,
  );
  const connector = new BotConnector({ tokens, serviceUrls });
  const directory = new TeamsMeetingDirectory({
    connector,
    lookups: new RateLimiter(LOOKUP_RATE_LIMIT),
  });
  const client = createWebPubSubClient({
    hub: webPubSub.hub,
    endpoint: webPubSub.endpoint,
    credential,
  });
  const notifier = new TeamsMeetingNotifier({
    connector,
    tabOrigin: config.tabOrigin,
    report: reportUndelivered,
  });
  return {
    store,
    summaries,
    endQueue,
    delivery: new TeamsCardDelivery(connector),
    outbox: null,
    service: {
      roles: directory,
      broadcaster: new WebPubSubBroadcaster({ client }),
      notices: { notifier, contacts: new AesContactSealer(config.secret) },
    },
    organisers: directory,
    serviceUrls,
    teamsAppId: config.teamsAppId,
    graph: graphFollowUpParts(config, connector, credential),
    localGraph: null,
    rest: {
      // One Entra app serves the bot, SSO and resource-specific consent: SSO tokens are issued
      // for the bot's app id.
      verifier: new JwtTokenVerifier(
        entraVerifierOptions({
          clientId: bot.appId,
          applicationIdUri: config.entra.applicationIdUri,
          allowedTenants: config.entra.allowedTenants,
        }),
      ),
      botAuth: new BotFrameworkAuth({ appId: bot.appId, cloud }),
      local: null,
    },
  };
}

/** Counts and a reason only: recipients' ids never reach a log. */
function reportUndelivered(report: NoticeReport): void {
  if (report.failed === 0) return;
  console.warn(
    `Roundtable: ${report.failed} in-meeting "${report.notice}" notice(s) not delivered (${report.reason ?? 'unknown'}).`,
  );
}

/** A provider that builds the services on first use and shares them afterwards. */
export function lazyServices(build: () => Promise<Services>): () => Promise<Services> {
  let services: Promise<Services> | undefined;
  return () => {
    services ??= build().catch((error: unknown) => {
      services = undefined;
      throw error;
    });
    return services;
  };
}
