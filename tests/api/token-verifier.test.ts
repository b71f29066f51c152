// JwtTokenVerifier accepts genuine Entra-style tokens and rejects every forgery and misfit we know of.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from '@jest/globals';
import { SignJWT, base64url, createLocalJWKSet, exportJWK, exportSPKI } from 'jose';
import { generateKeyPair } from 'jose';
import type { CryptoKey, JWTPayload } from 'jose';
import {
  AuthenticationError,
  DependencyUnavailableError,
  TenantNotAllowedError,
} from '../../api/src/application/errors.js';
import {
  JwtTokenVerifier,
  TEAMS_CLIENT_APPS,
  bearerToken,
} from '../../api/src/adapters/jwt-token-verifier.js';
import { entraVerifierOptions } from '../../api/src/adapters/jwt-token-verifier.js';
import type { TokenVerifierOptions } from '../../api/src/adapters/jwt-token-verifier.js';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OTHER_TENANT = '11111111-2222-3333-4444-555555555555';
const OUTSIDER = '99999999-9999-9999-9999-999999999999';
const CLIENT_ID = '0c6c9f36-7b5e-4d0a-9d4e-3f1e2a1b5c7d';
const APP_ID_URI = `api://roundtable.example.com/${CLIENT_ID}`;
const OID = 'a1b2c3d4-0000-4000-8000-0123456789ab';
const KID = 'entra-key-1';
const now = () => Math.floor(Date.now() / 1000);
const v2Issuer = (tenant: string) => `https://login.microsoftonline.com/${tenant}/v2.0`;
const encode = (part: object) => base64url.encode(JSON.stringify(part));

const entraKey = await generateKeyPair('RS256');
const jwks = { keys: [{ ...(await exportJWK(entraKey.publicKey)), kid: KID, use: 'sig' }] };

function options(overrides: Partial<TokenVerifierOptions> = {}): TokenVerifierOptions {
  return {
    keys: createLocalJWKSet(jwks),
    issuers: (tenant) => [v2Issuer(tenant), `https://sts.windows.net/${tenant}/`],
    audiences: [APP_ID_URI, CLIENT_ID],
    tenants: [TENANT, OTHER_TENANT],
    requiredScope: 'access_as_user',
    clientApps: TEAMS_CLIENT_APPS,
    algorithms: ['RS256'],
    ...overrides,
  };
}
const verifier = new JwtTokenVerifier(options());

function claims(overrides: Record<string, unknown> = {}): JWTPayload {
  return {
    ...{ iss: v2Issuer(TENANT), aud: CLIENT_ID, tid: TENANT, oid: OID, name: 'Ada Lovelace' },
    // Teams web asked for it (the client ids Microsoft documents for tab SSO).
    azp: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
    ...{ scp: 'User.Read access_as_user', iat: now(), nbf: now(), exp: now() + 3600 },
    ...overrides,
  };
}

type SigningKey = CryptoKey | Uint8Array;
function sign(payload: JWTPayload, key: SigningKey = entraKey.privateKey, alg = 'RS256') {
  return new SignJWT(payload).setProtectedHeader({ alg, kid: KID, typ: 'JWT' }).sign(key);
}
const signed = (overrides: Record<string, unknown>) => sign(claims(overrides));

async function rejection(token: string, using = verifier): Promise<Error> {
  const outcome: unknown = await using.verify(token).catch((error: unknown) => error);
  // A genuine token from an organisation not served is refused as such (403), not as a bad sign-in.
  expect(outcome instanceof AuthenticationError || outcome instanceof TenantNotAllowedError).toBe(
    true,
  );
  return outcome as Error;
}

