// `node api/dist/host/start-local.js`: the local API on port 7071 (ROUNDTABLE_API_PORT), using the
// same route table as the Functions host. Expects Azurite; `npm start` starts both.
import {
  END_QUEUE_NAME,
  poisonQueueName,
  queueClientFromConnectionString,
} from '../adapters/storage-end-queue.js';
import { endIdleMeetings, purgeExpired } from '../application/housekeeping.js';
import { createServices, lazyServices } from '../composition.js';
import { ConfigError, readConfig } from '../config.js';
import { routeTable } from '../routes.js';
import { startLocalHost } from './local-host.js';
import { startQueueWorker, startTimer } from './local-queue-worker.js';
import { localSecret } from './local-secret.js';

const port = Number(process.env.ROUNDTABLE_API_PORT ?? '7071');

async function main(): Promise<void> {
  const config = readConfig(process.env, localSecret);
  const services = await createServices(config);
  const host = await startLocalHost({
    routes: routeTable(lazyServices(() => Promise.resolve(services))),
    port,
    host: process.env.ROUNDTABLE_API_HOST ?? '127.0.0.1',
    allowedOrigin: config.tabOrigin,
  });
  console.log(`Roundtable API (local mode) listening on ${host.url}/api`);
  // The Functions host would run these as a queue trigger and timers; locally this process does.
  const log = (line: string) => {
    console.error(`[api] ${line}`);
  };
  const connection =
    config.storage.kind === 'connectionString' ? config.storage.connectionString : '';
  const background = [
    startQueueWorker({
      queue: queueClientFromConnectionString(connection),
      poisonQueue: queueClientFromConnectionString(connection, poisonQueueName(END_QUEUE_NAME)),
      handle: async (job) => {
        await services.ender.run(job);
      },
      log,
    }),
    startTimer({
      everyMs: 15 * 60_000,
      run: () =>
        endIdleMeetings(services.store, services.endQueue, Date.now()).then(() => undefined),
      log,
    }),
    startTimer({
      everyMs: 24 * 60 * 60_000,
      run: () =>
        purgeExpired(
          services.store,
          services.summaries,
          Date.now(),
          config.retention.recordDays,
        ).then(() => undefined),
      log,
    }),
  ];
  const stop = () => {
    services.local?.hub.close();
    void Promise.all(background.map((work) => work.stop()))
      .then(() => host.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') {
    console.error(
      `Port ${port} is busy: is another Roundtable or Functions host running? Stop it, or set ROUNDTABLE_API_PORT.`,
    );
  } else if (error instanceof ConfigError) {
    console.error(`Roundtable API cannot start: ${error.message}`);
  } else {
    console.error(
      `Roundtable API cannot start: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  process.exit(1);
});
