// Teams roles through the Bot Framework participant API: mapping, caching, token reuse, failures.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from '@jest/globals';
import { DependencyUnavailableError } from '../../api/src/application/errors.js';
import type { Caller } from '../../api/src/application/ports.js';
import { BotTokenProvider } from '../../api/src/adapters/bot-token-provider.js';
import { BotFrameworkRoleDirectory } from '../../api/src/adapters/bot-framework-roles.js';

const CLIENT_ID = 'bot-app-id';
const SECRET = 'bot-secret-value-Q~never-show-me';
const TENANT = 'tenant-1';
const MEETING = 'MCMxOTptZWV0aW5n/thread v2';
type Answer = readonly [status: number, body: unknown, headers?: Record<string, string>];
const role = (name: string) => ({ meeting: { role: name, inMeeting: true } });
/** What the stand-in Bot Framework answers per participant id; anyone else is a stranger (404). */
const ANSWERS: Record<string, Answer> = {
  'oid-organizer': [200, role('Organizer')],
  'oid-presenter': [200, role('PRESENTER')],
  'oid-attendee': [200, role('Attendee')],
  'oid-producer': [200, role('Producer')],
  'oid-blocked': [403, { error: { code: 'Forbidden' } }],
  'oid-busy': [429, { error: { code: 'Throttled' } }, { 'retry-after': '7' }],
  'oid-broken': [500, { error: { code: 'InternalError' } }],
};

const requests: { path: string; auth: string | undefined; form: URLSearchParams }[] = [];
const revoked = new Set<string>();
let tokensIssued = 0;

function answerToken(form: URLSearchParams): Answer {
  const secret = form.get('client_secret') ?? '';
  if (secret !== SECRET) return [401, { error: 'invalid_client', error_description: secret }];
  tokensIssued += 1;
  return [200, { access_token: `token-${tokensIssued}`, expires_in: 3600, token_type: 'Bearer' }];
}

function answer(path: string, form: URLSearchParams, auth = ''): Answer {
  if (path === '/token') return answerToken(form);
  const token = auth.replace(/^Bearer /, '');
  if (!/^token-\d+$/.test(token) || revoked.has(token)) return [401, { error: 'Unauthorized' }];
  return ANSWERS[decodeURIComponent(path.split('/').at(-1) ?? '')] ?? [404, { error: 'NotFound' }];
}

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const form = new URLSearchParams(body);
    requests.push({ path: url.pathname + url.search, auth: req.headers.authorization, form });
    if (url.pathname.endsWith('/oid-slow')) return; // never answers
    const [status, value, headers = {}] = answer(url.pathname, form, req.headers.authorization);
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(value));
  });
});

await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const person = (userId: string): Caller => ({ tenantId: TENANT, userId, displayName: 'Ada' });
const lookups = () => requests.filter((r) => r.path.startsWith('/teams/'));
const tokenRequests = () => requests.filter((r) => r.path === '/token');

/** Every test starts here, with a fresh clock, fresh caches and an empty request log. */
function setup(clientSecret = SECRET) {
  requests.length = 0;
  const clock = { now: 1_000_000 };
  const now = () => clock.now;
  const tokenUrl = `${base}/token`;
  const tokens = new BotTokenProvider({ clientId: CLIENT_ID, clientSecret, tokenUrl, now });
  const serviceUrl = `${base}/teams/`;
  const roles = new BotFrameworkRoleDirectory({ serviceUrl, tokens, now, timeoutMs: 200 });
  return { clock, tokens, roles };
}

async function failureOf(promise: Promise<unknown>): Promise<DependencyUnavailableError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DependencyUnavailableError);
  return error as DependencyUnavailableError;
}