const expired = await signed({ iat: now() - 7200, exp: now() - 120 });
const forAnotherApp = await signed({ aud: 'api://someone-else' });
const outsider = await signed({ tid: OUTSIDER, iss: v2Issuer(OUTSIDER) });
const publicKeyBytes = new TextEncoder().encode(await exportSPKI(entraKey.publicKey));
const impostorKey = (await generateKeyPair('RS256')).privateKey;
async function listen(server: Server): Promise<string> {
  await once(server.listen(0, '127.0.0.1'), 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
const keyServer = createServer((request, response) => {
  response.writeHead(request.url === '/keys' ? 200 : 500, { 'content-type': 'application/json' });
  response.end(JSON.stringify(jwks));
});
const keyServerUrl = await listen(keyServer);
const unreachable = createServer();
const unreachableUrl = await listen(unreachable);
unreachable.close();

const refusals: [string, string][] = [
  ['an expired token', expired],
  ['a token without an expiry', await signed({ exp: undefined })],
  ['a token not valid yet beyond the clock tolerance', await signed({ nbf: now() + 600 })],
  ['a token issued for another application', forAnotherApp],
  ['a token from an untrusted issuer', await signed({ iss: `https://evil.example/${TENANT}` })],
  ["another tenant's issuer for this tid", await signed({ iss: v2Issuer(OTHER_TENANT) })],
  ['a tenant not on the allow-list', outsider],
  ['a token without an object id', await signed({ oid: undefined })],
  ['a token with an empty object id', await signed({ oid: '' })],
  ['a token without a scope', await signed({ scp: undefined })],
  ['a token without the required scope', await signed({ scp: 'User.Read access_as_user2' })],
  [
    'a token issued to another client app',
    await signed({ azp: 'c0ffee00-0000-4000-8000-000000000bad' }),
  ],
  ['a token naming no client app', await signed({ azp: undefined })],
  ['an unsigned token (alg none)', `${encode({ alg: 'none' })}.${encode(claims())}.`],
  ['HS256 keyed with the RSA public key', await sign(claims(), publicKeyBytes, 'HS256')],
  ['a token signed by a different key under the same kid', await sign(claims(), impostorKey)],
  ['a garbage string', 'not-a-token'],
  ['three dot-separated pieces of garbage', 'a.b.c'],
];

describe('JwtTokenVerifier with Entra-style tokens', () => {
  it('accepts a valid v2 token and reads the caller from tid, oid and name', async () => {
    const caller = await verifier.verify(await sign(claims()));
    expect(caller).toEqual({ tenantId: TENANT, userId: OID, displayName: 'Ada Lovelace' });
  });

  it('accepts a v1 token whose audience is the application id URI (client app in appid)', async () => {
    const token = await signed({
      iss: `https://sts.windows.net/${TENANT}/`,
      aud: APP_ID_URI,
      azp: undefined,
      appid: '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
    });
    await expect(verifier.verify(token)).resolves.toMatchObject({ userId: OID });
  });

  it('accepts a token that becomes valid within the clock tolerance', async () => {
    await expect(verifier.verify(await signed({ nbf: now() + 30 }))).resolves.toBeDefined();
  });

  it('accepts any tenant when the allow-list is "any"', async () => {
    const open = new JwtTokenVerifier(options({ tenants: 'any' }));
    const token = await signed({ tid: OUTSIDER, iss: v2Issuer(OUTSIDER) });
    await expect(open.verify(token)).resolves.toMatchObject({ tenantId: OUTSIDER });
  });

  it.each(refusals)('rejects %s', async (_, token) => {
    await rejection(token);
  });

  it('rejects an algorithm outside the allowed list even when the key set has a matching key', async () => {
    const ecKey = await generateKeyPair('ES256');
    const ecJwks = { keys: [{ ...(await exportJWK(ecKey.publicKey)), kid: KID }] };
    const strict = new JwtTokenVerifier(options({ keys: createLocalJWKSet(ecJwks) }));
    await rejection(await sign(claims(), ecKey.privateKey, 'ES256'), strict);
  });

  it('explains the common refusals in words a person can act on', async () => {
    const messageOf = async (token: string) => (await rejection(token)).message;
    const reload = 'reload Roundtable to sign in again.';
    expect(await messageOf(expired)).toBe(`Your sign-in has expired; ${reload}`);
    expect(await messageOf(forAnotherApp)).toBe('This token was issued for another application.');
    expect(await messageOf(outsider)).toMatch(/^Your organisation is not one this Roundtable/);
    expect(await rejection(outsider)).toBeInstanceOf(TenantNotAllowedError);
  });

  it('never puts the token or its claim values into error messages', async () => {
    for (const [, token] of refusals) {
      const error = await rejection(token);
      for (const secret of [token, OID, TENANT, OUTSIDER, 'Ada', 'someone-else', 'evil']) {
        expect(error.message).not.toContain(secret);
      }
      expect(error.cause).toBeUndefined();
    }
  });

  it('ignores roundtable_role unless the verifier trusts the role claim', async () => {
    const token = await signed({ roundtable_role: 'organizer' });
    expect((await verifier.verify(token)).localRole).toBeUndefined();
    const trusting = new JwtTokenVerifier(options({ trustRoleClaim: true }));
    expect((await trusting.verify(token)).localRole).toBe('organizer');
  });

  it('never shows an e-mail address as the display name', async () => {
    const guest = await signed({ name: 'ada@example.com', preferred_username: 'ada@x.com' });
    expect((await verifier.verify(guest)).displayName).toBe('Someone');
    const unnamed = await signed({ name: undefined, preferred_username: 'ada@x.com' });
    expect((await verifier.verify(unnamed)).displayName).toBe('Someone');
  });
});

describe('entraVerifierOptions with a remote key set', () => {
  afterAll(() => void keyServer.close());
  const entra = { clientId: CLIENT_ID, applicationIdUri: APP_ID_URI, allowedTenants: [TENANT] };
  const verifierAt = (jwksUri: string) =>
    new JwtTokenVerifier(entraVerifierOptions({ ...entra, jwksUri }));

  it('verifies a token with keys fetched from the key server', async () => {
    const remote = verifierAt(`${keyServerUrl}/keys`);
    await expect(remote.verify(await sign(claims()))).resolves.toMatchObject({ userId: OID });
  });

  it.each([
    ['an unreachable key server', `${unreachableUrl}/keys`],
    ['a key server answering with an error', `${keyServerUrl}/broken`],
  ])('reports %s as a dependency failure, not a bad token', async (_, jwksUri) => {
    const outcome = verifierAt(jwksUri).verify(await sign(claims()));
    await expect(outcome).rejects.toBeInstanceOf(DependencyUnavailableError);
  });
});

describe('bearerToken', () => {
  it('extracts the token from a Bearer authorization header', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
  });

  it('rejects a missing or non-bearer header', () => {
    const noBearer = 'Sign in to Roundtable: the request had no bearer token.';
    for (const header of [null, '', 'Basic dXNlcjpwYXNz', 'Bearer ']) {
      expect(() => bearerToken(header)).toThrow(new AuthenticationError(noBearer));
      expect(() => bearerToken(header)).toThrow(AuthenticationError);
    }
  });
});
