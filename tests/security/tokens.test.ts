// Forged, stale and misdirected tokens through the routes themselves (not just the verifier), in
// both deployments: local mode's ES256 tokens and Entra's RS256 tokens. Every one is a 401 that
// names the problem, quotes nothing of the token, and changes nothing. Names in genuine tokens
// are bounded and cleaned before anyone sees them.
import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  SignJWT,
  base64url,
  createLocalJWKSet,
  exportJWK,
  exportSPKI,
  generateKeyPair,
} from 'jose';
import type { CryptoKey, JWK, JWTPayload } from 'jose';
import type { ParticipantView } from '@roundtable/core';
import { DISPLAY_NAME_MAX_CHARACTERS } from '../../api/src/application/display-name.js';
import {
  JwtTokenVerifier,
  TEAMS_CLIENT_APPS,
  entraVerifierOptions,
} from '../../api/src/adapters/jwt-token-verifier.js';
import {
  LOCAL_AUDIENCE,
  LOCAL_CLIENT,
  LOCAL_ISSUER,
  LOCAL_TENANT,
} from '../../api/src/adapters/local/local-token-issuer.js';
import type { Caller, Membership, RoleDirectory } from '../../api/src/application/ports.js';
import { routeTable, type Route } from '../../api/src/routes.js';
import { figuresFor } from './figures.js';
import { expectSafeAnswer, invoke, stored, testApi, type TestApi } from './harness.js';

const figures = figuresFor('tokens');
const MEETING = 'token-attacks';
const KID = 'signing-key-1';
const ENTRA_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OUTSIDER_TENANT = '99999999-9999-9999-9999-999999999999';
const CLIENT_ID = '0c6c9f36-7b5e-4d0a-9d4e-3f1e2a1b5c7d';
const OID = 'a1b2c3d4-0000-4000-8000-0123456789ab';
const now = () => Math.floor(Date.now() / 1000);
const entraIssuer = (tenant: string) => `https://login.microsoftonline.com/${tenant}/v2.0`;

/** Teams' roles for everyone who gets this far: the token is all that stands in the way. */
class EveryoneAttends implements RoleDirectory {
  membership(_meetingId: string, caller: Caller): Promise<Membership | null> {
    return Promise.resolve({
      role: caller.localRole ?? 'attendee',
      inMeeting: true,
      teamsUserId: null,
    });
  }
}

interface Deployment {
  readonly name: string;
  readonly alg: 'ES256' | 'RS256';
  readonly key: { privateKey: CryptoKey; publicKey: CryptoKey };
  readonly publicJwk: JWK;
  /** Claims of a genuine token in this deployment. */
  readonly claims: (overrides?: Record<string, unknown>) => JWTPayload;
  readonly otherTenant: Record<string, unknown>;
  routes: Route[];
}

async function deployment(
  name: string,
  alg: 'ES256' | 'RS256',
  claims: Deployment['claims'],
  otherTenant: Record<string, unknown>,
): Promise<Deployment> {
  const key = await generateKeyPair(alg);
  return {
    name,
    alg,
    key,
    publicJwk: { ...(await exportJWK(key.publicKey)), kid: KID, alg, use: 'sig' },
    claims,
    otherTenant,
    routes: [],
  };
}

const base = () => ({
  oid: OID,
  name: 'Ada Lovelace',
  scp: 'access_as_user',
  iat: now(),
  nbf: now(),
  exp: now() + 3600,
});
const deployments: Deployment[] = [];
let api: TestApi;

