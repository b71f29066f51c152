// A small node:http host that serves the same route table and handlers as the Functions host,
// for machines without Azure Functions Core Tools. It adds CORS for the tab's origin.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import functions from '@azure/functions';
import { MAX_BODY_BYTES } from '../http/request.js';
import { problem } from '../http/responses.js';
import type { Route } from '../routes.js';
import {
  answerUnreadableRequest,
  corsHeaders,
  isLoopbackHost,
  preflight,
  readBody,
  send,
} from './local-http.js';
import { matchRoute } from './route-matcher.js';

const { HttpRequest, InvocationContext } = functions;

export interface LocalHostOptions {
  readonly routes: readonly Route[];
  readonly port: number;
  /** A loopback address only (the default 127.0.0.1): the local host hands out sign-ins. */
  readonly host?: string;
  /** The only browser origin allowed to call the API (the tab). */
  readonly allowedOrigin: string;
}

export interface LocalHost {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/** Addresses the local host may listen on: this computer only. */
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export async function startLocalHost(options: LocalHostOptions): Promise<LocalHost> {
  // Anyone who reaches the local host can sign in as anyone, with any role (POST /api/dev/token);
  // listening on a network address would offer that to the network.
  const listenOn = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(listenOn)) {
    throw new Error(
      `The local API listens on this computer only (127.0.0.1 or ::1), not ${listenOn}: it signs anyone in as anyone.`,
    );
  }
  // Without a Host header the request is answered below, as problem+json, like a foreign Host.
  const server = createServer({ requireHostHeader: false }, (request, response) => {
    // A client that hangs up mid-request must never take the process down with it.
    serve(options, request, response).catch(() => response.destroy());
  });
  // A request that is slow to arrive holds a socket; live streams are responses, not requests.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.on('clientError', answerUnreadableRequest);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, listenOn, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${listenOn === '::1' ? '[::1]' : listenOn}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

async function serve(
  options: LocalHostOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const cors = corsHeaders(options.allowedOrigin, request.headers.origin);
  if (!isLoopbackHost(request.headers.host)) {
    // Refusing other Host names stops a web page that rebinds its DNS name to 127.0.0.1 from
    // minting local tokens through this API.
    send(
      response,
      problem(400, 'Unknown host', 'The local API answers only on localhost or 127.0.0.1.'),
    );
    return;
  }
  const url = URL.parse(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
  if (url === null) {
    send(response, problem(400, 'Invalid address', 'The request path could not be read.'), cors);
    return;
  }
  if (request.method === 'OPTIONS') {
    send(response, { status: 204, headers: preflight(cors) });
    return;
  }
  const match = matchRoute(options.routes, request.method ?? 'GET', url.pathname);
  if (match.kind !== 'found') {
    const status = match.kind === 'method' ? 405 : 404;
    const detail =
      status === 405
        ? 'This route does not accept that method.'
        : 'There is no such route; api/README.md lists them.';
    send(
      response,
      problem(status, status === 405 ? 'Method not allowed' : 'Not found', detail),
      cors,
    );
    return;
  }
  const body = await readBody(request);
  if (body === 'too-large') {
    send(
      response,
      problem(413, 'Body too large', `Request bodies are limited to ${MAX_BODY_BYTES / 1024} KiB.`),
      { ...cors, connection: 'close' },
    );
    return;
  }
  const headers = Object.fromEntries(
    Object.entries(request.headers).flatMap(([name, value]) =>
      value === undefined ? [] : [[name, String(value)]],
    ),
  );
  const httpRequest = new HttpRequest({
    method: request.method ?? 'GET',
    url: url.toString(),
    headers,
    query: Object.fromEntries(url.searchParams),
    params: match.params,
    ...(body.length > 0 ? { body: { bytes: body } } : {}),
  });
  const context = new InvocationContext({ functionName: match.route.name, logHandler: quietLog });
  send(response, await match.route.handler(httpRequest, context), cors);
}

/** Handlers log only what is safe to log; locally it goes to stderr without the request. */
function quietLog(level: string, ...args: unknown[]): void {
  if (level === 'error' || level === 'warning')
    console.error(`[api] ${args.map(String).join(' ')}`);
}
