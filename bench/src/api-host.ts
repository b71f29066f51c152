// The API as the benchmarks drive it, in its own process: the local host's route table and
// handlers over the services `npm start` builds (createServices), except that the meeting service
// is rebuilt with the batch size from BENCH_MAX_BATCH (1 = coalescing off), the state layout from
// BENCH_INLINE_STATE_BYTES and a Table Storage client that counts every HTTP request it sends and
// the bytes of each body. The benchmark reads the counts, and the memory, over IPC.
import { randomInt } from 'node:crypto';
import { HmacPseudonymiser } from '@roundtable/api/adapters/hmac-pseudonymiser.js';
import { LocalRoleDirectory } from '@roundtable/api/adapters/local/local-role-directory.js';
import { StorageEndQueue } from '@roundtable/api/adapters/storage/storage-end-queue.js';
import { tableClientFromConnectionString } from '@roundtable/api/adapters/storage/table-clients.js';
import { TableMeetingStore } from '@roundtable/api/adapters/storage/table-meeting-store.js';
import { MeetingService } from '@roundtable/api/application/meeting-service.js';
import { RateLimiter } from '@roundtable/api/application/rate-limiter.js';
import { createServices } from '@roundtable/api/composition.js';
import { readConfig } from '@roundtable/api/config.js';
import { startLocalHost } from '@roundtable/api/host/local-host.js';
import { routeTable } from '@roundtable/api/routes.js';
import type { HostMessage } from './api.js';

type Pipeline = ReturnType<typeof tableClientFromConnectionString>['pipeline'];
type Policy = Parameters<Pipeline['addPolicy']>[0];

async function main(): Promise<void> {
  const config = readConfig(process.env);
  if (config.mode !== 'local') throw new Error('The benchmark runs in local mode.');
  const services = await createServices(config);
  if (services.local === null) throw new Error('The benchmark needs local mode.');
  const requests: Record<string, number> = {};
  // Request bodies sent (what a commit writes) and response bodies received, in bytes.
  const bytes = { written: 0, read: 0 };
  // How long each Table Storage request took, in order; the benchmark reads the ones it caused.
  const durations: number[] = [];
  const client = tableClientFromConnectionString(config.storageConnection, config.tableName);
  const counter: Policy = {
    name: 'benchRequestCounter',
    sendRequest: async (request, next) => {
      const kind = requestKind(request.method, request.url);
      requests[kind] = (requests[kind] ?? 0) + 1;
      bytes.written += bodyBytes(request.body);
      const started = performance.now();
      try {
        const response = await next(request);
        bytes.read += Buffer.byteLength(response.bodyAsText ?? '');
        return response;
      } finally {
        durations.push(performance.now() - started);
      }
    },
  };
  // After the retry policy, so that a retried request counts each time it is sent.
  client.pipeline.addPolicy(counter, { afterPhase: 'Retry' });
  // '' keeps the store's own threshold; 'Infinity' writes the whole state with every commit.
  const inline = process.env.BENCH_INLINE_STATE_BYTES ?? '';
  const store = new TableMeetingStore(
    client,
    inline === '' ? {} : { inlineStateBytes: Number(inline) },
  );
  const meetings = new MeetingService({
    store,
    roles: new LocalRoleDirectory(),
    broadcaster: services.local.hub,
    endQueue: StorageEndQueue.fromConnectionString(config.storageConnection),
    pseudonyms: new HmacPseudonymiser(config.secret),
    clock: () => Date.now(),
    random: () => randomInt(0, 2 ** 48) / 2 ** 48,
    settings: config.meeting,
    rateLimiter: new RateLimiter(),
    maxBatch: Number(process.env.BENCH_MAX_BATCH ?? '90'),
    answerBeforeAnnouncing: process.env.BENCH_ANNOUNCE === 'background',
  });
  const bench = { ...services, store, meetings };
  const host = await startLocalHost({
    routes: routeTable(() => Promise.resolve(bench)),
    port: 0,
    allowedOrigin: config.tabOrigin,
  });
  const send = (message: HostMessage) => process.send?.(message);
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'stats') {
      send({
        type: 'stats',
        requests: { ...requests },
        bytes: { ...bytes },
        committer: { ...meetings.committer.stats },
        storageMs: [...durations],
      });
    }
    if (message.type === 'memory') send({ type: 'memory', ...memoryNow() });
  });
  const stop = () => {
    services.local?.hub.close();
    void host.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  // The benchmark went away (even by SIGKILL): so does this host.
  process.once('disconnect', stop);
  send({ type: 'ready', url: host.url });
}

/** Bytes of a request body as sent: the SDK sends JSON and transactions as strings. */
function bodyBytes(body: unknown): number {
  if (typeof body === 'string') return Buffer.byteLength(body);
  if (body instanceof Uint8Array || body instanceof ArrayBuffer) return body.byteLength;
  return 0;
}

/** The heap after a full collection (the host runs with --expose-gc), and the resident set. */
function memoryNow() {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  const { heapUsed, rss, external, arrayBuffers } = process.memoryUsage();
  return { collected: collect !== undefined, heapUsed, rss, external, arrayBuffers };
}

/** transaction, point read, query or other: enough to see what a command costs. */
function requestKind(method: string, url: string): string {
  const path = decodeURIComponent(new URL(url).pathname);
  if (method === 'POST' && path.endsWith('/$batch')) return 'transaction';
  if (method === 'GET' && /PartitionKey='.*',RowKey='.*'\)$/.test(path)) return 'point read';
  if (method === 'GET') return 'query';
  return `${method.toLowerCase()} other`;
}

main().catch((error: unknown) => {
  console.error(`bench API host: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
