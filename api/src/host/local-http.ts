// The local host's side of node:http: reading a body within the limit, sending a Functions
// response, answering what Node cannot parse as problem+json, and CORS for the tab's origin.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { Duplex } from 'node:stream';
import functions from '@azure/functions';
import type { HttpResponseInit } from '@azure/functions';
import { PROBLEM_TYPE_BASE } from '@roundtable/core';
import { LiveBody } from '../adapters/local/live-body.js';
import { MAX_BODY_BYTES } from '../http/request.js';

const { HttpResponse } = functions;

/** How much of an oversized body is read and dropped before the connection is cut instead. */
const DRAIN_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * Keeps at most the limit in memory. Past it, the rest is read and dropped (up to DRAIN_LIMIT_BYTES)
 * so the 413 reaches the client: closing a socket that is still receiving resets the connection,
 * and the client would see that instead of the answer.
 */
export function readBody(request: IncomingMessage): Promise<Uint8Array | 'too-large'> {
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

export function send(
  response: ServerResponse,
  init: HttpResponseInit,
  extraHeaders: Record<string, string> = {},
): void {
  if (init.body instanceof LiveBody) {
    sendLive(response, init, init.body, extraHeaders);
    return;
  }
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

/** A live stream's frames go straight to the socket (see LiveBody for why). */
function sendLive(
  response: ServerResponse,
  init: HttpResponseInit,
  body: LiveBody,
  extraHeaders: Record<string, string>,
): void {
  response.statusCode = init.status ?? 200;
  new Headers(init.headers).forEach((value, name) => response.setHeader(name, value));
  response.setHeader('x-content-type-options', 'nosniff');
  for (const [name, value] of Object.entries(extraHeaders)) response.setHeader(name, value);
  const open = () => !response.destroyed && !response.writableEnded;
  response.on('close', () => {
    body.cancel().catch(() => undefined);
  });
  body.divert({
    // Written to the socket now: Node otherwise holds a response's writes until the next tick,
    // which comes only after the broadcasting command has also built and sent its own answer.
    write: (frame) => {
      if (!open()) return;
      const socket = response.socket;
      socket?.cork();
      response.write(frame);
      socket?.uncork();
    },
    // What Node holds for this response and its socket: the receiver has not taken it yet.
    backlog: () => response.writableLength,
    close: () => {
      if (open()) response.end();
    },
    fail: () => {
      response.destroy();
    },
  });
}

/**
 * Node answers requests it cannot parse (bad syntax, headers over 16 KiB, too slow) with a bare
 * status line; this answers them as problem+json like every other refusal.
 */
export function answerUnreadableRequest(error: Error & { code?: string }, socket: Duplex): void {
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

export function isLoopbackHost(host: string | undefined): boolean {
  const name = /^(\[[^\]]+\]|[^:]+)(?::\d+)?$/.exec(host ?? '')?.[1]?.toLowerCase();
  return name === 'localhost' || name === '127.0.0.1' || name === '[::1]';
}

export function corsHeaders(
  allowedOrigin: string,
  origin: string | undefined,
): Record<string, string> {
  if (origin !== allowedOrigin) return {};
  return {
    'access-control-allow-origin': allowedOrigin,
    'access-control-expose-headers': 'etag, retry-after',
    vary: 'Origin, Authorization',
  };
}

export function preflight(cors: Record<string, string>): Record<string, string> {
  if (!('access-control-allow-origin' in cors)) return {};
  return {
    ...cors,
    'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
    'access-control-allow-headers': 'authorization, content-type, if-none-match',
    'access-control-max-age': '600',
  };
}
