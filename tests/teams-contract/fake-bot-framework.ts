// A local server playing the Bot Framework's token signing side: the OpenID metadata and the key
// document, whose keys list the channels they are endorsed for (bot-docs
// rest-api/bot-framework-rest-connector-authentication.md, "Step 2" and "Step 3"), and a signer
// for the tokens Teams' activities arrive with.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { BOT_ID, openIdMetadata } from './fixtures.js';

export interface FakeBotFramework {
  readonly cloud: { botOpenIdMetadata: string; botIssuer: string };
  /** A token as the Bot Framework signs it for an activity to our bot. */
  sign(options?: {
    serviceUrl?: string | null;
    key?: 'teams' | 'webchat-only' | 'unknown';
    kid?: string | null;
    claims?: JWTPayload;
  }): Promise<string>;
  /** How often the key document was fetched. */
  keyFetches(): number;
  close(): void;
}

export async function startFakeBotFramework(): Promise<FakeBotFramework> {
  const teamsKey = await generateKeyPair('RS256');
  const webchatKey = await generateKeyPair('RS256');
  const strayKey = await generateKeyPair('RS256');
  const keys = {
    keys: [
      {
        ...(await exportJWK(teamsKey.publicKey)),
        kid: 'teams-key',
        use: 'sig',
        endorsements: ['msteams', 'webchat'],
      },
      {
        ...(await exportJWK(webchatKey.publicKey)),
        kid: 'webchat-key',
        use: 'sig',
        endorsements: ['webchat'],
      },
    ],
  };
  let fetches = 0;
  const server = createServer((request, response) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (request.url === '/keys') fetches += 1;
    const body = request.url === '/openid' ? openIdMetadata(`${base}/keys`) : keys;
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await once(server.listen(0, '127.0.0.1'), 'listening');
  const port = (server.address() as AddressInfo).port;
  const now = () => Math.floor(Date.now() / 1000);
  return {
    cloud: {
      botOpenIdMetadata: `http://127.0.0.1:${port}/openid`,
      botIssuer: 'https://api.botframework.com',
    },
    sign: ({ serviceUrl, key = 'teams', kid, claims = {} } = {}) => {
      const signing = key === 'teams' ? teamsKey : key === 'webchat-only' ? webchatKey : strayKey;
      const keyId = kid === undefined ? `${key === 'webchat-only' ? 'webchat' : key}-key` : kid;
      const payload: JWTPayload = {
        iss: 'https://api.botframework.com',
        aud: BOT_ID,
        nbf: now() - 10,
        exp: now() + 3600,
        ...(serviceUrl === null || serviceUrl === undefined ? {} : { serviceurl: serviceUrl }),
        ...claims,
      };
      const header = keyId === null ? { alg: 'RS256' } : { alg: 'RS256', kid: keyId };
      return new SignJWT(payload).setProtectedHeader(header).sign(signing.privateKey);
    },
    keyFetches: () => fetches,
    close: () => {
      server.close();
    },
  };
}

/** Hands out token-1, then token-2 once token-1 is invalidated, and so on. */
export function rotatingTokens() {
  let issued = 1;
  const invalidated: string[] = [];
  return {
    invalidated,
    token: () => Promise.resolve(`token-${issued}`),
    invalidate(rejected: string) {
      invalidated.push(rejected);
      if (rejected === `token-${issued}`) issued += 1;
    },
  };
}
