// POST /api/messages: Teams' meeting-end event queues one ending job; everything else is acknowledged.
import { describe, expect, it } from '@jest/globals';
import functions from '@azure/functions';
import type { HttpResponseInit } from '@azure/functions';
import type { EndJob } from '../../api/src/application/ending-ports.js';
import {
  AuthenticationError,
  DependencyUnavailableError,
} from '../../api/src/application/errors.js';
import { messagesPost } from '../../api/src/functions/messages-post.js';
import type { MessagesDependencies } from '../../api/src/functions/messages-post.js';

const { HttpRequest, InvocationContext } = functions;

const GOOD_TOKEN = 'Bearer signed-by-the-bot-framework';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const MEETING_ID =
  'MCMxOTptZWV0aW5nX1pUQmhZVGMxWW1FdFpXVXpZaTAwWkRVekxUazVNelV0WkRsbVkyVXdORGcwWm1VNEB0aHJlYWQudjIjMA==';

const meetingEnd = {
  type: 'event',
  name: 'application/vnd.microsoft.meetingEnd',
  channelId: 'msteams',
  serviceUrl: SERVICE_URL,
  value: { Id: 'opaque', MeetingType: 'Scheduled', EndTime: '2026-11-21T10:00:00Z' },
  channelData: { tenant: { id: 'tenant-1' }, meeting: { id: MEETING_ID } },
};

interface Fixture {
  readonly jobs: EndJob[];
  readonly checked: { authorization: string | null; serviceUrl?: string }[];
  send(body: unknown, init?: { token?: string | null; raw?: string }): Promise<HttpResponseInit>;
}

function fixture(options: { local?: boolean; queueDown?: boolean } = {}): Fixture {
  const jobs: EndJob[] = [];
  const checked: Fixture['checked'] = [];
  const dependencies: MessagesDependencies = {
    botAuth:
      options.local === true
        ? null
        : {
            verify: (authorization, activity) => {
              checked.push({ authorization, ...activity });
              return authorization === GOOD_TOKEN
                ? Promise.resolve()
                : Promise.reject(
                    new AuthenticationError('The Bot Framework token could not be verified.'),
                  );
            },
          },
    endQueue: {
      enqueue: (job) => {
        if (options.queueDown === true) {
          return Promise.reject(new DependencyUnavailableError('The queue is down.'));
        }
        jobs.push(job);
        return Promise.resolve();
      },
    },
    meetingKey: (meetingId) => `key-of:${meetingId}`,
  };
  const handler = messagesPost(() => Promise.resolve(dependencies));
  return {
    jobs,
    checked,
    send: (body, init = {}) => {
      const token = init.token === undefined ? GOOD_TOKEN : init.token;
      const request = new HttpRequest({
        method: 'POST',
        url: 'http://localhost:7071/api/messages',
        headers: {
          'content-type': 'application/json',
          ...(token === null ? {} : { authorization: token }),
        },
        body: { string: init.raw ?? JSON.stringify(body) },
      });
      return handler(request, new InvocationContext({ functionName: 'messages-post' }));
    },
  };
}

describe('POST /api/messages', () => {
  it("queues Teams' meeting end with the meeting's key and answers 202", async () => {
    const api = fixture();
    const response = await api.send(meetingEnd);
    expect(response.status).toBe(202);
    expect(api.jobs).toEqual([
      { meetingKey: `key-of:${MEETING_ID}`, meetingId: MEETING_ID, reason: 'teams' },
    ]);
  });

  it("checks the token against the activity's serviceUrl", async () => {
    const api = fixture();
    await api.send(meetingEnd);
    expect(api.checked).toEqual([{ authorization: GOOD_TOKEN, serviceUrl: SERVICE_URL }]);
  });

  it.each([
    [
      'a chat message',
      { type: 'message', text: 'hello', channelId: 'msteams', serviceUrl: SERVICE_URL },
    ],
    ['the meeting-start event', { ...meetingEnd, name: 'application/vnd.microsoft.meetingStart' }],
    ['a meeting end from another channel', { ...meetingEnd, channelId: 'webchat' }],
  ])('acknowledges %s with 200 and an empty body, queueing nothing', async (_, activity) => {
    const api = fixture();
    const response = await api.send(activity);
    expect(response.status).toBe(200);
    expect(response.body ?? null).toBeNull();
    expect(api.jobs).toEqual([]);
  });

  it('answers 503 when the job cannot be queued, so the Bot Framework sends the event again', async () => {
    const response = await fixture({ queueDown: true }).send(meetingEnd);
    expect(response.status).toBe(503);
  });

  it('answers 401 and queues nothing when the token is refused', async () => {
    const api = fixture();
    const response = await api.send(meetingEnd, { token: 'Bearer forged' });
    expect(response.status).toBe(401);
    expect(api.jobs).toEqual([]);
  });

  it('answers 401 when there is no token at all', async () => {
    const response = await fixture().send(meetingEnd, { token: null });
    expect(response.status).toBe(401);
  });

  it('answers 404 in local mode, where no bot is registered', async () => {
    const api = fixture({ local: true });
    const response = await api.send(meetingEnd);
    expect(response.status).toBe(404);
    expect(response.body).toEqual(expect.stringContaining('local'));
    expect(api.jobs).toEqual([]);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const response = await fixture().send(null, { raw: '{"type": "event",' });
    expect(response.status).toBe(400);
  });

  it.each([
    ['an activity without a type', { serviceUrl: SERVICE_URL }],
    ['a meeting end without the meeting id', { ...meetingEnd, channelData: { meeting: {} } }],
    ['a serviceUrl that is not a string', { ...meetingEnd, serviceUrl: 42 }],
  ])('answers 400 to %s and queues nothing', async (_, activity) => {
    const api = fixture();
    const response = await api.send(activity);
    expect(response.status).toBe(400);
    expect(api.jobs).toEqual([]);
  });
});
