// Entry point for the Azure Functions host: registers the route table with app.http. Services are
// built on the first request, so a missing setting surfaces as a clear 500 log, not a failed load.
import functions from '@azure/functions';
import { createServices, lazyServices } from './composition.js';
import { isLocalMode, readConfig } from './config.js';
import { localSecret } from './host/local-secret.js';
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
