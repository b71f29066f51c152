// The real local host over real sockets: fuzzed request lines, paths, headers and bodies (bytes no
// browser would send), oversized and deeply nested bodies, foreign Host names, and CORS.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_BODY_BYTES } from '../../api/src/http/request.js';
import { startLocalHost, type LocalHost } from '../../api/src/host/local-host.js';
import { RateLimiter } from '../../api/src/application/rate-limiter.js';
import { figuresFor } from './figures.js';
import {
  expectSafeAnswer,
  expectWholeState,
  jsonOrNull,
  stored,
  testApi,
  type TestApi,
} from './harness.js';
import { rawRequest, type RawAnswer } from './raw-http.js';

const figures = figuresFor('http-host');
const TAB_ORIGIN = 'http://127.0.0.1:53000';
const MEETING = 'http-fuzz';
const RUNS = 600;

let api: TestApi;
let host: LocalHost;
let port: number;
let token: string;

beforeAll(async () => {
  api = await testApi({ rateLimiter: new RateLimiter({ capacity: 1e9, windowMs: 1000 }) });
  host = await startLocalHost({ routes: api.routes, port: 0, allowedOrigin: TAB_ORIGIN });
  port = Number(new URL(host.url).port);
  token = await api.tokenFor('Ana', 'organizer');
  // The organiser's first command opens the session the fuzzing aims at.
  const opened = await fetch(`${host.url}/api/meetings/${MEETING}/commands`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id: randomUUID(), type: 'unlock' }),
  });
  expect(opened.status).toBe(200);
});

afterAll(async () => {
  api.close();
  await host.close();
});

function answerOf(raw: RawAnswer) {
  return {
    status: raw.status,
    contentType: raw.headers['content-type'] ?? '',
    json: jsonOrNull(raw.body),
  };
}

const text = (pieces: readonly string[]) => pieces.join('\r\n');

const idVariants = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }).map(encodeURIComponent),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(
    '',
    '..',
    '.',
    '%2F',
    'a%2Fb',
    '%2e%2e',
    '%',
    '%zz',
    '%C0%AF',
    '%ED%A0%80',
    '%00',
    '%E2%80%AE',
    'a b',
    '\t',
    '~',
  ),
  fc.integer({ min: 500, max: 20_000 }).map((n) => 'x'.repeat(n)),
);
const suffixes = fc.constantFrom(
  '',
  '/',
  '/commands',
  '/live',
  '/live/events?ticket=x.y',
  '/summary',
  '//commands',
  '/commands/',
  '/../../health',
  '/%2e%2e/%2e%2e/health',
  '?x=%',
  '#frag',
);
const targets = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.tuple(idVariants, suffixes).map(([id, suffix]) => `/api/meetings/${id}${suffix}`),
  },
  fc.string({ maxLength: 40 }).map((junk) => `/api/dev/outbox?meetingId=${junk}`),
  fc
    .tuple(idVariants, idVariants)
    .map(([series, id]) => `/api/series/${series}/summaries?meetingId=${id}`),
  fc.constantFrom(
    `/api/meetings/${MEETING}`,
    `/api/meetings/${MEETING}/commands`,
    '*',
    'http://evil.example/api/health',
    '//api/health',
    '/api//health',
    '/API/HEALTH',
    '/api/health?__proto__=1&constructor=x',
    '/',
    '/api',
    '/api/dev/token',
    '/api/messages',
  ),
);
const methods = fc.constantFrom(
  'GET',
  'GET',
  'POST',
  'POST',
  'DELETE',
  'OPTIONS',
  'PUT',
  'PATCH',
  'FOO',
  'get',
  'GET /x',
);
const hostHeaders = fc.oneof(
  { weight: 8, arbitrary: fc.constant('127.0.0.1:PORT') },
  fc.constantFrom(
    'localhost:PORT',
    '[::1]:PORT',
    'evil.example',
    '127.0.0.1.evil.example',
    '',
    null,
  ),
);
const authorizations = fc.constantFrom(
  'valid',
  'valid',
  'none',
  'Bearer junk',
  'Bearer ',
  `Bearer ${'A'.repeat(20_000)}`,
);
const bodies = fc.oneof(
  fc
    .constantFrom('join', 'leave')
    .map((type) => JSON.stringify({ id: randomUUID(), type, kind: 'point' })),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.integer({ min: MAX_BODY_BYTES - 10, max: MAX_BODY_BYTES * 3 }).map((n) => 'x'.repeat(n)),
);
const framings = fc.constantFrom('length', 'length', 'chunked', 'bad-chunk', 'none');
const extras = fc.array(
  fc.constantFrom(
    'Origin: http://127.0.0.1:53000',
    'Origin: https://evil.example',
    'Origin: null',
    'If-None-Match: "1"',
    'If-None-Match: *',
    'Content-Type: text/plain',
    'X-Forwarded-Host: evil.example',
    'NoColonHeader',
    ' folded: value',
    'X-Bad: a\u0000b',
    `X-Huge: ${'h'.repeat(20_000)}`,
    'Content-Length: abc',
  ),
  { maxLength: 3 },
);

