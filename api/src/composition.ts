// Builds the services for one process from its configuration: Azure adapters in Azure, local
// ones in local mode. Clients are created once and shared; one managed-identity credential serves all.
import { randomInt } from 'node:crypto';
import { DefaultAzureCredential } from '@azure/identity';
import { BotFrameworkAuth } from './adapters/bot-framework-auth.js';
import { BotFrameworkRoleDirectory } from './adapters/bot-framework-roles.js';
import { BotTokenProvider, botTokenUrl } from './adapters/bot-token-provider.js';
import { AesContactSealer } from './adapters/contact-sealer.js';
import { HmacPseudonymiser } from './adapters/hmac-pseudonymiser.js';
import { JwtTokenVerifier, entraVerifierOptions } from './adapters/jwt-token-verifier.js';
import { LiveTickets } from './adapters/live-tickets.js';
import { LocalRoleDirectory } from './adapters/local-role-directory.js';
import { LocalTokenIssuer } from './adapters/local-token-issuer.js';
import { SseHub } from './adapters/sse-hub.js';
import { StorageEndQueue } from './adapters/storage-end-queue.js';
import {
  tableMeetingStoreFromConnectionString,
  tableMeetingStoreFromEndpoint,
} from './adapters/table-meeting-store.js';
import {
  tableSummaryStoreFromConnectionString,
  tableSummaryStoreFromEndpoint,
} from './adapters/table-summary-store.js';
import { WebPubSubBroadcaster, createWebPubSubClient } from './adapters/web-pubsub-broadcaster.js';
import { BotCardDelivery } from './delivery/bot-card-delivery.js';
import { BotMeetingNotifier, type NoticeReport } from './delivery/bot-meeting-notifier.js';
import { outboxDeliveryFromConnectionString } from './delivery/outbox-delivery.js';
import { MeetingEnder, type EndingDependencies } from './application/end-meeting.js';
import { MeetingService } from './application/meeting-service.js';
import type { Clock } from './application/ports.js';
import { RateLimiter } from './application/rate-limiter.js';
import type { Config } from './config.js';
import type { Services } from './services.js';

/** Uniform in [0, 1) from the operating system's generator: round order must not be guessable. */
const secureRandom = () => randomInt(0, 2 ** 48) / 2 ** 48;
const systemClock: Clock = () => Date.now();

export async function createServices(config: Config): Promise<Services> {
  const pseudonyms = new HmacPseudonymiser(config.secret);
  const base = {
    pseudonyms,
    clock: systemClock,
    random: secureRandom,
    settings: config.meeting,
    rateLimiter: new RateLimiter(),
  };
  // Locally the simulator shows each meeting's summary; in Teams the tab's summary page does.
  const summaryUrl = `${config.tabOrigin}/${config.mode === 'local' ? 'dev.html' : 'summary.html'}`;
  const ending = (
    parts: Pick<EndingDependencies, 'store' | 'committer' | 'summaries' | 'delivery'>,
    teamsAppId: string | null = null,
  ) =>
    new MeetingEnder({
      ...parts,
      teamsAppId,
      clock: systemClock,
      settings: config.meeting,
      summaryRetentionDays: config.retention.summaryDays,
      pseudonyms,
      summaryUrl,
    });
  if (config.mode === 'local') {
    if (config.storage.kind !== 'connectionString')
      throw new Error('Local mode stores data in Azurite.');
    const connection = config.storage.connectionString;
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
    const roles = new LocalRoleDirectory();
    const meetings = new MeetingService({ ...base, store, roles, broadcaster: hub, endQueue });
    const ender = ending({ store, committer: meetings.committer, summaries, delivery: outbox });
    const verifier = new JwtTokenVerifier({ ...issuer.verifierOptions(), trustRoleClaim: true });
    return {
      config,
      verifier,
      meetings,
      store,
      roles,
      clock: systemClock,
      summaries,
      endQueue,
      ender,
      botAuth: null,
      local: { issuer, hub, tickets, outbox },
    };
  }
  const { entra, bot, webPubSub, storage } = config;
  if (entra === null || bot === null || webPubSub === null || storage.kind !== 'managedIdentity') {
    throw new Error(
      'Azure mode needs Entra, bot, Web PubSub and managed-identity storage settings.',
    );
  }
  const credential = new DefaultAzureCredential();
  const store = tableMeetingStoreFromEndpoint(storage.tableEndpoint, credential, config.tableName);
  const summaries = tableSummaryStoreFromEndpoint(storage.tableEndpoint, credential);
  const endQueue = StorageEndQueue.fromEndpoint(storage.queueEndpoint, credential);
  const tokens = new BotTokenProvider({
    clientId: bot.appId,
    clientSecret: bot.secret,
    tokenUrl: botTokenUrl(bot.tenantId),
  });
  const roles = new BotFrameworkRoleDirectory({ serviceUrl: bot.serviceUrl, tokens });
  const client = createWebPubSubClient({
    hub: webPubSub.hub,
    endpoint: webPubSub.endpoint,
    credential,
  });
  const broadcaster = new WebPubSubBroadcaster({ client });
  const notifier = new BotMeetingNotifier({
    serviceUrl: bot.serviceUrl,
    tokens,
    tabOrigin: config.tabOrigin,
    report: reportUndelivered,
  });
  const meetings = new MeetingService({
    ...base,
    store,
    roles,
    broadcaster,
    endQueue,
    notices: { notifier, contacts: new AesContactSealer(config.secret) },
  });
  const delivery = new BotCardDelivery({ serviceUrl: bot.serviceUrl, tokens });
  const ender = ending(
    { store, committer: meetings.committer, summaries, delivery },
    config.teamsAppId,
  );
  const verifier = new JwtTokenVerifier(
    entraVerifierOptions({
      clientId: entra.clientId,
      applicationIdUri: entra.applicationIdUri,
      allowedTenants: entra.allowedTenants,
    }),
  );
  return {
    config,
    verifier,
    meetings,
    store,
    roles,
    clock: systemClock,
    summaries,
    endQueue,
    ender,
    botAuth: new BotFrameworkAuth({ appId: bot.appId }),
    local: null,
  };
}

/** A provider that builds the services on first use and shares them afterwards. */
/** Counts and a reason only: recipients' ids never reach a log. */
function reportUndelivered(report: NoticeReport): void {
  if (report.failed === 0) return;
  console.warn(
    `Roundtable: ${report.failed} in-meeting "${report.notice}" notice(s) not delivered (${report.reason ?? 'unknown'}).`,
  );
}

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
