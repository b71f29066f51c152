// BotFrameworkAuth accepts only what the Bot Framework signs for this bot, with a key endorsed for
// Teams, for the activity's own serviceUrl (bot-docs rest-api/bot-framework-rest-connector-
// authentication.md), and tells an outage apart from a forgery.
import { afterAll, describe, expect, it } from '@jest/globals';
import { base64url } from 'jose';
import { BotFrameworkAuth } from '../../api/src/adapters/teams/bot-auth.js';
import {
  AuthenticationError,
  DependencyUnavailableError,
  NotFromTeamsError,
} from '../../api/src/application/errors.js';
import { freePort } from '../support/free-port.js';
import { startFakeBotFramework } from './fake-bot-framework.js';
import { BOT_ID, chatMessage } from './fixtures.js';

const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';
const botFramework = await startFakeBotFramework();
afterAll(() => {
  botFramework.close();
});

const auth = new BotFrameworkAuth({ appId: BOT_ID, cloud: botFramework.cloud });
const bearer = (token: string) => `Bearer ${token}`;
const encode = (part: object) => base64url.encode(JSON.stringify(part));
const now = () => Math.floor(Date.now() / 1000);

async function failure(promise: Promise<unknown> | (() => unknown)): Promise<unknown> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
    return 'accepted';
  } catch (error) {
    return error;
  }
}

describe('BotFrameworkAuth', () => {
  it('accepts a token signed for this bot with a key endorsed for msteams, for this serviceUrl', async () => {
    const claims = await auth.verifyToken(
      bearer(await botFramework.sign({ serviceUrl: SERVICE_URL })),
    );
    expect(claims).toEqual({ serviceUrl: SERVICE_URL });
    expect(() => {
      auth.checkActivity(claims, chatMessage(SERVICE_URL));
    }).not.toThrow();
  });

  it('also reads the claim spelled serviceUrl, as the REST documentation writes it', async () => {
    const token = await botFramework.sign({ claims: { serviceUrl: SERVICE_URL } });
    expect(await auth.verifyToken(bearer(token))).toEqual({ serviceUrl: SERVICE_URL });
  });

  it('reads the signing keys once and reuses them for later requests', async () => {
    const before = botFramework.keyFetches();
    await auth.verifyToken(bearer(await botFramework.sign({ serviceUrl: SERVICE_URL })));
    await auth.verifyToken(bearer(await botFramework.sign({ serviceUrl: SERVICE_URL })));
    expect(botFramework.keyFetches()).toBe(before);
  });

  const unauthenticated: [string, () => Promise<string | null>][] = [
    ['no Authorization header', () => Promise.resolve(null)],
    [
      'a token from another issuer',
      async () => bearer(await botFramework.sign({ claims: { iss: 'https://evil.example' } })),
    ],
    [
      'a token for another bot',
      async () => bearer(await botFramework.sign({ claims: { aud: 'another-bot' } })),
    ],
    [
      'an expired token (beyond five minutes of skew)',
      async () =>
        bearer(await botFramework.sign({ claims: { iat: now() - 7200, exp: now() - 600 } })),
    ],
    [
      'an unsigned token (alg none)',
      () =>
        Promise.resolve(
          bearer(`${encode({ alg: 'none', kid: 'teams-key' })}.${encode({ aud: BOT_ID })}.`),
        ),
    ],
    [
      'a token naming a key the Bot Framework does not have',
      async () => bearer(await botFramework.sign({ key: 'unknown' })),
    ],
    [
      'a token that names no key at all',
      async () => bearer(await botFramework.sign({ kid: null })),
    ],
    [
      'a token signed by another key under the Teams key id',
      async () => bearer(await botFramework.sign({ key: 'unknown', kid: 'teams-key' })),
    ],
  ];

  it.each(unauthenticated)(
    'answers %s with an AuthenticationError (401) that does not quote it',
    async (_, header) => {
      const authorization = await header();
      const error = await failure(auth.verifyToken(authorization));
      expect(error).toBeInstanceOf(AuthenticationError);
      const token = authorization?.slice('Bearer '.length) ?? 'no token';
      expect((error as Error).message).not.toContain(token);
    },
  );

  it('refuses (403, as documented) a genuine key that is not endorsed for Teams', async () => {
    const token = await botFramework.sign({ key: 'webchat-only', serviceUrl: SERVICE_URL });
    expect(await failure(auth.verifyToken(bearer(token)))).toBeInstanceOf(NotFromTeamsError);
  });

  it('refuses an activity from another serviceUrl, from no serviceUrl, or from another channel', async () => {
    const claims = await auth.verifyToken(
      bearer(await botFramework.sign({ serviceUrl: SERVICE_URL })),
    );
    const elsewhere = chatMessage('https://evil.example/');
    expect(
      await failure(() => {
        auth.checkActivity(claims, elsewhere);
      }),
    ).toBeInstanceOf(NotFromTeamsError);
    const { serviceUrl: _, ...withoutServiceUrl } = chatMessage(SERVICE_URL);
    expect(
      await failure(() => {
        auth.checkActivity(claims, withoutServiceUrl);
      }),
    ).toBeInstanceOf(NotFromTeamsError);
    const webchat = { ...chatMessage(SERVICE_URL), channelId: 'webchat' };
    expect(
      await failure(() => {
        auth.checkActivity(claims, webchat);
      }),
    ).toBeInstanceOf(NotFromTeamsError);
    // A token without the claim vouches for no serviceUrl at all.
    const bare = await auth.verifyToken(bearer(await botFramework.sign({ serviceUrl: null })));
    expect(
      await failure(() => {
        auth.checkActivity(bare, chatMessage(SERVICE_URL));
      }),
    ).toBeInstanceOf(NotFromTeamsError);
  });

  it('reports unreachable OpenID metadata as a dependency failure (503), not a forgery', async () => {
    const offline = new BotFrameworkAuth({
      appId: BOT_ID,
      cloud: {
        ...botFramework.cloud,
        botOpenIdMetadata: `http://127.0.0.1:${await freePort()}/openid`,
      },
    });
    const token = bearer(await botFramework.sign({ serviceUrl: SERVICE_URL }));
    expect(await failure(offline.verifyToken(token))).toBeInstanceOf(DependencyUnavailableError);
  });

  it('reports a key server that answers with an error as a dependency failure', async () => {
    const failing = new BotFrameworkAuth({
      appId: BOT_ID,
      cloud: botFramework.cloud,
      fetch: () => Promise.resolve(new Response('busy', { status: 503 })),
    });
    const token = bearer(await botFramework.sign({ serviceUrl: SERVICE_URL }));
    expect(await failure(failing.verifyToken(token))).toBeInstanceOf(DependencyUnavailableError);
  });
});
