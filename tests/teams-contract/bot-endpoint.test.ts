// POST /api/messages as Teams calls it: the token before the body, then the activity against the
// token; meeting start and end in both documented forms; everything else acknowledged.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import functions from '@azure/functions';
import { DependencyUnavailableError } from '../../api/src/application/errors.js';
import { startFakeBotFramework, type FakeBotFramework } from './fake-bot-framework.js';
import { chatMessage, meetingEvent, SCHEDULED_MEETING, TENANT_ID } from './fixtures.js';
import { teamsApi } from './support.js';
import { testApi } from '../api/support.js';

const { HttpRequest, InvocationContext } = functions;
const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';
// The test API's clock: Teams' reported times are never taken as later than now.
const at = '2026-11-21T09:00:00.000Z';

let botFramework: FakeBotFramework;
beforeAll(async () => {
  botFramework = await startFakeBotFramework();
});
afterAll(() => {
  botFramework.close();
});

const send = async (
  api: Awaited<ReturnType<typeof teamsApi>>['api'],
  activity: unknown,
  token: string | null,
) =>
  api.call('messages-post', {
    body: activity,
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });

describe('the bot endpoint', () => {
  it('opens a session on meeting start and queues the ending on meeting end, in both documented forms', async () => {
    const { api } = await teamsApi(botFramework);
    const token = await botFramework.sign({ serviceUrl: SERVICE_URL });
    for (const form of ['documented', '2024'] as const) {
      const start = meetingEvent('Start', {
        serviceUrl: SERVICE_URL,
        meetingId: SCHEDULED_MEETING,
        at,
        form,
      });
      const answer = await send(api, start, token);
      // The 2024 example carries no channelData.meeting.id, and the page forbids value's id.
      expect(answer.status).toBe(form === 'documented' ? 202 : 200);
    }
    const key = api.services.meetings.meetingKey(SCHEDULED_MEETING);
    expect(await api.store.load(key)).toMatchObject({ state: { session: 1, phase: 'live' } });
    const end = meetingEvent('End', { serviceUrl: SERVICE_URL, meetingId: SCHEDULED_MEETING, at });
    expect((await send(api, end, token)).status).toBe(202);
    expect(api.endQueue.jobs).toEqual([
      {
        meetingKey: key,
        meetingId: SCHEDULED_MEETING,
        reason: 'teams',
        session: null,
        endedAt: Date.parse(at),
        tenantId: TENANT_ID,
        // The documented example's activity `locale`: the card is written in it.
        locale: 'en-US',
      },
    ]);
    api.close();
  });

  it("carries the end event's language to the ending job, for the organiser's card", async () => {
    const { api } = await teamsApi(botFramework);
    const token = await botFramework.sign({ serviceUrl: SERVICE_URL });
    const end = meetingEvent('End', { serviceUrl: SERVICE_URL, meetingId: SCHEDULED_MEETING, at });
    // The documented shape, as a German Teams client would send it (activity `locale` and the
    // clientInfo entity's; Bot Framework activity schema).
    const german = { ...end, locale: 'de-DE', entities: [{ type: 'clientInfo', locale: 'de-DE' }] };
    expect((await send(api, german, token)).status).toBe(202);
    // Only the clientInfo entity says it: that is used too.
    const { locale: _none, ...withoutLocale } = end;
    const arabic = { ...withoutLocale, entities: [{ type: 'clientInfo', locale: 'ar-SA' }] };
    expect((await send(api, arabic, token)).status).toBe(202);
    expect(api.endQueue.jobs.map((job) => job.locale)).toEqual(['de-DE', 'ar-SA']);
    api.close();
  });

  it('acknowledges anything else with 200 and an empty body', async () => {
    const { api } = await teamsApi(botFramework);
    const answer = await send(
      api,
      chatMessage(SERVICE_URL),
      await botFramework.sign({ serviceUrl: SERVICE_URL }),
    );
    expect(answer).toMatchObject({ status: 200, json: null });
    expect(api.endQueue.jobs).toEqual([]);
    api.close();
  });

  it('refuses forged and misdirected activities, reading no body for a bad token', async () => {
    const { api } = await teamsApi(botFramework);
    const end = meetingEvent('End', { serviceUrl: SERVICE_URL, meetingId: SCHEDULED_MEETING, at });
    const cases: [string, string | null, unknown, number][] = [
      ['no token', null, end, 401],
      [
        'a token naming no key',
        await botFramework.sign({ kid: null, serviceUrl: SERVICE_URL }),
        end,
        401,
      ],
      [
        'a key not endorsed for Teams',
        await botFramework.sign({ key: 'webchat-only', serviceUrl: SERVICE_URL }),
        end,
        403,
      ],
      [
        'a token for another serviceUrl',
        await botFramework.sign({ serviceUrl: 'https://evil.example/' }),
        end,
        403,
      ],
      ['a token with no serviceUrl', await botFramework.sign({ serviceUrl: null }), end, 403],
    ];
    for (const [why, token, activity, status] of cases) {
      const answer = await send(api, activity, token);
      expect([why, answer.status]).toEqual([why, status]);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect(api.endQueue.jobs).toEqual([]);
    api.close();
  });

  it('answers a bad token before the body arrives: a body that never ends is never read', async () => {
    const { api } = await teamsApi(botFramework);
    const route = api.routes.find((r) => r.name === 'messages-post');
    if (!route) throw new Error('No bot route.');
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    // What the Functions host hands over with HTTP streaming on: a fetch Request on the live body.
    const init: RequestInit & { duplex: 'half' } = {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer forged' },
      body: endless,
      duplex: 'half',
    };
    const nativeRequest = new Request('http://localhost/api/messages', init);
    const request = new HttpRequest({
      method: 'POST',
      url: 'http://localhost/api/messages',
      nativeRequest,
    } as never);
    const answer = await route.handler(
      request,
      new InvocationContext({ functionName: 'messages-post' }),
    );
    expect(answer.status).toBe(401);
    // Only what the stream buffers on its own, never more than one chunk of it.
    expect(pulled).toBeLessThanOrEqual(1);
    api.close();
  });

  it('answers 503 when the ending cannot be queued, so the Bot Framework sends the event again', async () => {
    const { api } = await teamsApi(botFramework);
    api.endQueue.enqueue = () =>
      Promise.reject(new DependencyUnavailableError('storage', 'The queue is down.'));
    const end = meetingEvent('End', { serviceUrl: SERVICE_URL, meetingId: SCHEDULED_MEETING, at });
    const answer = await send(api, end, await botFramework.sign({ serviceUrl: SERVICE_URL }));
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).not.toBeNull();
    api.close();
  });
});

describe('the same activities in local mode', () => {
  it('has no bot (404), and takes them at /api/dev/activities from a signed-in simulated person', async () => {
    const api = await testApi();
    const start = meetingEvent('Start', {
      serviceUrl: SERVICE_URL,
      meetingId: SCHEDULED_MEETING,
      at,
    });
    expect((await api.call('messages-post', { body: start })).status).toBe(404);
    expect((await api.call('dev-activities-post', { body: start })).status).toBe(401);
    const token = await api.tokenFor('Olu', 'organizer');
    expect((await api.call('dev-activities-post', { body: start, token })).status).toBe(202);
    const key = api.services.meetings.meetingKey(SCHEDULED_MEETING);
    expect(await api.store.load(key)).toMatchObject({ state: { session: 1, phase: 'live' } });
    api.close();
  });
});