function build(parts: {
  method: string;
  target: string;
  host: string | null;
  authorization: string;
  body: string;
  framing: string;
  extras: readonly string[];
}): Buffer {
  const head = [`${parts.method} ${parts.target} HTTP/1.1`];
  if (parts.host !== null) head.push(`Host: ${parts.host.replace('PORT', String(port))}`);
  if (parts.authorization === 'valid') head.push(`Authorization: Bearer ${token}`);
  else if (parts.authorization !== 'none') head.push(`Authorization: ${parts.authorization}`);
  head.push('Connection: close', ...parts.extras);
  const sendsBody = ['POST', 'PUT', 'PATCH'].includes(parts.method) && parts.framing !== 'none';
  if (!sendsBody) return Buffer.from(`${text(head)}\r\n\r\n`, 'utf8');
  head.push('Content-Type: application/json');
  const bytes = Buffer.from(parts.body, 'utf8');
  if (parts.framing === 'length') {
    head.push(`Content-Length: ${bytes.length}`);
    return Buffer.concat([Buffer.from(`${text(head)}\r\n\r\n`, 'utf8'), bytes]);
  }
  head.push('Transfer-Encoding: chunked');
  const size = parts.framing === 'bad-chunk' ? 'zz' : bytes.length.toString(16);
  return Buffer.concat([
    Buffer.from(`${text(head)}\r\n\r\n${size}\r\n`, 'utf8'),
    bytes,
    Buffer.from('\r\n0\r\n\r\n', 'utf8'),
  ]);
}

describe('the local host under hostile HTTP', () => {
  figures.attack(
    'fuzzed request lines, paths, Host names, headers, framings and bodies over real sockets',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            method: methods,
            target: targets,
            host: hostHeaders,
            authorization: authorizations,
            body: bodies,
            framing: framings,
            extras,
          }),
          async (parts) => {
            const before = await stored(api, MEETING);
            const raw = await rawRequest(port, build(parts));
            figures.tried('http', raw.status);
            const answer = answerOf(raw);
            expectSafeAnswer(answer, [token]);
            const after = await stored(api, MEETING);
            assert.ok(after !== null && before !== null);
            expectWholeState(after.state);
            if (raw.status !== 200)
              assert.equal(after.version, before.version, `${raw.status} moved the version`);
          },
        ),
        { numRuns: RUNS, endOnFailure: true },
      );
    },
  );

  figures.attack(
    'a body over 16 KiB is refused with 413 before it is read, declared or streamed',
    async () => {
      const big = 'x'.repeat(MAX_BODY_BYTES + 1);
      const declared = await rawRequest(
        port,
        `POST /api/meetings/${MEETING}/commands HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${big.length}\r\nConnection: close\r\n\r\n${big}`,
      );
      const streamed = await rawRequest(
        port,
        `POST /api/meetings/${MEETING}/commands HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${(1024 * 1024).toString(16)}\r\n${'y'.repeat(1024 * 1024)}\r\n0\r\n\r\n`,
      );
      for (const raw of [declared, streamed]) {
        expect(raw.status).toBe(413);
        expectSafeAnswer(answerOf(raw), [token]);
        expect(raw.body).toContain('16 KiB');
      }
    },
  );

  figures.attack('100 000 levels of nested JSON: 413, the process still answers', async () => {
    for (const nested of [
      '['.repeat(100_000) + ']'.repeat(100_000),
      '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000),
    ]) {
      const response = await fetch(`${host.url}/api/meetings/${MEETING}/commands`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: nested,
      });
      expect(response.status).toBe(413);
    }
    expect((await fetch(`${host.url}/api/health`)).status).toBe(200);
  });

  figures.attack('headers over 16 KiB: 431 as problem+json, not a bare status line', async () => {
    const raw = await rawRequest(
      port,
      `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Huge: ${'h'.repeat(20_000)}\r\nConnection: close\r\n\r\n`,
    );
    expect(raw.status).toBe(431);
    expectSafeAnswer(answerOf(raw));
  });

  figures.attack(
    'a foreign Host name (DNS rebinding) is refused before any route runs',
    async () => {
      const body = JSON.stringify({ name: 'Mallory', role: 'organizer' });
      const raw = await rawRequest(
        port,
        `POST /api/dev/token HTTP/1.1\r\nHost: rebound.example:${port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
      );
      expect(raw.status).toBe(400);
      expectSafeAnswer(answerOf(raw));
      expect(raw.body).not.toContain('token"');
    },
  );
});

describe('CORS allows only the tab origin', () => {
  const preflight = (origin: string) =>
    fetch(`${host.url}/api/meetings/${MEETING}/commands`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });

  figures.attack('a preflight from the tab is allowed with its methods and headers', async () => {
    const response = await preflight(TAB_ORIGIN);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(TAB_ORIGIN);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(response.headers.get('vary')).toContain('Origin');
  });

  for (const origin of [
    'https://evil.example',
    'null',
    'http://127.0.0.1:53001',
    'http://localhost:53000',
    `${TAB_ORIGIN}.evil.example`,
  ]) {
    figures.attack(
      `a foreign origin (${origin}) gets no CORS grant, on preflight or request`,
      async () => {
        const before = await preflight(origin);
        expect(before.headers.get('access-control-allow-origin')).toBeNull();
        expect(before.headers.get('access-control-allow-methods')).toBeNull();
        const actual = await fetch(`${host.url}/api/meetings/${MEETING}`, {
          headers: { origin, authorization: `Bearer ${token}` },
        });
        expect(actual.headers.get('access-control-allow-origin')).toBeNull();
        expect(actual.headers.get('access-control-allow-credentials')).toBeNull();
      },
    );
  }

  figures.attack(
    'an actual request from the tab carries the grant and exposes only ETag and Retry-After',
    async () => {
      const response = await fetch(`${host.url}/api/meetings/${MEETING}`, {
        headers: { origin: TAB_ORIGIN, authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(TAB_ORIGIN);
      expect(response.headers.get('access-control-expose-headers')).toBe('etag, retry-after');
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    },
  );
});
