// The bot's outbound tokens: the client-credentials request Microsoft documents for a single-
// tenant bot (bot-docs rest-api/bot-framework-rest-connector-authentication.md, "Step 1"), in the
// bot's cloud; one token shared and refreshed before it expires; failures named without secrets.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from '@jest/globals';
import { BotTokenProvider, botTokenUrl } from '../../api/src/adapters/teams/bot-token-provider.js';
import { DependencyUnavailableError } from '../../api/src/application/errors.js';
import { CLOUDS } from '../../api/src/cloud.js';
import { BOT_ID, TENANT_ID } from './fixtures.js';

const SECRET = 'the-bot-client-secret-0123456789';
const requests: { path: string; form: URLSearchParams }[] = [];
let issued = 0;
let answer: (() => [number, unknown]) | null = null;
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    requests.push({
      path: request.url ?? '',
      form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
    });
    issued += 1;
    const [status, body] = answer?.() ?? [
      200,
      {
        token_type: 'Bearer',
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: `eyJ.${issued}`,
      },
    ];
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
});
await once(server.listen(0, '127.0.0.1'), 'listening');
const loginHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(() => {
  server.close();
});

function provider(clock = { now: 1_000_000 }, cloud = CLOUDS.public) {
  return new BotTokenProvider({
    clientId: BOT_ID,
    clientSecret: SECRET,
    tokenUrl: botTokenUrl(loginHost, TENANT_ID),
    scope: cloud.botScope,
    now: () => clock.now,
  });
}

describe('BotTokenProvider', () => {
  it('asks the bot tenant’s token endpoint with the documented client-credentials form', async () => {
    requests.length = 0;
    expect(await provider().token()).toMatch(/^eyJ\.\d+$/);
    expect(requests[0]?.path).toBe(`/${TENANT_ID}/oauth2/v2.0/token`);
    expect(Object.fromEntries(requests[0]?.form ?? [])).toEqual({
      grant_type: 'client_credentials',
      client_id: BOT_ID,
      client_secret: SECRET,
      scope: 'https://api.botframework.com/.default',
    });
    expect(botTokenUrl(CLOUDS.gcc.loginHost, TENANT_ID)).toBe(
      `https://login.microsoftonline.com/${TENANT_ID}/oauth2/v2.0/token`,
    );
  });

  it('shares one token between callers and fetches a new one before it expires', async () => {
    requests.length = 0;
    const clock = { now: 1_000_000 };
    const tokens = provider(clock);
    const [first, second] = await Promise.all([tokens.token(), tokens.token()]);
    expect(first).toBe(second);
    expect(requests).toHaveLength(1);
    clock.now += 3600_000 - 4 * 60_000;
    expect(await tokens.token()).not.toBe(first);
    expect(requests).toHaveLength(2);
  });

  it('drops a token the Bot Connector refused, and only that one', async () => {
    const tokens = provider();
    const first = await tokens.token();
    tokens.invalidate('some other token');
    expect(await tokens.token()).toBe(first);
    tokens.invalidate(first);
    expect(await tokens.token()).not.toBe(first);
  });

  it('says why a token was refused by its OAuth code only, never the secret or the description', async () => {
    answer = () => [401, { error: 'invalid_client', error_description: `bad secret ${SECRET}` }];
    try {
      const failure = await provider()
        .token()
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DependencyUnavailableError);
      expect((failure as Error).message).toContain('invalid_client');
      expect((failure as Error).message).not.toContain(SECRET);
    } finally {
      answer = null;
    }
  });
});
