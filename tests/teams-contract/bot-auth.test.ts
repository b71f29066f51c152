// BotFrameworkAuth accepts only what the Bot Framework signs for this bot, and tells an outage apart.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from '@jest/globals';
import { SignJWT, base64url, exportJWK, generateKeyPair } from 'jose';
import type { CryptoKey, JWTPayload } from 'jose';
import { BotFrameworkAuth } from '../../api/src/adapters/bot-framework-auth.js';
import {
  AuthenticationError,
  DependencyUnavailableError,
} from '../../api/src/application/errors.js';
import { freePort } from '../support/free-port.js';

const APP_ID = '5e1b7c2a-0f3d-4e8a-9b6c-1d2e3f405162';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const KID = 'bot-key-1';
const now = () => Math.floor(Date.now() / 1000);
const encode = (part: object) => base64url.encode(JSON.stringify(part));

const botKey = await generateKeyPair('RS256');
const otherKey = await generateKeyPair('RS256');
const jwks = { keys: [{ ...(await exportJWK(botKey.publicKey)), kid: KID, use: 'sig' }] };

const requests: string[] = [];
const server = createServer((request, response) => {
  requests.push(request.url ?? '');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const body =
    request.url === '/openid'
      ? { issuer: 'https://api.botframework.com', jwks_uri: `${base}/keys` }
      : jwks;
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
});
await once(server.listen(0, '127.0.0.1'), 'listening');
const metadataUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/openid`;
afterAll(() => {
  server.close();
});

const auth = new BotFrameworkAuth({ appId: APP_ID, openIdMetadataUrl: metadataUrl });

function claims(overrides: Record<string, unknown> = {}): JWTPayload {
  return {
    ...{ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: SERVICE_URL },
    ...{ nbf: now() - 10, exp: now() + 3600 },
    ...overrides,
  };
}
function sign(payload: JWTPayload, key: CryptoKey = botKey.privateKey): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: KID }).sign(key);
}
const bearer = (token: string) => `Bearer ${token}`;

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'accepted',
    (error: unknown) => error,
  );
}

describe('BotFrameworkAuth', () => {
  it('accepts a token the Bot Framework signed for this bot and this serviceUrl', async () => {
    const token = await sign(claims());
    await expect(auth.verify(bearer(token), { serviceUrl: SERVICE_URL })).resolves.toBeUndefined();
  });

  it('also reads the claim spelled serviceUrl, as the REST documentation writes it', async () => {
    const token = await sign(claims({ serviceurl: undefined, serviceUrl: SERVICE_URL }));
    await expect(auth.verify(bearer(token), { serviceUrl: SERVICE_URL })).resolves.toBeUndefined();
  });

  it('accepts an activity without a serviceUrl to compare', async () => {
    await expect(auth.verify(bearer(await sign(claims())), {})).resolves.toBeUndefined();
  });

  it('reads the metadata once and reuses it for later requests', async () => {
    const before = requests.filter((url) => url === '/openid').length;
    await auth.verify(bearer(await sign(claims())), {});
    await auth.verify(bearer(await sign(claims())), {});
    expect(requests.filter((url) => url === '/openid').length).toBe(before);
  });

  const refusals: [string, () => Promise<string | null>][] = [
    ['no Authorization header', () => Promise.resolve(null)],
    [
      'a token from another issuer',
      async () => bearer(await sign(claims({ iss: 'https://evil.example' }))),
    ],
    ['a token for another bot', async () => bearer(await sign(claims({ aud: 'another-bot' })))],
    [
      'an expired token (beyond five minutes of skew)',
      async () => bearer(await sign(claims({ iat: now() - 7200, exp: now() - 600 }))),
    ],
    [
      'an unsigned token (alg none)',
      () => Promise.resolve(bearer(`${encode({ alg: 'none', kid: KID })}.${encode(claims())}.`)),
    ],
    [
      'a token signed by another key',
      async () => bearer(await sign(claims(), otherKey.privateKey)),
    ],
    [
      'a token for another serviceUrl',
      async () => bearer(await sign(claims({ serviceurl: 'https://evil.example/' }))),
    ],
    [
      'a token without a serviceUrl claim',
      async () => bearer(await sign(claims({ serviceurl: undefined }))),
    ],
  ];

  it.each(refusals)(
    'rejects %s with an AuthenticationError that does not quote it',
    async (_, header) => {
      const authorization = await header();
      const error = await failure(auth.verify(authorization, { serviceUrl: SERVICE_URL }));
      expect(error).toBeInstanceOf(AuthenticationError);
      const token = authorization?.slice('Bearer '.length) ?? 'no token';
      expect((error as Error).message).not.toContain(token);
    },
  );

  it('reports unreachable OpenID metadata as a dependency failure', async () => {
    const offline = new BotFrameworkAuth({
      appId: APP_ID,
      openIdMetadataUrl: `http://127.0.0.1:${await freePort()}/openid`,
    });
    const error = await failure(offline.verify(bearer(await sign(claims())), {}));
    expect(error).toBeInstanceOf(DependencyUnavailableError);
  });

  it('reports unreachable signing keys as a dependency failure', async () => {
    const keysUrl = `http://127.0.0.1:${await freePort()}/keys`;
    const keyless = new BotFrameworkAuth({
      appId: APP_ID,
      fetch: (url, init) =>
        url === keysUrl ? fetch(url, init) : Promise.resolve(Response.json({ jwks_uri: keysUrl })),
    });
    const error = await failure(keyless.verify(bearer(await sign(claims())), {}));
    expect(error).toBeInstanceOf(DependencyUnavailableError);
  });

  it('reports a metadata server that answers with an error as a dependency failure', async () => {
    const failing = new BotFrameworkAuth({
      appId: APP_ID,
      fetch: () => Promise.resolve(new Response('busy', { status: 503 })),
    });
    const error = await failure(failing.verify(bearer(await sign(claims())), {}));
    expect(error).toBeInstanceOf(DependencyUnavailableError);
  });
});
