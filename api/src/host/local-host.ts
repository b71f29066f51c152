// A small node:http host that serves the same route table and handlers as the Functions host,
// for machines without Azure Functions Core Tools. It adds CORS for the tab's origin.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { Duplex } from 'node:stream';
import functions from '@azure/functions';
import { PROBLEM_TYPE_BASE } from '@roundtable/core';
import type { HttpResponseInit } from '@azure/functions';
import { MAX_BODY_BYTES } from '../http/request.js';
import { problem } from '../http/responses.js';
import type { Route } from '../routes.js';
import { matchRoute } from './route-matcher.js';

const { HttpRequest, HttpResponse, InvocationContext } = functions;

/** How much of an oversized body is read and dropped before the connection is cut instead. */
const DRAIN_LIMIT_BYTES = 8 * 1024 * 1024;

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

/**
 * Keeps at most the limit in memory. Past it, the rest is read and dropped (up to DRAIN_LIMIT_BYTES)
 * so the 413 reaches the client: closing a socket that is still receiving resets the connection,
 * and the client would see that instead of the answer.
 */
function readBody(request: IncomingMessage): Promise<Uint8Array | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT_BYTES) {
        request.destroy();
        return;
      }
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      resolve(new Uint8Array(Buffer.concat(chunks)));
    });
    request.on('error', reject);
    request.on('close', () => {
      if (!request.complete) reject(new Error('The client closed the request before sending it.'));
    });
  });
}

function send(
  response: ServerResponse,
  init: HttpResponseInit,
  extraHeaders: Record<string, string> = {},
): void {
  const web = new HttpResponse(init);
  response.statusCode = web.status;
  web.headers.forEach((value, name) => response.setHeader(name, value));
  response.setHeader('x-content-type-options', 'nosniff');
  for (const [name, value] of Object.entries(extraHeaders)) response.setHeader(name, value);
  if (web.body === null) {
    response.end();
    return;
  }
  const stream = Readable.fromWeb(web.body);
  response.on('close', () => stream.destroy());
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}

/**
 * Node answers requests it cannot parse (bad syntax, headers over 16 KiB, too slow) with a bare
 * status line; this answers them as problem+json like every other refusal.
 */
function answerUnreadableRequest(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, title, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [
          431,
          'Headers too large',
          'The request headers are larger than 16 KiB; send fewer or shorter ones.',
        ]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request timeout', 'The request took too long to arrive; send it again.']
        : [
            400,
            'Unreadable request',
            'The request is not valid HTTP/1.1; check its request line and headers.',
          ];
  const body = JSON.stringify({
    type: `${PROBLEM_TYPE_BASE}${status}`,
    title,
    status,
    detail,
  });
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\n` +
      'Content-Type: application/problem+json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n' +
      body,
  );
}

function isLoopbackHost(host: string | undefined): boolean {
  const name = /^(\[[^\]]+\]|[^:]+)(?::\d+)?$/.exec(host ?? '')?.[1]?.toLowerCase();
  return name === 'localhost' || name === '127.0.0.1' || name === '[::1]';
}

function corsHeaders(allowedOrigin: string, origin: string | undefined): Record<string, string> {
  if (origin !== allowedOrigin) return {};
  return {
    'access-control-allow-origin': allowedOrigin,
    'access-control-expose-headers': 'etag, retry-after',
    vary: 'Origin, Authorization',
  };
}

function preflight(cors: Record<string, string>): Record<string, string> {
  if (!('access-control-allow-origin' in cors)) return {};
  return {
    ...cors,
    'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
    'access-control-allow-headers': 'authorization, content-type, if-none-match',
    'access-control-max-age': '600',
  };
}

/** Handlers log only what is safe to log; locally it goes to stderr without the request. */
function quietLog(level: string, ...args: unknown[]): void {
  if (level === 'error' || level === 'warning')
    console.error(`[api] ${args.map(String).join(' ')}`);
}
