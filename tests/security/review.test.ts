// What an adversarial review of Roundtable confirmed, each reproduced as the attack it was and
// shown not to get through: bodies read whole, summaries of another organiser, floods of views and
// lookups, notices as spam, private actions leaking through the version, unkeyed pseudonyms, the
// secret used twice, forged bot tokens without a key id, and the smaller findings beside them.
import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import { createHmac, randomUUID } from 'node:crypto';
import functions from '@azure/functions';
import { type ParticipantView, type PublicCommand, teamsMeetingId } from '@roundtable/core';
import { HmacPseudonymiser } from '../../api/src/adapters/hmac-pseudonymiser.js';
import { TeamsMeetingDirectory } from '../../api/src/adapters/teams/meeting-directory.js';
import { RateLimiter, CALLER_RATE_LIMIT } from '../../api/src/application/rate-limiter.js';
import { DependencyUnavailableError } from '../../api/src/application/errors.js';
import { ConfigError, readConfig } from '../../api/src/config.js';
import { startLocalHost } from '../../api/src/host/local-host.js';
import { handled } from '../../api/src/http/handle.js';
import { MAX_BODY_BYTES } from '../../api/src/http/request.js';
import {
  startFakeBotConnector,
  type FakeBotConnector,
} from '../teams-contract/fake-bot-connector.js';
import {
  startFakeBotFramework,
  type FakeBotFramework,
} from '../teams-contract/fake-bot-framework.js';
import { meetingEvent, person, SCHEDULED_MEETING, TENANT_ID } from '../teams-contract/fixtures.js';
import { callerOf, connectorFor, teamsApi } from '../teams-contract/support.js';
import { figuresFor } from './figures.js';
import { SECRET } from '../api/support.js';
import { command, testApi } from './harness.js';

const { HttpRequest, InvocationContext } = functions;
const figures = figuresFor('review');

let fake: FakeBotConnector;
let botFramework: FakeBotFramework;
beforeAll(async () => {
  fake = await startFakeBotConnector();
  botFramework = await startFakeBotFramework();
});
afterAll(async () => {
  botFramework.close();
  await fake.close();
});

const olu = person(1, 'Olu', 'Organizer');
const ana = person(3, 'Ana', 'Attendee');
const ben = person(4, 'Ben', 'Attendee');

/** A public command with a fresh id, as the tab sends it. */
const sent = (body: PublicCommand) => ({ ...body, id: randomUUID() });

/**
 * A request whose body never ends, counting how many kibibytes anyone pulled from it: what the
 * Functions host hands a handler with HTTP streaming on (a fetch Request over the live body).
 */
function endlessRequest(url: string, headers: Record<string, string>, params = {}) {
  const counter = { kibibytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.kibibytes += 1;
      controller.enqueue(new Uint8Array(1024).fill(0x20));
    },
  });
  const nativeRequest = new Request(url, {
    method: 'POST',
    headers,
    body: stream,
    duplex: 'half',
  } as RequestInit);
  const request = new HttpRequest({ method: 'POST', url, params, nativeRequest } as never);
  return { request, counter };
}

