// Fuzzed bodies, headers, path parameters and query strings through the route handlers in-process:
// never a 5xx, every 4xx is problem+json naming the problem without echoing the token, and the
// meeting's stored state stays whole, its version moving only when a command is accepted.
import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { type MeetingState, type Role, ENTRY_KINDS, QUEUE_MODES } from '@roundtable/core';
import { stepArbitrary } from '../core/command-streams.js';
import { RateLimiter } from '../../api/src/application/rate-limiter.js';
import { figuresFor } from './figures.js';
import {
  expectSafeAnswer,
  expectWholeState,
  invoke,
  stored,
  testApi,
  type Answer,
  type TestApi,
} from './harness.js';

const figures = figuresFor('fuzz-handlers');
const PEOPLE: Record<string, Role> = {
  Olu: 'organizer',
  Pat: 'presenter',
  Ana: 'attendee',
  Ben: 'attendee',
  Cai: 'attendee',
};
const NAMES = Object.keys(PEOPLE);
const RUNS = { bodies: 2500, headers: 1200, paths: 1200, queries: 800, outage: 300 };

let api: TestApi;
let tokens: Record<string, string>;
let meetingId = '';
let meetings = 0;

/** A fresh meeting with everyone present; used again whenever a fuzzed command ends one. */
async function openMeeting(): Promise<void> {
  meetingId = `fuzz-${++meetings}`;
  // An organiser's first command opens the session; then everyone arrives in it.
  const organiser = NAMES.find((name) => PEOPLE[name] === 'organizer') ?? '';
  const opened = await invoke(api.routes, 'commands-post', {
    params: { meetingId },
    headers: {
      authorization: `Bearer ${tokens[organiser] ?? ''}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ id: randomUUID(), type: 'unlock' }),
  });
  expect(opened.status).toBe(200);
  for (const name of NAMES) {
    const answer = await invoke(api.routes, 'meetings-get', {
      params: { meetingId },
      headers: { authorization: `Bearer ${tokens[name] ?? ''}` },
    });
    expect(answer.status).toBe(200);
  }
}

async function current(): Promise<{ state: MeetingState; version: number }> {
  const meeting = await stored(api, meetingId);
  if (meeting === null) throw new Error('The fuzzed meeting vanished.');
  return { state: meeting.state, version: meeting.version };
}

beforeAll(async () => {
  api = await testApi({ rateLimiter: new RateLimiter({ capacity: 1e9, windowMs: 1000 }) });
  tokens = Object.fromEntries(
    await Promise.all(
      NAMES.map(async (name) => [name, await api.tokenFor(name, PEOPLE[name] ?? 'attendee')]),
    ),
  ) as Record<string, string>;
  await openMeeting();
});

afterAll(() => {
  api.close();
});

const person = fc.constantFrom(...NAMES);
const anyIndex = fc.nat(40);
const pick = <T>(items: readonly T[], index: number): T | undefined =>
  items.length === 0 ? undefined : items[index % items.length];

/** Commands that are well formed, aimed at whatever the meeting holds now, so many are accepted. */
type Build = (state: MeetingState) => Record<string, unknown>;
/**
 * Core's own random command streams (tests/core), plus what only the API sees: real participant
 * ids to grant, revoke and invite, custom prompts, timeboxes. Arrivals and departures among the
 * core's commands are the server's alone, so over HTTP they are refused like any other bad body.
 */
const everyday: fc.Arbitrary<Build>[] = [
  stepArbitrary({ moves: true, modes: QUEUE_MODES }).map((step) => step.build),
  fc
    .tuple(fc.constantFrom('grantHost', 'revokeHost', 'invite'), anyIndex)
    .map(([type, i]) => (s: MeetingState) => ({
      type,
      participantId: pick(Object.keys(s.participants), i) ?? 'nobody',
    })),
  fc
    .tuple(
      fc.string({ minLength: 3, maxLength: 60 }),
      fc.constantFrom('likert5', 'energy5', 'word'),
    )
    .map(([text, scale]) => () => ({ type: 'openCheckin', text, scale })),
  fc
    .option(fc.integer({ min: 10, max: 3600 }))
    .map((seconds) => () => ({ type: 'setTimebox', seconds })),
];
const wellFormed: fc.Arbitrary<Build> = fc.oneof(
  { arbitrary: everyday[0] ?? fc.constant(() => ({})), weight: 24 },
  ...everyday.slice(1).map((arbitrary) => ({ arbitrary, weight: 3 })),
  // Rare, so each meeting lives long enough for the fuzzing to reach deep states.
  {
    arbitrary: fc.constant((s: MeetingState) => ({ type: 'endSession', session: s.session })),
    weight: 1,
  },
);

const POISON_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'role',
  'participantId',
  'displayName',
  'coHost',
  'version',
];
const HUGE_NUMBERS = [
  '1e999',
  '-1e999',
  '1e308',
  '9007199254740993',
  '-0',
  '0.0000001',
  '1E+400',
  '123456789012345678901234567890',
];
const json = fc.jsonValue({ maxDepth: 4 });
const anyText = fc.string({ unit: 'binary', maxLength: 300 });

/** Turns a well-formed command into the raw body text a hostile client might send instead. */
const hostile: fc.Arbitrary<(command: Record<string, unknown>) => string | Uint8Array> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.constant((command: Record<string, unknown>) =>
      JSON.stringify({ id: randomUUID(), ...command }),
    ),
  },
  json.map((value) => () => JSON.stringify(value)),
  fc
    .tuple(fc.string({ maxLength: 12 }), json)
    .map(([field, value]) => (command: Record<string, unknown>) => {
      const keys = Object.keys(command);
      const target = keys[field.length % keys.length] ?? field;
      return JSON.stringify({ id: randomUUID(), ...command, [target]: value });
    }),
  fc.tuple(fc.oneof(fc.constantFrom(...POISON_KEYS), fc.string({ maxLength: 10 })), json).map(
    ([key, value]) =>
      (command: Record<string, unknown>) =>
        `${JSON.stringify({ id: randomUUID(), ...command }).slice(0, -1)},${JSON.stringify(key)}:${JSON.stringify(value)}}`,
  ),
  fc
    .tuple(
      fc.constantFrom(...HUGE_NUMBERS),
      fc.constantFrom('toIndex', 'seconds', 'value', 'id', 'kind'),
    )
    .map(
      ([number, key]) =>
        (command: Record<string, unknown>) =>
          JSON.stringify({ id: randomUUID(), ...command, [key]: 0 }).replace(
            `"${key}":0`,
            `"${key}":${number}`,
          ),
    ),
  fc
    .oneof(fc.constant(undefined), fc.constant(''), fc.constant('not-a-uuid'), fc.string())
    .map(
      (id) => (command: Record<string, unknown>) =>
        JSON.stringify(id === undefined ? command : { ...command, id }),
    ),
  anyText.map(
    (text) => (command: Record<string, unknown>) =>
      JSON.stringify({ id: randomUUID(), ...command, note: text, text }),
  ),
  fc
    .oneof(
      anyText,
      fc.constantFrom('null', '[]', '"join"', 'true', '{', '{"type":', '\u0000', '1e999'),
    )
    .map((text) => () => text),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => () => bytes),
  fc
    .integer({ min: 1, max: 2000 })
    .map((depth) => () => `{"type":"join","kind":${'['.repeat(depth)}${']'.repeat(depth)}}`),
);

/** The meeting is still whole, its version moved only if the command was accepted. */
async function expectUnchangedUnlessAccepted(
  before: { version: number },
  answer: Answer,
): Promise<void> {
  const after = await current();
  expectWholeState(after.state);
  if (answer.status === 200) assert.ok(after.version >= before.version, 'the version went back');
  else
    assert.equal(
      after.version,
      before.version,
      `a refused command (${answer.status}) moved the version`,
    );
  if (after.state.phase === 'ended') await openMeeting();
}

function runs(name: keyof typeof RUNS): { numRuns: number; endOnFailure: true } {
  return { numRuns: RUNS[name], endOnFailure: true };
}

const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 80,
});
const flip = (token: string, at: number) => {
  const index = at % token.length;
  const swapped = token[index] === 'A' ? 'B' : 'A';
  return `${token.slice(0, index)}${swapped}${token.slice(index + 1)}`;
};

/** Authorization headers: missing, malformed, mangled, someone else's scheme, or genuine. */
const authorization = fc.oneof(
  fc.constant(() => undefined),
  fc
    .constantFrom('', 'Bearer', 'Bearer ', 'Bearer a.b.c', 'Bearer ..', 'Negotiate x')
    .map((v) => () => v),
  fc
    .constantFrom('Bearer ', 'bearer ', 'BEARER   ', 'Bearer\t', 'Basic ', 'Token ')
    .map((scheme) => (token: string) => `${scheme}${token}`),
  fc.nat().map((at) => (token: string) => `Bearer ${flip(token, at)}`),
  fc.constantFrom('x', ' x', '.', '..x').map((tail) => (token: string) => `Bearer ${token}${tail}`),
  fc.constant((token: string) => `Bearer ${token} ${token}`),
  fc.constant((token: string) => `Bearer ${token.split('.').slice(0, 2).join('.')}.`),
  printable.map((junk) => () => `Bearer ${junk}`),
  fc.integer({ min: 1000, max: 100_000 }).map((size) => () => `Bearer ${'A'.repeat(size)}`),
);
const contentType = fc.constantFrom(
  undefined,
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json;charset=utf-16',
  'application/jsonp',
  'application/problem+json',
  'text/plain',
  'text/json',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  '*/*',
  ';;;',
);
const ifNoneMatch = fc.oneof(
  fc.constantFrom(undefined, '*', '"0"', '"1"', 'W/"1"', '""', '"', 'null'),
  printable,
  fc.integer({ min: 1000, max: 50_000 }).map((size) => `"${'9'.repeat(size)}"`),
);
const contentLength = fc.constantFrom(
  undefined,
  '0',
  '1',
  '99999999',
  '-1',
  'abc',
  '1e3',
  '16385',
  '',
);
const extraHeaders = fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), printable, {
  maxKeys: 4,
});

function headersOf(parts: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(parts).flatMap(([name, value]) => (value === undefined ? [] : [[name, value]])),
  );
}

const meetingIds = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ minLength: 400, maxLength: 3000 }),
  fc.constantFrom(
    '',
    ' ',
    '.',
    '..',
    '../..',
    '../../api/health',
    '%2F',
    'a/b',
    '%2e%2e',
    '\u0000',
    '\u202Eevil\u202C',
    'a\u200Db\u200Cc',
    '👩‍👩‍👧‍👦',
    '\uD800',
    '\uDFFF\uD800',
    '__proto__',
    'constructor',
    'hasOwnProperty',
    '19:meeting_x@thread.v2',
    'MCMxOTptZWV0aW5nX3hAdGhyZWFkLnYyIzA=',
  ),
);
const READ_ROUTES = [
  'meetings-get',
  'commands-post',
  'live-get',
  'summary-get',
  'meetings-delete',
  'live-events-get',
];

describe('fuzzed requests through the handlers', () => {
  figures.attack(
    'command bodies: any JSON, wrong types, huge numbers, prototype keys, bad bytes',
    async () => {
      await fc.assert(
        fc.asyncProperty(person, wellFormed, hostile, async (who, build, mangle) => {
          const before = await current();
          const body = mangle(build(before.state));
          const token = tokens[who] ?? '';
          const answer = await invoke(api.routes, 'commands-post', {
            params: { meetingId },
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body,
          });
          figures.tried('bodies', answer.status);
          expectSafeAnswer(answer, [token]);
          assert.ok([200, 400, 403, 409, 413].includes(answer.status), `status ${answer.status}`);
          await expectUnchangedUnlessAccepted(before, answer);
        }),
        runs('bodies'),
      );
    },
  );

  figures.attack(
    'headers: content types, missing or garbage Authorization, If-None-Match junk, huge values',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          person,
          fc.constantFrom('commands-post', 'meetings-get', 'live-get', 'summary-get'),
          fc.record({ authorization, contentType, ifNoneMatch, contentLength, extraHeaders }),
          fc.constantFrom(...ENTRY_KINDS),
          async (who, route, parts, kind) => {
            const before = await current();
            const token = tokens[who] ?? '';
            const answer = await invoke(api.routes, route, {
              params: { meetingId },
              headers: {
                ...parts.extraHeaders,
                ...headersOf({
                  authorization: parts.authorization(token),
                  'content-type': parts.contentType,
                  'if-none-match': parts.ifNoneMatch,
                  'content-length': parts.contentLength,
                }),
              },
              ...(route === 'commands-post'
                ? {
                    body: JSON.stringify({
                      id: randomUUID(),
                      type: before.version % 2 === 0 ? 'join' : 'leave',
                      kind,
                    }),
                  }
                : {}),
            });
            figures.tried('headers', answer.status);
            expectSafeAnswer(answer, [token]);
            assert.ok(
              [200, 304, 400, 401, 403, 409, 413, 415].includes(answer.status),
              `status ${answer.status}`,
            );
            await expectUnchangedUnlessAccepted(
              before,
              route === 'commands-post' ? answer : { ...answer, status: 0 },
            );
          },
        ),
        runs('headers'),
      );
    },
  );

  figures.attack(
    'path parameters: encoded slashes, dot segments, unicode, lone surrogates, very long ids',
    async () => {
      const ticket = await liveTicket();
      await fc.assert(
        fc.asyncProperty(
          person,
          fc.constantFrom(...READ_ROUTES),
          meetingIds,
          async (who, route, id) => {
            const before = await current();
            const token = tokens[who] ?? '';
            const answer = await invoke(api.routes, route, {
              params: { meetingId: id },
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              query: { ticket },
              ...(route === 'commands-post'
                ? { body: JSON.stringify({ id: randomUUID(), type: 'join', kind: 'point' }) }
                : {}),
            });
            figures.tried('paths', answer.status);
            expectSafeAnswer(answer, [token, ticket]);
            assert.ok(answer.status < 500, `status ${answer.status}`);
            // Other meetings' ids never reach this one.
            await expectUnchangedUnlessAccepted(before, { ...answer, status: 0 });
          },
        ),
        runs('paths'),
      );
    },
  );

  figures.attack(
    'query strings: junk tickets, meeting ids and sessions, prototype keys, repeated names',
    async () => {
      const ticket = await liveTicket();
      const queryValue = fc.oneof(
        meetingIds,
        fc.constantFrom(
          ticket,
          `${ticket}x`,
          ticket.replace('.', '..'),
          `.${ticket}`,
          ticket.split('.')[0] ?? '',
        ),
      );
      await fc.assert(
        fc.asyncProperty(
          person,
          fc.constantFrom(
            'dev-outbox-get',
            'summary-get',
            'summaries-get',
            'live-events-get',
            'meetings-get',
            'health-get',
          ),
          fc.dictionary(
            fc.oneof(
              fc.constantFrom('meetingId', 'ticket', '__proto__', 'constructor', 'session'),
              fc.string({ maxLength: 8 }),
            ),
            fc.oneof(queryValue, fc.constantFrom('1', '0', '-1', '1e9', '99999999999', '')),
            { maxKeys: 4 },
          ),
          async (who, route, query) => {
            const before = await current();
            const token = tokens[who] ?? '';
            const answer = await invoke(api.routes, route, {
              params: { meetingId },
              headers: { authorization: `Bearer ${token}` },
              query,
            });
            figures.tried('queries', answer.status);
            expectSafeAnswer(answer, [token, ticket]);
            assert.ok(answer.status < 500, `status ${answer.status}`);
            await expectUnchangedUnlessAccepted(before, { ...answer, status: 0 });
          },
        ),
        runs('queries'),
      );
    },
  );

  figures.attack(
    'storage deliberately down: 503 with Retry-After, never another 5xx, nothing half-done',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          person,
          wellFormed,
          fc.boolean(),
          fc.constantFrom('commands-post', 'meetings-get', 'live-get', 'summary-get', 'health-get'),
          async (who, build, down, route) => {
            const before = await current();
            const token = tokens[who] ?? '';
            api.clock.now += 2_000;
            api.store.unavailable = down;
            const answer = await invoke(api.routes, route, {
              params: { meetingId },
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              ...(route === 'commands-post'
                ? { body: JSON.stringify({ id: randomUUID(), ...build(before.state) }) }
                : {}),
            });
            api.store.unavailable = false;
            figures.tried('outage', answer.status);
            expectSafeAnswer(answer, [token], down);
            if (answer.status === 503)
              assert.match(answer.headers.get('retry-after') ?? '', /^\d+$/);
            await expectUnchangedUnlessAccepted(
              before,
              route === 'commands-post' ? answer : { ...answer, status: 0 },
            );
          },
        ),
        runs('outage'),
      );
    },
  );
});

/** A genuine live ticket for the fuzzed meeting, to be aimed at every other one. */
async function liveTicket(): Promise<string> {
  const answer = await invoke(api.routes, 'live-get', {
    params: { meetingId },
    headers: { authorization: `Bearer ${tokens.Ana ?? ''}` },
  });
  const url = new URL((answer.json as { url: string }).url);
  return url.searchParams.get('ticket') ?? '';
}
