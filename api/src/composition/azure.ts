// Azure's adapters: Table Storage and queues through the managed identity, Web PubSub, Entra
// sign-in, and Teams through the Bot Connector (one Entra app for the bot, SSO and consent).
import { azureCredential } from '../adapters/azure-credential.js';
import { AesContactSealer } from '../adapters/contact-sealer.js';
import { JwtTokenVerifier, entraVerifierOptions } from '../adapters/jwt-token-verifier.js';
import { StorageEndQueue } from '../adapters/storage/storage-end-queue.js';
import { tableMeetingStoreFromEndpoint } from '../adapters/storage/table-meeting-store.js';
import { tableSummaryStoreFromEndpoint } from '../adapters/storage/table-summary-store.js';
import { BotFrameworkAuth } from '../adapters/teams/bot-auth.js';
import { BotConnector } from '../adapters/teams/bot-connector.js';
import { graphFollowUpParts } from '../adapters/teams/graph/graph-wiring.js';
import { BotTokenProvider, botTokenUrl } from '../adapters/teams/bot-token-provider.js';
import { TeamsCardDelivery } from '../adapters/teams/card-delivery.js';
import { TeamsMeetingDirectory } from '../adapters/teams/meeting-directory.js';
import { TeamsMeetingNotifier, type NoticeReport } from '../adapters/teams/meeting-notifier.js';
import { tableServiceUrlsFromEndpoint } from '../adapters/teams/service-urls.js';
import { WebPubSubBroadcaster, createWebPubSubClient } from '../adapters/web-pubsub-broadcaster.js';
import { LOOKUP_RATE_LIMIT, RateLimiter } from '../application/rate-limiter.js';
import type { AzureConfig } from '../config.js';
import type { Adapters } from './adapters.js';

export function azureAdapters(config: AzureConfig): Adapters {
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