beforeAll(async () => {
  api = await testApi({ roles: new EveryoneAttends() });
  const local = await deployment(
    'local mode (ES256)',
    'ES256',
    (overrides = {}) => ({
      ...base(),
      iss: LOCAL_ISSUER,
      aud: LOCAL_AUDIENCE,
      tid: LOCAL_TENANT,
      azp: LOCAL_CLIENT,
      roundtable_role: 'organizer',
      ...overrides,
    }),
    { tid: OUTSIDER_TENANT },
  );
  const entra = await deployment(
    'Entra ID (RS256)',
    'RS256',
    (overrides = {}) => ({
      ...base(),
      iss: entraIssuer(ENTRA_TENANT),
      aud: CLIENT_ID,
      tid: ENTRA_TENANT,
      azp: TEAMS_CLIENT_APPS[0],
      ...overrides,
    }),
    { tid: OUTSIDER_TENANT, iss: entraIssuer(OUTSIDER_TENANT) },
  );
  const localIssuer = api.services.local?.issuer;
  if (localIssuer === undefined) throw new Error('The test API runs in local mode.');
  // The deployments' own verifier options, with a key this test holds so it can sign anything.
  const verifiers = [
    new JwtTokenVerifier({
      ...localIssuer.verifierOptions(),
      keys: createLocalJWKSet({ keys: [local.publicJwk] }),
    }),
    new JwtTokenVerifier({
      ...entraVerifierOptions({
        clientId: CLIENT_ID,
        applicationIdUri: `api://roundtable.example/${CLIENT_ID}`,
        allowedTenants: [ENTRA_TENANT],
      }),
      keys: createLocalJWKSet({ keys: [entra.publicJwk] }),
    }),
  ];
  for (const [index, target] of [local, entra].entries()) {
    const verifier = verifiers[index];
    if (verifier === undefined) continue;
    target.routes = routeTable(() => Promise.resolve({ ...api.services, verifier }));
    deployments.push(target);
  }
});

afterAll(() => {
  api.close();
});

const sign = (
  target: Deployment,
  payload: JWTPayload,
  key: CryptoKey | Uint8Array = target.key.privateKey,
  alg: string = target.alg,
  header: Record<string, unknown> = {},
) => new SignJWT(payload).setProtectedHeader({ alg, kid: KID, typ: 'JWT', ...header }).sign(key);

type Attack = (target: Deployment) => Promise<string>;
const ATTACKS: [string, Attack][] = [
  [
    'alg none (unsigned)',
    (t) =>
      Promise.resolve(
        `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url.encode(JSON.stringify(t.claims()))}.`,
      ),
  ],
  [
    'HS256 keyed with the public key (PEM)',
    async (t) =>
      sign(t, t.claims(), new TextEncoder().encode(await exportSPKI(t.key.publicKey)), 'HS256'),
  ],
  [
    'HS256 keyed with the public key (JWK)',
    (t) => sign(t, t.claims(), new TextEncoder().encode(JSON.stringify(t.publicJwk)), 'HS256'),
  ],
  [
    'a different key under the same kid',
    async (t) => sign(t, t.claims(), (await generateKeyPair(t.alg)).privateKey),
  ],
  [
    'the forger’s own key embedded in the header',
    async (t) => {
      const forger = await generateKeyPair(t.alg);
      return sign(t, t.claims(), forger.privateKey, t.alg, {
        jwk: await exportJWK(forger.publicKey),
      });
    },
  ],
  ['expired', (t) => sign(t, t.claims({ iat: now() - 7200, nbf: now() - 7200, exp: now() - 600 }))],
  ['not yet valid', (t) => sign(t, t.claims({ nbf: now() + 600 }))],
  ['no expiry at all', (t) => sign(t, t.claims({ exp: undefined }))],
  ['wrong audience', (t) => sign(t, t.claims({ aud: 'api://someone-else' }))],
  ['wrong issuer', (t) => sign(t, t.claims({ iss: 'https://evil.example/issuer' }))],
  ['another tenant', (t) => sign(t, t.claims(t.otherTenant))],
  ['missing oid', (t) => sign(t, t.claims({ oid: undefined }))],
  ['missing scope', (t) => sign(t, t.claims({ scp: 'User.Read' }))],
  // Another app the user consented to could get a token for this API: only Teams' clients count.
  [
    'issued to another client app',
    (t) => sign(t, t.claims({ azp: 'c0ffee00-0000-4000-8000-000000000bad' })),
  ],
  [
    'a signature cut off',
    async (t) => (await sign(t, t.claims())).split('.').slice(0, 2).join('.') + '.',
  ],
  [
    'claims swapped after signing',
    async (t) => {
      const [header, , signature] = (await sign(t, t.claims())).split('.');
      return `${header ?? ''}.${base64url.encode(JSON.stringify(t.claims({ oid: 'someone-else-entirely' })))}.${signature ?? ''}`;
    },
  ],
];

