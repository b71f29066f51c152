// Storage outages answer 503 with Retry-After and lose nothing; floods answer 429.
import { afterEach, describe, expect, it } from '@jest/globals';
import type { ParticipantView } from '@roundtable/core';
import { RateLimiter } from '../../api/src/application/rate-limiter.js';
import { command, testApi, type TestApi } from './support.js';

const params = { meetingId: 'faults-meeting' };
let api: TestApi | undefined;
afterEach(() => api?.close());

describe('storage unavailable', () => {
  it('answers 503 with Retry-After, and the retried command applies exactly once afterwards', async () => {
    api = await testApi();
    const ana = await api.tokenFor('Ana', 'attendee');
    await api.call('meetings-get', { params, token: ana });
    const body = command({ type: 'join', kind: 'point' });
    api.store.unavailable = true;
    const during = await api.call('commands-post', { params, token: ana, body });
    expect(during.status).toBe(503);
    expect(during.headers.get('retry-after')).toBe('2');
    expect(during.headers.get('content-type')).toContain('application/problem+json');
    api.store.unavailable = false;
    const first = await api.call('commands-post', { params, token: ana, body });
    const second = await api.call('commands-post', { params, token: ana, body });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect((second.json as ParticipantView).queue).toHaveLength(1);
  });

  it('still gives a new live subscriber the last version it knows while storage is away', async () => {
    api = await testApi();
    const ana = await api.tokenFor('Ana', 'attendee');
    await api.call('commands-post', {
      params,
      token: ana,
      body: command({ type: 'join', kind: 'point' }),
    });
    const { meetings } = api.services;
    const key = meetings.meetingKey(params.meetingId);
    api.clock.now += 60_000;
    api.store.unavailable = true;
    const view = await meetings.currentPublicView(key, params.meetingId);
    expect(view.queue).toHaveLength(1);
    // A meeting this instance has never read cannot be invented: that stays a 503.
    await expect(meetings.currentPublicView('never-read', 'other')).rejects.toThrow(
      /unavailable|reach/i,
    );
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After once a person sends more than the limit, and only for them', async () => {
    api = await testApi({ rateLimiter: new RateLimiter({ capacity: 30, windowMs: 10_000 }) });
    const ana = await api.tokenFor('Ana', 'attendee');
    const ben = await api.tokenFor('Ben', 'attendee');
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const kind = i % 2 === 0 ? 'join' : 'leave';
      const response = await api.call('commands-post', {
        params,
        token: ana,
        body: command({ type: kind, kind: 'point' }),
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
    const limited = await api.call('commands-post', {
      params,
      token: ana,
      body: command({ type: 'join', kind: 'reply' }),
    });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const other = await api.call('commands-post', {
      params,
      token: ben,
      body: command({ type: 'join', kind: 'reply' }),
    });
    expect(other.status).toBe(200);
  });
});