describe('1. bodies are counted as they arrive', () => {
  figures.attack('an endless command body is refused at 16 KiB, having read no more', async () => {
    const api = await testApi();
    const token = await api.tokenFor('Ana', 'attendee');
    const route = api.routes.find((candidate) => candidate.name === 'commands-post');
    if (route === undefined) throw new Error('No commands route.');
    const { request, counter } = endlessRequest(
      'http://localhost/api/meetings/m/commands',
      { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      { meetingId: 'm' },
    );
    const answer = await route.handler(
      request,
      new InvocationContext({ functionName: 'commands-post' }),
    );
    expect(answer.status).toBe(413);
    expect(counter.kibibytes * 1024).toBeLessThanOrEqual(MAX_BODY_BYTES + 2 * 1024);
    api.close();
  });

  figures.attack('an anonymous endless post to the bot endpoint is refused unread', async () => {
    const { api } = await teamsApi(botFramework);
    const route = api.routes.find((candidate) => candidate.name === 'messages-post');
    if (route === undefined) throw new Error('No bot route.');
    const { request, counter } = endlessRequest('http://localhost/api/messages', {
      'content-type': 'application/json',
    });
    const answer = await route.handler(
      request,
      new InvocationContext({ functionName: 'messages-post' }),
    );
    expect(answer.status).toBe(401);
    expect(counter.kibibytes).toBeLessThanOrEqual(1);
    api.close();
  });
});

describe("2. one organiser's summaries are not another's", () => {
  figures.attack(
    'whoever organises a later meeting in the same chat reads none of the earlier summaries',
    async () => {
      const teams = await teamsApi(botFramework);
      const { api } = teams;
      const deliver = (kind: 'Start' | 'End') =>
        teams.deliver(
          meetingEvent(kind, {
            serviceUrl: fake.serviceUrl,
            meetingId: SCHEDULED_MEETING,
            at: new Date(api.clock.now).toISOString(),
          }),
        );
      fake.meetings.set(SCHEDULED_MEETING, { organizer: olu, people: [olu, ana, ben] });
      await deliver('Start');
      for (const [who, body] of [
        [ana, { type: 'join', kind: 'point' }],
        [olu, { type: 'next', currentTurnId: null }],
      ] as const satisfies (readonly [typeof olu, PublicCommand])[]) {
        const { refusal } = await api.services.meetings.execute(
          SCHEDULED_MEETING,
          callerOf(who),
          sent(body),
        );
        expect(refusal).toBeNull();
      }
      await deliver('End');
      await teams.runJobs();
      // Ben organises the chat's next meeting: Teams says so for the same meeting id.
      const benOrganises = { ...ben, role: 'Organizer' as const };
      fake.meetings.set(SCHEDULED_MEETING, {
        organizer: benOrganises,
        people: [{ ...olu, role: 'Attendee' as const }, ana, benOrganises],
      });
      await deliver('Start');
      const caller = callerOf(ben);
      const { summaries } = api.services;
      expect(await summaries.series(SCHEDULED_MEETING, caller)).toEqual([]);
      await expect(summaries.summary(SCHEDULED_MEETING, caller, 1)).rejects.toMatchObject({
        name: expect.stringMatching(/NotOrganiserError|SummaryNotFoundError/) as unknown,
      });
      expect(await summaries.erase(SCHEDULED_MEETING, caller)).toMatchObject({ summaries: 0 });
      expect(await summaries.series(SCHEDULED_MEETING, callerOf(olu))).toHaveLength(1);
      expect(fake.violations).toEqual([]);
      fake.meetings.clear();
      api.close();
    },
  );
});

describe('5. every authenticated route is limited per person, and so are lookups in Teams', () => {
  figures.attack(
    'views of random meetings run into 429 with Retry-After, whatever the meeting id',
    async () => {
      const api = await testApi({ callerLimiter: new RateLimiter(CALLER_RATE_LIMIT) });
      const token = await api.tokenFor('Mallory', 'attendee');
      const statuses: number[] = [];
      for (let i = 0; i < CALLER_RATE_LIMIT.capacity + 5; i++) {
        const answer = await api.call(i % 2 === 0 ? 'meetings-get' : 'live-get', {
          params: { meetingId: `walk-${randomUUID()}` },
          token,
        });
        statuses.push(answer.status);
      }
      expect(statuses.slice(0, CALLER_RATE_LIMIT.capacity).every((s) => s === 200)).toBe(true);
      expect(statuses.slice(CALLER_RATE_LIMIT.capacity)).toEqual([429, 429, 429, 429, 429]);
      const refused = await api.call('meetings-get', { params: { meetingId: 'x' }, token });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // Someone else is not held up by Mallory.
      const ana = await api.tokenFor('Ana', 'attendee');
      expect(
        (await api.call('meetings-get', { params: { meetingId: 'x' }, token: ana })).status,
      ).toBe(200);
      api.close();
    },
  );

  figures.attack('one person makes Teams answer at most 60 lookups a minute', async () => {
    fake.meetings.set(SCHEDULED_MEETING, { organizer: olu, people: [olu, ana] });
    const { connector } = connectorFor(fake);
    const directory = new TeamsMeetingDirectory({
      connector,
      lookups: new RateLimiter({ capacity: 60, windowMs: 60_000 }),
    });
    const asked = () => fake.sent.filter((sent) => sent.kind === 'participant').length;
    const before = asked();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 70 }, (_, i) =>
        directory.membership(teamsMeetingId(`19:walk${i}@thread.v2`, '0'), callerOf(ana), 'act'),
      ),
    );
    expect(asked() - before).toBeLessThanOrEqual(60);
    expect(
      outcomes.filter(
        (o) => o.status === 'rejected' && (o.reason as Error).name === 'RateLimitedError',
      ),
    ).toHaveLength(10);
    fake.meetings.clear();
    fake.violations.length = 0;
  });
});