describe.each(['local mode (ES256)', 'Entra ID (RS256)'])('token attacks on %s', (name) => {
  const target = () => {
    const found = deployments.find((candidate) => candidate.name === name);
    if (found === undefined) throw new Error('The deployment was not set up.');
    return found;
  };

  figures.attack(
    'a genuine token is accepted (the control)',
    async () => {
      const answer = await invoke(target().routes, 'meetings-get', {
        params: { meetingId: MEETING },
        headers: { authorization: `Bearer ${await sign(target(), target().claims())}` },
      });
      expect(answer.status).toBe(200);
    },
    { count: 0 },
  );

  for (const [attack, forge] of ATTACKS) {
    figures.attack(`${attack} → refused on every route`, async () => {
      const deployment = target();
      const token = await forge(deployment);
      const before = (await stored(api, MEETING))?.version ?? 0;
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const params = { meetingId: MEETING };
      for (const route of [
        'meetings-get',
        'commands-post',
        'live-get',
        'summary-get',
        'summaries-get',
        'meetings-delete',
      ]) {
        const answer = await invoke(deployment.routes, route, {
          params,
          headers,
          query: { meetingId: MEETING },
          body: JSON.stringify({ id: randomUUID(), type: 'lock' }),
        });
        // A genuine token from an organisation this deployment does not serve is a 403 that says
        // so; every forged or misdirected token is a 401.
        const status = attack === 'another tenant' ? 403 : 401;
        expect(`${route} ${answer.status}`).toBe(`${route} ${status}`);
        expectSafeAnswer(answer, [token, ...token.split('.').filter((part) => part.length >= 16)]);
        if (status === 401) expect(answer.headers.get('www-authenticate')).toBe('Bearer');
        else expect(answer.json).toMatchObject({ code: 'tenant-not-allowed' });
        expect(JSON.stringify(answer.json)).not.toMatch(/Ada|someone-else|evil\.example|a1b2c3d4/);
      }
      expect((await stored(api, MEETING))?.version ?? 0).toBe(before);
    });
  }
});

describe('names carried by genuine tokens', () => {
  const NAMES: [string, string, string][] = [
    ['10 000 characters', 'x'.repeat(10_000), `${'x'.repeat(DISPLAY_NAME_MAX_CHARACTERS - 1)}…`],
    ['a right-to-left override hiding a file name', 'Ana\u202Egnp.exe', 'Anagnp.exe'],
    ['zero-width spaces making a look-alike', 'O\u200Blu\uFEFF', 'Olu'],
    ['zero-width joiners inside emoji, kept', '👩‍👩‍👧‍👦 Family', '👩‍👩‍👧‍👦 Family'],
    ['a lone surrogate', 'Bad\uD800Half', 'Bad\uFFFDHalf'],
    ['line breaks and tabs', 'Two\nLines\tand tab', 'Two Lines and tab'],
    [
      'markup, kept as the text it is',
      '<img src=x onerror=alert(1)>',
      '<img src=x onerror=alert(1)>',
    ],
    ['one letter under a thousand accents', `a${'\u0301'.repeat(1000)}`, 'Someone'],
    ['an e-mail address', 'ada@example.com', 'Someone'],
    ['Arabic, kept', 'عائشة', 'عائشة'],
  ];

  figures.attack(
    `${NAMES.length} hostile names are bounded, cleaned and returned as plain text`,
    async () => {
      const local = deployments.find((candidate) => candidate.alg === 'ES256');
      if (local === undefined) throw new Error('The local deployment was not set up.');
      for (const [index, [what, name, shown]] of NAMES.entries()) {
        const token = await sign(
          local,
          local.claims({ name, oid: `${OID.slice(0, -2)}${String(index).padStart(2, '0')}` }),
        );
        const answer = await invoke(local.routes, 'meetings-get', {
          params: { meetingId: 'names' },
          headers: { authorization: `Bearer ${token}` },
        });
        expect(`${what}: ${answer.status}`).toBe(`${what}: 200`);
        const you = (answer.json as ParticipantView).you;
        expect(`${what}: ${you.displayName}`).toBe(`${what}: ${shown}`);
        expect(
          [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(you.displayName)]
            .length,
        ).toBeLessThanOrEqual(DISPLAY_NAME_MAX_CHARACTERS);
      }
    },
    { count: NAMES.length },
  );
});