describe('BotFrameworkRoleDirectory', () => {
  it('maps each Teams meeting role, ignoring case; unknown roles get attendee rights', async () => {
    const { roles } = setup();
    const users = ['oid-organizer', 'oid-presenter', 'oid-attendee', 'oid-producer'];
    const found = await Promise.all(users.map((user) => roles.roleOf(MEETING, person(user))));
    expect(found).toEqual(['organizer', 'presenter', 'attendee', 'attendee']);
  });

  it('calls the documented participant URL with the ids encoded and the bot token', async () => {
    const { roles } = setup();
    await roles.roleOf(MEETING, person('oid-organizer'));
    const path = `/teams/v1/meetings/${encodeURIComponent(MEETING)}/participants/oid-organizer`;
    expect(lookups().map((r) => r.path)).toEqual([`${path}?tenantId=${TENANT}`]);
    expect(lookups()[0]?.auth).toMatch(/^Bearer token-\d+$/);
  });

  it('answers null for people Teams does not know in the meeting (404) or will not share (403)', async () => {
    const { roles } = setup();
    expect(await roles.roleOf(MEETING, person('oid-stranger'))).toBeNull();
    expect(await roles.roleOf(MEETING, person('oid-blocked'))).toBeNull();
  });

  it.each([
    ['a role', 'oid-presenter', 60_000],
    ['a non-participant, for a shorter time', 'oid-stranger', 15_000],
  ])('remembers %s', async (_, user, ttlMs) => {
    const { clock, roles } = setup();
    await roles.roleOf(MEETING, person(user));
    clock.now += ttlMs - 1000;
    await roles.roleOf(MEETING, person(user));
    expect(lookups()).toHaveLength(1);
    clock.now += 2000;
    await roles.roleOf(MEETING, person(user));
    expect(lookups()).toHaveLength(2);
  });

  it('asks once for a burst of requests from one person', async () => {
    const { roles } = setup();
    const burst = [1, 2, 3].map(() => roles.roleOf(MEETING, person('oid-attendee')));
    expect(await Promise.all(burst)).toEqual(['attendee', 'attendee', 'attendee']);
    expect(lookups()).toHaveLength(1);
  });

  it('keeps the cache per meeting and person', async () => {
    const { roles } = setup();
    await roles.roleOf(MEETING, person('oid-organizer'));
    await roles.roleOf('another-meeting', person('oid-organizer'));
    await roles.roleOf(MEETING, { ...person('oid-organizer'), tenantId: 'tenant-2' });
    expect(lookups()).toHaveLength(3);
  });

  it('reuses one bot token across lookups, requested with the client-credentials form', async () => {
    const { roles } = setup();
    await roles.roleOf(MEETING, person('oid-organizer'));
    await roles.roleOf(MEETING, person('oid-attendee'));
    expect(tokenRequests()).toHaveLength(1);
    expect(Object.fromEntries(tokenRequests()[0]?.form ?? [])).toEqual({
      grant_type: 'client_credentials',
      client_id: CLIENT_ID,
      client_secret: SECRET,
      scope: 'https://api.botframework.com/.default',
    });
  });

  it('fetches one fresh token after a 401, retries once, and then gives up', async () => {
    const { tokens, roles } = setup();
    revoked.add(await tokens.token());
    expect(await roles.roleOf(MEETING, person('oid-organizer'))).toBe('organizer');
    expect(tokenRequests()).toHaveLength(2);
    const used = lookups().map((r) => r.auth);
    expect(used).toEqual([`Bearer token-${tokensIssued - 1}`, `Bearer token-${tokensIssued}`]);
    revoked.add(await tokens.token()).add(`token-${tokensIssued + 1}`);
    await failureOf(roles.roleOf(MEETING, person('oid-attendee')));
    expect(lookups()).toHaveLength(4);
  });

  it('reports throttling as unavailable with the Retry-After from Teams', async () => {
    const error = await failureOf(setup().roles.roleOf(MEETING, person('oid-busy')));
    expect(error.retryAfterSeconds).toBe(7);
  });

  it('reports server errors and timeouts as unavailable, uncached, naming no id or token', async () => {
    const { roles } = setup();
    const errors = [
      await failureOf(roles.roleOf(MEETING, person('oid-broken'))),
      await failureOf(roles.roleOf(MEETING, person('oid-broken'))),
      await failureOf(roles.roleOf(MEETING, person('oid-slow'))),
    ];
    expect(lookups()).toHaveLength(3);
    for (const { message } of errors) expect(message).not.toMatch(/token-\d|oid-|tenant-1|MCMx/);
  });
});

describe('BotTokenProvider', () => {
  it('shares one request between concurrent callers and refreshes 5 minutes before expiry', async () => {
    const { clock, tokens } = setup();
    const first = await Promise.all([tokens.token(), tokens.token(), tokens.token()]);
    expect(new Set(first).size).toBe(1);
    clock.now += 54 * 60_000;
    expect(await tokens.token()).toBe(first[0]);
    expect(tokenRequests()).toHaveLength(1);
    clock.now += 2 * 60_000;
    expect(await tokens.token()).not.toBe(first[0]);
    expect(tokenRequests()).toHaveLength(2);
  });

  it('reports a refused token request as unavailable, without the secret', async () => {
    const error = await failureOf(setup('wrong-secret-XYZ').tokens.token());
    expect(error.message).toContain('invalid_client');
    expect(error.message).not.toContain('XYZ');
  });
});