describe('6. a notice at most once a minute per person', () => {
  figures.attack(
    'joining and leaving in front of someone sends them one notice, not sixty',
    async () => {
      fake.meetings.set(SCHEDULED_MEETING, { organizer: olu, people: [olu, ana, ben] });
      const teams = await teamsApi(botFramework);
      const { api } = teams;
      await teams.deliver(
        meetingEvent('Start', {
          serviceUrl: fake.serviceUrl,
          meetingId: SCHEDULED_MEETING,
          at: new Date(api.clock.now).toISOString(),
        }),
      );
      const act = (who: typeof olu, body: PublicCommand) =>
        api.services.meetings.execute(SCHEDULED_MEETING, callerOf(who), sent(body));
      await act(olu, { type: 'join', kind: 'point' });
      await act(olu, { type: 'next', currentTurnId: null });
      await act(ben, { type: 'join', kind: 'point' });
      const sentBefore = fake.sent.filter((sent) => sent.kind === 'notification').length;
      // Ana jumps in front of Ben with a point of order and leaves again, thirty times in a minute.
      for (let i = 0; i < 30; i++) {
        await act(ana, { type: 'join', kind: 'order' });
        await act(ana, { type: 'leave', kind: 'order' });
        api.clock.now += 2_000;
      }
      const toBen = fake.sent
        .slice(0)
        .filter((sent) => sent.kind === 'notification')
        .slice(sentBefore)
        .filter((sent) => JSON.stringify(sent.body).includes(ben.teamsId));
      expect(toBen.length).toBeLessThanOrEqual(1);
      expect(fake.violations).toEqual([]);
      fake.sent.length = 0;
      fake.meetings.clear();
      api.close();
    },
  );
});

describe('7. private actions leave the version everyone sees', () => {
  figures.attack(
    'an invitation and its refusal change no attendee’s version or ETag; the invitee still sees it',
    async () => {
      const api = await testApi();
      const [host, attendee, invitee] = await Promise.all([
        api.tokenFor('Olu', 'organizer'),
        api.tokenFor('Cy', 'attendee'),
        api.tokenFor('Ana', 'attendee'),
      ]);
      const params = { meetingId: 'private-actions' };
      const send = (token: string, body: Parameters<typeof command>[0]) =>
        api.call('commands-post', { params, token, body: command(body) });
      await send(host, { type: 'unlock' });
      const look = (token: string, etag?: string) =>
        api.call('meetings-get', {
          params,
          token,
          ...(etag === undefined ? {} : { headers: { 'if-none-match': etag } }),
        });
      await look(attendee);
      const anaView = (await look(invitee)).json as ParticipantView;
      const before = await look(attendee);
      const etag = before.headers.get('etag') ?? '';
      const published: number[] = [];
      const spy = api.hub.publish.bind(api.hub);
      api.hub.publish = (meetingKey, view) => {
        published.push(view.version);
        return spy(meetingKey, view);
      };
      await send(host, { type: 'invite', participantId: anaView.you.participantId });
      expect((await look(attendee, etag)).status).toBe(304);
      const invited = (await look(invitee)).json as ParticipantView;
      expect(invited.you.invited).toBe(true);
      expect(invited.version).toBe((before.json as ParticipantView).version);
      await send(invitee, { type: 'respondInvite', accept: false });
      expect((await look(attendee, etag)).status).toBe(304);
      expect(published).toEqual([]);
      // A public change still moves it, for everyone.
      await send(host, { type: 'lock' });
      const after = await look(attendee, etag);
      expect(after.status).toBe(200);
      expect((after.json as ParticipantView).version).toBe(
        (before.json as ParticipantView).version + 1,
      );
      expect(published).toHaveLength(1);
      api.close();
    },
  );
});

describe('8. no pseudonym without a salt', () => {
  figures.attack(
    'an ended session computes no pseudonym; live access is keyed per meeting',
    async () => {
      const pseudonyms = new HmacPseudonymiser(SECRET);
      const caller = { tenantId: TENANT_ID, userId: olu.aadObjectId, displayName: 'Olu' };
      expect(() => pseudonyms.participantId('', caller)).toThrow(/salt/);
      expect(() => pseudonyms.recordId('', 'p1')).toThrow(/salt/);
      const api = await testApi();
      const host = await api.tokenFor('Olu', 'organizer');
      const params = { meetingId: 'ended-live' };
      await api.call('commands-post', { params, token: host, body: command({ type: 'unlock' }) });
      await api.call('commands-post', {
        params,
        token: host,
        body: command({ type: 'endSession', session: 1 }),
      });
      // What /live once computed after the end: HMAC keyed with the empty salt.
      const { tid, oid } = JSON.parse(
        Buffer.from(host.split('.')[1] ?? '', 'base64url').toString(),
      ) as { tid: string; oid: string };
      const unkeyed = `p${createHmac('sha256', '').update(`${tid}\u0000${oid}`).digest('base64url').slice(0, 22)}`;
      const live = await api.call('live-get', { params, token: host });
      expect(live.status).toBe(200);
      const ticket = decodeURIComponent(
        /ticket=([^&]+)/.exec((live.json as { url: string }).url)?.[1] ?? '',
      );
      const subscriber = (
        JSON.parse(Buffer.from(ticket.split('.')[0] ?? '', 'base64url').toString()) as {
          participantId: string;
        }
      ).participantId;
      expect(subscriber.startsWith('l')).toBe(true);
      expect(subscriber).not.toBe(unkeyed);
      api.close();
    },
  );
});

