// The meeting routes called as plain functions: views, commands, idempotency, ETags, refusals.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { ParticipantView } from '@roundtable/core';
import { command, testApi, type TestApi } from './support.js';

const meetingId = '19:meeting_MjQ0ZTk5@thread.v2';
const params = { meetingId };
let api: TestApi;
let organiser: string;
let ana: string;

beforeEach(async () => {
  api = await testApi();
  organiser = await api.tokenFor('Olu Organiser', 'organizer');
  ana = await api.tokenFor('Ana', 'attendee');
});
afterEach(() => {
  api.close();
});

const view = (json: unknown) => json as ParticipantView;

describe('GET /api/meetings/{meetingId}', () => {
  it('returns the caller’s view with an ETag, and 304 when it has not changed', async () => {
    const first = await api.call('meetings-get', { params, token: ana });
    expect(first.status).toBe(200);
    expect(view(first.json).you).toMatchObject({
      displayName: 'Ana',
      role: 'attendee',
      isHost: false,
    });
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"\d+\.[\w-]{16}"$/);
    const again = await api.call('meetings-get', {
      params,
      token: ana,
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('gives hosts the not-yet-heard list and attendees nothing of it', async () => {
    await api.call('commands-post', {
      params,
      token: organiser,
      body: command({ type: 'unlock' }),
    });
    await api.call('meetings-get', { params, token: ana });
    const host = view((await api.call('meetings-get', { params, token: organiser })).json);
    expect(host.notYetHeard?.map((p) => p.displayName)).toEqual(['Olu Organiser', 'Ana']);
    const attendee = view((await api.call('meetings-get', { params, token: ana })).json);
    expect(attendee.notYetHeard).toBeUndefined();
  });

  it('answers 401 without a token and with a forged one', async () => {
    const missing = await api.call('meetings-get', { params });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    const forged = await api.call('meetings-get', { params, token: `${ana.slice(0, -4)}AAAA` });
    expect(forged.status).toBe(401);
  });

  it('answers 400 for an empty or oversized meeting id', async () => {
    expect((await api.call('meetings-get', { params: { meetingId: '' }, token: ana })).status).toBe(
      400,
    );
    const long = await api.call('meetings-get', {
      params: { meetingId: 'x'.repeat(513) },
      token: ana,
    });
    expect(long.status).toBe(400);
  });
});

describe('POST /api/meetings/{meetingId}/commands', () => {
  it('applies a command and returns the new view', async () => {
    const response = await api.call('commands-post', {
      params,
      token: ana,
      body: command({ type: 'join', kind: 'point', note: 'budget' }),
    });
    expect(response.status).toBe(200);
    expect(view(response.json).queue).toEqual([
      expect.objectContaining({ displayName: 'Ana', kind: 'point', note: 'budget' }),
    ]);
  });

  it('applies a repeated command id once and answers the same', async () => {
    const body = command({ type: 'join', kind: 'point' });
    const first = await api.call('commands-post', { params, token: ana, body });
    const second = await api.call('commands-post', { params, token: ana, body });
    expect(second.status).toBe(first.status);
    expect(view(second.json).queue).toHaveLength(1);
    expect(view(second.json).version).toBe(view(first.json).version);
  });

  it('repeats a refusal for a repeated id even when the state would now allow it', async () => {
    const body = command({ type: 'leave', kind: 'point' });
    expect((await api.call('commands-post', { params, token: ana, body })).status).toBe(409);
    await api.call('commands-post', {
      params,
      token: ana,
      body: command({ type: 'join', kind: 'point' }),
    });
    const again = await api.call('commands-post', { params, token: ana, body });
    expect(again.status).toBe(409);
    expect((again.json as { code: string }).code).toBe('not-queued');
  });

  it('answers 403 with the rule’s code when an attendee sends a host command', async () => {
    const response = await api.call('commands-post', {
      params,
      token: ana,
      body: command({ type: 'next', currentTurnId: null }),
    });
    expect(response.status).toBe(403);
    expect(response.json).toMatchObject({ code: 'not-host', status: 403, title: 'Not allowed' });
  });

  it('answers 409 with the code, the message and the current view when a rule refuses', async () => {
    await api.call('commands-post', {
      params,
      token: ana,
      body: command({ type: 'join', kind: 'point' }),
    });
    const response = await api.call('commands-post', {
      params,
      token: ana,
      body: command({ type: 'join', kind: 'point' }),
    });
    expect(response.status).toBe(409);
    expect(response.json).toMatchObject({
      code: 'already-queued',
      detail: expect.stringContaining('already in the queue'),
    });
    expect((response.json as { view: ParticipantView }).view.queue).toHaveLength(1);
  });

  it.each([
    ['not JSON', '{"type":', 400],
    ['an unknown field', JSON.stringify({ ...command({ type: 'lock' }), admin: true }), 400],
    ['a missing id', JSON.stringify({ type: 'lock' }), 400],
    [
      'a body over 16 KiB',
      JSON.stringify({ ...command({ type: 'lock' }), pad: 'x'.repeat(17_000) }),
      413,
    ],
  ])('answers %s with a 4xx naming the problem', async (_what, rawBody, status) => {
    const response = await api.call('commands-post', { params, token: ana, rawBody });
    expect(response.status).toBe(status);
    expect((response.json as { detail: string }).detail.length).toBeGreaterThan(10);
  });

  it('names the field at fault', async () => {
    const response = await api.call('commands-post', {
      params,
      token: ana,
      body: command({ type: 'join', kind: 'point', note: 'x'.repeat(141) }),
    });
    expect(response.status).toBe(400);
    expect((response.json as { detail: string }).detail).toMatch(/^note: /);
  });

  it('answers 415 when the body is not sent as JSON', async () => {
    const response = await api.call('commands-post', {
      params,
      token: ana,
      rawBody: JSON.stringify(command({ type: 'lock' })),
      headers: { 'content-type': 'text/plain' },
    });
    expect(response.status).toBe(415);
  });
});

describe('GET /api/meetings/{meetingId}/live', () => {
  it('hands out an SSE link for this meeting only', async () => {
    const response = await api.call('live-get', { params, token: ana });
    expect(response.status).toBe(200);
    const access = response.json as { transport: string; url: string };
    expect(access.transport).toBe('sse');
    const url = new URL(access.url);
    expect(url.pathname).toBe(`/api/meetings/${encodeURIComponent(meetingId)}/live/events`);
    const other = await api.call('live-events-get', {
      params: { meetingId: 'another-meeting' },
      query: { ticket: url.searchParams.get('ticket') ?? '' },
    });
    expect(other.status).toBe(401);
  });
});

describe('health and dev tokens', () => {
  it('reports storage reachability', async () => {
    expect((await api.call('health-get', {})).json).toMatchObject({
      status: 'ok',
      storage: 'ok',
      mode: 'local',
    });
    api.store.unavailable = true;
    const degraded = await api.call('health-get', {});
    expect(degraded.status).toBe(503);
    expect(degraded.json).toMatchObject({ storage: 'unreachable' });
  });

  it('issues a token for a simulated person, and refuses a bad role', async () => {
    const issued = await api.call('dev-token-post', { body: { name: 'Ben', role: 'presenter' } });
    const token = (issued.json as { token: string }).token;
    const ben = view((await api.call('meetings-get', { params, token })).json);
    // Presenters host only when an organiser lets them (Teams makes most people presenters).
    expect(ben.you).toMatchObject({ displayName: 'Ben', role: 'presenter', isHost: false });
    const bad = await api.call('dev-token-post', { body: { name: 'Ben', role: 'admin' } });
    expect(bad.status).toBe(400);
    expect((bad.json as { detail: string }).detail).toMatch(/^role: /);
  });
});
