// A small node:http host that serves the same route table and handlers as the Functions host,
// for machines without Azure Functions Core Tools. It adds CORS for the tab's origin.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import functions from '@azure/functions';
import type { HttpResponseInit } from '@azure/functions';
import { MAX_BODY_BYTES } from '../http/request.js';
import { problem } from '../http/responses.js';
import type { Route } from '../routes.js';
import { matchRoute } from './route-matcher.js';

const { HttpRequest, HttpResponse, InvocationContext } = functions;

export interface LocalHostOptions {
  readonly routes: readonly Route[];
  readonly port: number;
  readonly host?: string;
  /** The only browser origin allowed to call the API (the tab). */
  readonly allowedOrigin: string;
}

export interface LocalHost {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

export async function startLocalHost(options: LocalHostOptions): Promise<LocalHost> {
  const server = createServer((request, response) => {
    // A client that hangs up mid-request must never take the process down with it.
    serve(options, request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
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
  const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
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
        : 'There is no such route; see the README for the list.';
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
      cors,
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

/** Reads at most one byte past the limit, so an oversized body is refused without buffering it. */
async function readBody(request: IncomingMessage): Promise<Uint8Array | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      request.destroy();
      return 'too-large';
    }
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
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
