// Entry point for the Azure Functions host: the route table with app.http, and the job table
// (jobs.ts): the ending job as a queue trigger, and the timers. Services are built on first use, so a missing setting surfaces as
// a clear error in the log rather than a failed load.
import functions from '@azure/functions';
import { END_QUEUE_NAME, parseEndJob } from './adapters/storage/storage-end-queue.js';
import {
  MEASURES_QUEUE_NAME,
  parseMeasuresJob,
} from './adapters/storage/storage-measures-queue.js';
import { createServices, lazyServices } from './composition.js';
import { isLocalMode, readConfig } from './config.js';
import { localSecret } from './host/local-secret.js';
import { END_JOB, MEASURES_JOB, TIMER_JOBS } from './jobs.js';
import { routeTable } from './routes.js';

const { app } = functions;

app.setup({ enableHttpStream: true });

const local = isLocalMode(process.env);
const services = lazyServices(() =>
  createServices(readConfig(process.env, local ? localSecret : undefined)),
);

for (const route of routeTable(services)) {
  if (route.localOnly && !local) continue;
  app.http(route.name, {
    methods: [...route.methods],
    route: route.route,
    authLevel: 'anonymous',
    handler: route.handler,
  });
}

app.storageQueue(END_JOB.name, {
  queueName: END_QUEUE_NAME,
  connection: 'AzureWebJobsStorage',
  handler: async (message) => {
    // The host has already decoded the base64 JSON; a malformed job is retried, then poisoned.
    const job = parseEndJob(message);
    if (job === null) throw new Error('Not a valid ending job.');
    await END_JOB.run(await services(), job);
  },
});

// Locally the looks read the local Graph (adapters/local/local-graph.ts); none runs when it is off.
app.storageQueue(MEASURES_JOB.name, {
  queueName: MEASURES_QUEUE_NAME,
  connection: 'AzureWebJobsStorage',
  handler: async (message) => {
    const job = parseMeasuresJob(message);
    if (job === null) throw new Error('Not a valid measures job.');
    await MEASURES_JOB.run(await services(), job);
  },
});

for (const job of TIMER_JOBS) {
  app.timer(job.name, {
    schedule: job.schedule,
    handler: async () => {
      await job.run(await services(), Date.now());
    },
  });
}
