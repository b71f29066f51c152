// WebPubSubBroadcaster against a local stand-in for the Web PubSub REST API, with the real SDK.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { decodeJwt, jwtVerify } from 'jose';
import { initialMeetingState, publicView } from '@roundtable/core';
import { DependencyUnavailableError } from '../../api/src/application/errors.js';
import {
  WebPubSubBroadcaster,
  createWebPubSubClient,
  meetingGroup,
} from '../../api/src/adapters/web-pubsub-broadcaster.js';

const ACCESS_KEY = randomBytes(32).toString('base64');
const KEY_BYTES = new TextEncoder().encode(ACCESS_KEY);
const MEETING_KEY = 'k7Qd1v0TnY3uLx2Wm9Ra-Zp_';
const GROUP = meetingGroup(MEETING_KEY);
const VIEW = publicView(initialMeetingState({}), { meetingId: 'meeting-1', version: 4 });

interface Recorded {
  readonly method: string;
  readonly url: URL;
  readonly auth: string;
  readonly contentType: string;
  readonly body: string;
}
const requests: Recorded[] = [];
let answerStatus = 202;

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    requests.push({
      method: req.method ?? '',
      url: new URL(req.url ?? '/', base),
      auth: req.headers.authorization ?? '',
      contentType: req.headers['content-type'] ?? '',
      body,
    });
    // Sending answers 202 Accepted; closing connections answers 204 No Content (REST reference).
    const closing = (req.url ?? '').includes('/:closeConnections');
    res.writeHead(answerStatus === 202 && closing ? 204 : answerStatus).end();
  });
});

let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  requests.length = 0;
  answerStatus = 202;
});

function broadcaster(tokenMinutes = 30) {
  const client = createWebPubSubClient({
    hub: 'roundtable',
    connectionString: `Endpoint=${base};AccessKey=${ACCESS_KEY};Version=1.0;`,
  });
  return new WebPubSubBroadcaster({ client, tokenMinutes });
}

describe('WebPubSubBroadcaster.publish', () => {
  it('sends the view as JSON to the meeting group, signed with the access key', async () => {
    const live = broadcaster();
    await live.publish(MEETING_KEY, VIEW);
    expect(requests).toHaveLength(1);
    const [sent] = requests;
    expect(sent?.method).toBe('POST');
    expect(sent?.url.pathname).toBe(`/api/hubs/roundtable/groups/${GROUP}/:send`);
    expect(sent?.url.searchParams.get('api-version')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(sent?.contentType).toMatch(/^application\/json/);
    expect(JSON.parse(sent?.body ?? '')).toEqual(VIEW);
    const token = sent?.auth.replace(/^Bearer /, '') ?? '';
    // The SDK signs each request for its own URL; the service checks exactly that audience.
    await expect(
      jwtVerify(token, KEY_BYTES, { audience: sent?.url.href ?? '' }),
    ).resolves.toBeDefined();
    await expect(jwtVerify(token, randomBytes(32))).rejects.toThrow();
    expect(live.failures).toBe(0);
  });

  it('keeps each meeting in its own group', async () => {
    const live = broadcaster();
    await live.publish('another-meeting-key', VIEW);
    expect(requests[0]?.url.pathname).toBe(
      `/api/hubs/roundtable/groups/${meetingGroup('another-meeting-key')}/:send`,
    );
    expect(meetingGroup('another-meeting-key')).not.toBe(GROUP);
  });

  it('swallows a failing service and counts the failure', async () => {
    answerStatus = 500;
    const live = broadcaster();
    await expect(live.publish(MEETING_KEY, VIEW)).resolves.toBeUndefined();
    expect(live.failures).toBe(1);
    expect(requests.length).toBeGreaterThanOrEqual(1);
  });
});

describe('WebPubSubBroadcaster.disconnectAll', () => {
  it("closes every connection in the meeting's group, and only that group, saying why", async () => {
    const live = broadcaster();
    await live.disconnectAll(MEETING_KEY);
    expect(requests).toHaveLength(1);
    const [sent] = requests;
    expect(sent?.method).toBe('POST');
    // The REST operation "Close connections in the specific group" (Web PubSub data-plane API).
    expect(sent?.url.pathname).toBe(`/api/hubs/roundtable/groups/${GROUP}/:closeConnections`);
    expect(sent?.url.searchParams.get('reason')).toBe('The session ended.');
    expect(live.failures).toBe(0);
  });

  it('never throws when the service fails, and counts it', async () => {
    answerStatus = 503;
    const live = broadcaster();
    await expect(live.disconnectAll(MEETING_KEY)).resolves.toBeUndefined();
    expect(live.failures).toBe(1);
  });
});

describe('WebPubSubBroadcaster.access', () => {
  it('issues a client URL that joins this meeting only, for this participant, for tokenMinutes', async () => {
    const live = broadcaster(45);
    const before = Date.now();
    const access = await live.access(MEETING_KEY, 'meeting-1', 'participant-7');
    expect(access.transport).toBe('webpubsub');
    const url = new URL(access.url);
    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe(
      `${base.replace('http', 'ws')}/client/hubs/roundtable`,
    );
    const { payload } = await jwtVerify(url.searchParams.get('access_token') ?? '', KEY_BYTES, {
      audience: `${base}/client/hubs/roundtable`,
    });
    expect(payload.sub).toBe('participant-7');
    expect(payload['webpubsub.group']).toEqual([GROUP]);
    // Join and leave its own group; no role to send, and none for other groups.
    expect(payload.role).toEqual([`webpubsub.joinLeaveGroup.${GROUP}`]);
    const expected = before / 1000 + 45 * 60;
    expect(payload.exp).toBeGreaterThanOrEqual(Math.floor(expected) - 1);
    expect(payload.exp).toBeLessThanOrEqual(Math.ceil(expected) + 5);
    expect(access.expiresAt).toBeLessThanOrEqual((payload.exp ?? 0) * 1000 + 1000);
    expect(access.expiresAt).toBeGreaterThan(before + 44 * 60_000);
  });

  it('gives each participant their own identity', async () => {
    const live = broadcaster();
    const first = await live.access(MEETING_KEY, 'meeting-1', 'participant-1');
    const second = await live.access(MEETING_KEY, 'meeting-1', 'participant-2');
    const subjectOf = (url: string) =>
      decodeJwt(new URL(url).searchParams.get('access_token') ?? '').sub;
    expect([subjectOf(first.url), subjectOf(second.url)]).toEqual([
      'participant-1',
      'participant-2',
    ]);
  });

  it('reports a service that cannot issue tokens as unavailable', async () => {
    const live = new WebPubSubBroadcaster({
      client: {
        getClientAccessToken: () =>
          Promise.reject(Object.assign(new Error('boom'), { statusCode: 503 })),
      } as unknown as ConstructorParameters<typeof WebPubSubBroadcaster>[0]['client'],
    });
    await expect(live.access(MEETING_KEY, 'meeting-1', 'participant-1')).rejects.toBeInstanceOf(
      DependencyUnavailableError,
    );
  });
});

describe('meetingGroup', () => {
  it('keeps group names free of spaces and within 1024 characters, whatever the key', () => {
    for (const key of [MEETING_KEY, 'with spaces/and+slashes', 'x'.repeat(5000)]) {
      expect(meetingGroup(key)).toMatch(/^[A-Za-z0-9_-]{1,1024}$/);
    }
    expect(meetingGroup('a b')).not.toBe(meetingGroup('a  b'));
  });
});