describe('9. local mode only when asked for', () => {
  figures.attack(
    'outside App Service, missing settings fail closed instead of going local',
    async () => {
      // A container or a VM: none of App Service's variables, no ROUNDTABLE_MODE.
      expect(() => readConfig({ ROUNDTABLE_SECRET: SECRET })).toThrow(ConfigError);
      expect(() => readConfig({ ROUNDTABLE_SECRET: SECRET })).toThrow(/app settings are missing/);
      expect(() =>
        readConfig({ ROUNDTABLE_MODE: 'local', WEBSITE_SITE_NAME: 'x', ROUNDTABLE_SECRET: SECRET }),
      ).toThrow(/refuses to run in Azure/);
      return Promise.resolve();
    },
  );
});

describe('10. the secret is never used twice for the same thing', () => {
  figures.attack(
    'a simulated person named like another use of the secret learns nothing of it',
    async () => {
      const api = await testApi();
      for (const name of [
        'roundtable local token signing key',
        'local-signing-key\u0000',
        'live',
      ]) {
        const token = await api.tokenFor(name, 'attendee');
        const oid = (
          JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
            oid: string;
          }
        ).oid.replaceAll('-', '');
        const unlabelled = createHmac('sha256', SECRET).update(name.toLowerCase()).digest('hex');
        // Before: the id was the first 16 bytes of HMAC(secret, name), version bits aside.
        expect(oid.slice(0, 12)).not.toBe(unlabelled.slice(0, 12));
      }
      api.close();
    },
  );
});

describe('11. a forged bot token without a key id', () => {
  figures.attack('is 401, not 503', async () => {
    const { api } = await teamsApi(botFramework);
    const answer = await api.call('messages-post', {
      body: meetingEvent('End', {
        serviceUrl: fake.serviceUrl,
        meetingId: SCHEDULED_MEETING,
        at: new Date(api.clock.now).toISOString(),
      }),
      headers: { authorization: `Bearer ${await botFramework.sign({ kid: null })}` },
    });
    expect(answer.status).toBe(401);
    expect(api.endQueue.jobs).toEqual([]);
    api.close();
  });
});

describe('the smaller findings', () => {
  figures.attack('a 503 tells the person what to do, and the log what happened', async () => {
    const logged: string[] = [];
    const handler = handled(() =>
      Promise.reject(
        new DependencyUnavailableError(
          'teams',
          'Bot token request was refused (HTTP 401, invalid_client).',
        ),
      ),
    );
    const answer = await handler(
      new HttpRequest({ method: 'GET', url: 'http://localhost/api/x' }),
      new InvocationContext({
        functionName: 'x',
        logHandler: (_level, ...args) => logged.push(args.join(' ')),
      }),
    );
    expect(answer.status).toBe(503);
    const body = typeof answer.body === 'string' ? answer.body : '';
    expect(body).not.toMatch(/invalid_client|401|token/i);
    expect(body).toMatch(/Microsoft Teams.*Try again/);
    expect(logged.join('\n')).toContain('invalid_client');
  });

  figures.attack('an ending job that names two meetings is refused', async () => {
    const api = await testApi();
    const key = api.services.meetings.meetingKey('meeting-a');
    await expect(
      api.services.ender.run({
        meetingKey: key,
        meetingId: 'meeting-b',
        reason: 'host',
        session: 1,
      }),
    ).rejects.toThrow(/two different meetings/);
    api.close();
  });

  figures.attack('the local API refuses to listen beyond this computer', async () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20']) {
      await expect(
        startLocalHost({ routes: [], port: 0, host, allowedOrigin: 'http://127.0.0.1:53000' }),
      ).rejects.toThrow(/this computer only/);
    }
  });
});
