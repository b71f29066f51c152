// `node api/dist/host/start-local.js`: the local API on port 7071 (ROUNDTABLE_API_PORT), using the
// same route table as the Functions host. Expects Azurite; `npm start` starts both.
import {
  END_QUEUE_NAME,
  poisonQueueName,
  queueClientFromConnectionString,
} from '../adapters/storage/storage-end-queue.js';
import { createServices, lazyServices } from '../composition.js';
import { ConfigError, readConfig } from '../config.js';
import {
  decodeMeasuresJob,
  MEASURES_QUEUE_NAME,
} from '../adapters/storage/storage-measures-queue.js';
import { END_JOB, MEASURES_JOB, TIMER_JOBS } from '../jobs.js';
import { routeTable } from '../routes.js';
import { startLocalHost } from './local-host.js';
import { startQueueWorker, startTimer } from '../adapters/storage/local-queue-worker.js';
import { localSecret } from './local-secret.js';

const port = Number(process.env.ROUNDTABLE_API_PORT ?? '7071');

async function main(): Promise<void> {
  if (process.env.ROUNDTABLE_MODE !== 'local') {
    // Local mode issues its own sign-in tokens, so it is never assumed: `npm start` asks for it.
    throw new ConfigError('The local host needs ROUNDTABLE_MODE=local (npm start sets it).');
  }
  const config = readConfig(process.env, localSecret);
  const services = await createServices(config);
  const host = await startLocalHost({
    routes: routeTable(lazyServices(() => Promise.resolve(services))),
    port,
    allowedOrigin: config.tabOrigin,
  });
  console.log(`Roundtable API (local mode) listening on ${host.url}/api`);
  // The Functions host would run these as a queue trigger and timers; locally this process does.
  const log = (line: string) => {
    console.error(`[api] ${line}`);
  };
  if (config.mode !== 'local') throw new ConfigError('The local host runs in local mode only.');
  const connection = config.storageConnection;
  const background = [
    startQueueWorker({
      queue: queueClientFromConnectionString(connection),
      poisonQueue: queueClientFromConnectionString(connection, poisonQueueName(END_QUEUE_NAME)),
      handle: async (job) => {
        await END_JOB.run(services, job);
      },
      log,
    }),
    // The looks at what the local Graph recorded, seconds after each ending (decision 012).
    ...(services.measures
      ? [
          startQueueWorker({
            queue: queueClientFromConnectionString(connection, MEASURES_QUEUE_NAME),
            poisonQueue: queueClientFromConnectionString(
              connection,
              poisonQueueName(MEASURES_QUEUE_NAME),
            ),
            decode: decodeMeasuresJob,
            label: 'Measures job',
            handle: (job) => MEASURES_JOB.run(services, job),
            log,
          }),
        ]
      : []),
    ...TIMER_JOBS.map((job) =>
      startTimer({
        everyMs: job.everyMs,
        run: () => job.run(services, Date.now()).then(() => undefined),
        log,
      }),
    ),
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
