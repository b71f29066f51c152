// Local mode's adapters: Azurite for storage and queues, server-sent events for live updates, a
// local sign-in, an outbox for cards, and a loopback Graph standing in for Microsoft's cloud.
import { JwtTokenVerifier } from '../adapters/jwt-token-verifier.js';
import { LiveTickets } from '../adapters/local/live-tickets.js';
import { localGraphParts, watchedBroadcaster } from '../adapters/local/local-graph-wiring.js';
import { LocalRoleDirectory } from '../adapters/local/local-role-directory.js';
import { LocalTokenIssuer } from '../adapters/local/local-token-issuer.js';
import { SseHub } from '../adapters/local/sse-hub.js';
import { StorageEndQueue } from '../adapters/storage/storage-end-queue.js';
import { tableMeetingStoreFromConnectionString } from '../adapters/storage/table-meeting-store.js';
import { tableSummaryStoreFromConnectionString } from '../adapters/storage/table-summary-store.js';
import { outboxDeliveryFromConnectionString } from '../adapters/local/outbox-delivery.js';
import type { LocalConfig } from '../config.js';
import type { Adapters } from './adapters.js';
import { systemClock } from './clock.js';

export async function localAdapters(config: LocalConfig): Promise<Adapters> {
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
