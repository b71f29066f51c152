/**
 * @jest-environment node
 */
// The tab's connection logic without a browser: views only move forward, live updates merge,
// commands retry under one id, nudges refetch, drops reconnect through /live.
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  type PublicCommand,
  decide,
  evolveAll,
  initialMeetingState,
  participantView,
  publicView,
  type MeetingState,
} from '@roundtable/core';
import { ApiClient } from '../../tabs/src/api/client.js';
import type { LiveHandlers } from '../../tabs/src/api/live.js';
import { MeetingSession } from '../../tabs/src/meeting/meeting-session.js';
import { englishOf } from '../../tabs/src/i18n/translator.js';

function meeting(): MeetingState {
  let state = initialMeetingState();
  for (const [id, role] of [
    ['olu', 'organizer'],
    ['ana', 'attendee'],
  ] as const) {
    const decision = decide({ type: 'arrive', displayName: id, role }, state, {
      now: 0,
      actor: { kind: 'participant', participantId: id },
      random: Math.random,
    });
    if (decision.ok) state = evolveAll(state, decision.events);
  }
  return state;
}

function after(state: MeetingState, by: string, command: PublicCommand): MeetingState {
  const decision = decide(command, state, {
    now: 0,
    actor: { kind: 'participant', participantId: by },
    random: Math.random,
  });
  if (!decision.ok) throw new Error(decision.error.code);
  return evolveAll(state, decision.events);
}

const viewOf = (state: MeetingState, version: number, who = 'ana') =>
  must(participantView(state, { meetingId: 'm', version }, who));

function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('Expected a value.');
  return value;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

class FakeApi {
  readonly calls: { method: string; path: string; body: unknown }[] = [];
  replies: (method: string, path: string) => Reply | 'network-error' = () => ({ status: 500 });
  fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const path = (input instanceof Request ? input.url : input.toString()).replace('/api/', '');
    const method = init?.method ?? 'GET';
    this.calls.push({
      method,
      path,
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    });
    const reply = this.replies(method, path);
    if (reply === 'network-error') return Promise.reject(new TypeError('fetch failed'));
    return Promise.resolve(
      new Response(reply.status === 304 ? null : JSON.stringify(reply.body ?? {}), {
        status: reply.status,
        headers: reply.headers ?? {},
      }),
    );
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 25));
let session: MeetingSession | undefined;
afterEach(() => session?.stop());

function startSession(api: FakeApi) {
  let handlers: LiveHandlers | undefined;
  const subscriptions: string[] = [];
  session = new MeetingSession(new ApiClient('', () => Promise.resolve('token'), api.fetch), 'm', {
    pollFallbackMs: 60_000,
    pollLiveMs: 60_000,
    maxSendAttempts: 3,
    sleep: () => Promise.resolve(),
    subscribe: (access, live) => {
      subscriptions.push(access.url);
      handlers = live;
      return { close: () => subscriptions.push('closed') };
    },
  });
  session.start();
  return { session, live: () => must(handlers), subscriptions };
}

describe('MeetingSession', () => {
  it('loads the view, goes live when the stream opens, and merges newer public views', async () => {
    const api = new FakeApi();
    const first = meeting();
    api.replies = (_method, path) =>
      path.endsWith('/live')
        ? { status: 200, body: { transport: 'sse', url: '/stream', expiresAt: 1 } }
        : { status: 200, body: viewOf(first, 1), headers: { etag: '"1"' } };
    const { session: s, live } = startSession(api);
    await flush();
    expect(s.snapshot().view?.version).toBe(1);
    expect(s.snapshot().status).toBe('connecting');
    live().onOpen();
    expect(s.snapshot().status).toBe('live');
    const joined = after(first, 'ana', { type: 'join', kind: 'point' });
    live().onView(publicView(joined, { meetingId: 'm', version: 2 }));
    expect(s.snapshot().view?.you.entries).toEqual([{ entryId: 'e1', kind: 'point', position: 0 }]);
    live().onView(publicView(first, { meetingId: 'm', version: 1 }));
    expect(s.snapshot().view?.queue).toHaveLength(1);
  });

  it('retries a command under the same id after a 503 and applies the answer', async () => {
    const api = new FakeApi();
    const joined = after(meeting(), 'ana', { type: 'join', kind: 'point' });
    let posts = 0;
    api.replies = (method) => {
      if (method !== 'POST') return { status: 404, body: { detail: 'no' } };
      posts += 1;
      return posts === 1
        ? { status: 503, body: { detail: 'Storage is resting.' }, headers: { 'retry-after': '1' } }
        : { status: 200, body: viewOf(joined, 2) };
    };
    const { session: s } = startSession(api);
    const outcome = await s.send({ type: 'join', kind: 'point' });
    expect(outcome).toEqual({ ok: true });
    const bodies = api.calls
      .filter((c) => c.method === 'POST')
      .map((c) => c.body as { id: string });
    expect(bodies).toHaveLength(2);
    expect(bodies[0]?.id).toBe(bodies[1]?.id);
    expect(s.snapshot().view?.queue).toHaveLength(1);
  });

  it('returns a refusal’s message at once and adopts the view that came with it', async () => {
    const api = new FakeApi();
    const joined = after(meeting(), 'ana', { type: 'join', kind: 'point' });
    api.replies = (method) =>
      method === 'POST'
        ? {
            status: 409,
            body: {
              detail: 'You are already in the queue.',
              code: 'already-queued',
              view: viewOf(joined, 5),
            },
          }
        : { status: 404, body: { detail: 'no' } };
    const { session: s } = startSession(api);
    expect(await s.send({ type: 'join', kind: 'point' })).toEqual({
      ok: false,
      // The stable code picks the reader's words; the API's English stays as the fallback.
      message: { key: 'problem.already-queued', english: 'You are already in the queue.' },
      retrying: false,
    });
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    expect(s.snapshot().view?.version).toBe(5);
  });

  it('gives up after its attempts when the network stays down, saying nothing typed is lost', async () => {
    const api = new FakeApi();
    api.replies = () => 'network-error';
    const { session: s } = startSession(api);
    const outcome = await s.send({ type: 'leave', kind: 'point' });
    expect(outcome.ok).toBe(false);
    expect(englishOf(s.snapshot().problem ?? '')).toMatch(/Nothing you typed is lost/);
  });

  it('refetches on a nudge, and reconnects through /live after a drop', async () => {
    const api = new FakeApi();
    api.replies = (_method, path) =>
      path.endsWith('/live')
        ? { status: 200, body: { transport: 'sse', url: '/stream', expiresAt: 1 } }
        : { status: 200, body: viewOf(meeting(), 1) };
    const { live, subscriptions } = startSession(api);
    await flush();
    const reads = () =>
      api.calls.filter((c) => c.method === 'GET' && c.path === 'meetings/m').length;
    const before = reads();
    live().onNudge();
    await flush();
    expect(reads()).toBe(before + 1);
    live().onDrop();
    expect(session?.snapshot().status).toBe('reconnecting');
    expect(subscriptions).toContain('closed');
  });

  it('reads its own view again when the organiser turns carry-over on, and not for other changes', async () => {
    const api = new FakeApi();
    const first = meeting();
    api.replies = (_method, path) =>
      path.endsWith('/live')
        ? { status: 200, body: { transport: 'sse', url: '/stream', expiresAt: 1 } }
        : { status: 200, body: viewOf(first, 1) };
    const { live } = startSession(api);
    await flush();
    live().onOpen();
    const reads = () =>
      api.calls.filter((c) => c.method === 'GET' && c.path === 'meetings/m').length;
    const before = reads();
    const locked = after(first, 'olu', { type: 'lock' });
    live().onView(publicView(locked, { meetingId: 'm', version: 2 }));
    await flush();
    expect(reads()).toBe(before);
    const carrying = after(locked, 'olu', {
      type: 'setOption',
      option: 'carryOver',
      enabled: true,
    });
    live().onView(publicView(carrying, { meetingId: 'm', version: 3 }));
    await flush();
    expect(reads()).toBe(before + 1);
  });

  it('stops, without throwing, when the API refuses even a fresh token, and says why once', async () => {
    const api = new FakeApi();
    api.replies = () => ({ status: 401, body: { detail: 'Your organisation is not allowed.' } });
    const lost: string[] = [];
    let tokens = 0;
    session = new MeetingSession(
      new ApiClient('', () => Promise.resolve(`token-${String(++tokens)}`), api.fetch),
      'm',
      { pollFallbackMs: 10, onSignInLost: (error) => lost.push(error.message) },
    );
    session.start();
    await flush();
    const calls = api.calls.length;
    await flush();
    expect(lost).toEqual(['Your organisation is not allowed.']);
    expect(api.calls.length).toBe(calls);
    // Refused with a fresh token too: asked for one once, then it stopped.
    expect(tokens).toBeLessThanOrEqual(4);
  });

  it('hands a refused Teams token to the page instead of retrying it', async () => {
    const api = new FakeApi();
    const lost: unknown[] = [];
    session = new MeetingSession(
      new ApiClient('', () => Promise.reject(new Error('resourceRequiresConsent')), api.fetch),
      'm',
      { pollFallbackMs: 10, onSignInLost: (error) => lost.push(error.cause) },
    );
    session.start();
    await flush();
    await flush();
    expect(api.calls).toEqual([]);
    expect(lost).toHaveLength(1);
    expect(String(lost[0])).toMatch(/resourceRequiresConsent/);
  });

  it('sleeps without polling or a live connection, and picks up where it was on waking', async () => {
    const api = new FakeApi();
    api.replies = (_method, path) =>
      path.endsWith('/live')
        ? { status: 200, body: { transport: 'sse', url: '/stream', expiresAt: 1 } }
        : { status: 200, body: viewOf(meeting(), 1), headers: { etag: '"1"' } };
    let live: LiveHandlers | undefined;
    const subscriptions: string[] = [];
    session = new MeetingSession(new ApiClient('', () => Promise.resolve('t'), api.fetch), 'm', {
      pollFallbackMs: 10,
      pollLiveMs: 10,
      subscribe: (_access, handlers) => {
        live = handlers;
        subscriptions.push('open');
        return { close: () => subscriptions.push('closed') };
      },
    });
    session.start();
    await flush();
    live?.onOpen();
    session.stop();
    expect(subscriptions).toEqual(['open', 'closed']);
    const asleep = api.calls.length;
    await flush();
    await flush();
    expect(api.calls.length).toBe(asleep);
    expect(session.snapshot().view?.version).toBe(1);

    session.start();
    await flush();
    expect(subscriptions.at(-1)).toBe('open');
    expect(api.calls.length).toBeGreaterThan(asleep);
    expect(api.calls.slice(asleep).some((call) => call.path === 'meetings/m')).toBe(true);
  });

  it('takes a new session of the same Teams meeting as newer, though its versions start again', async () => {
    const api = new FakeApi();
    const first = { ...viewOf(meeting(), 9), phase: 'ended' as const, session: 1 };
    const next = { ...viewOf(meeting(), 1), session: 2 };
    let reads = 0;
    api.replies = (_method, path) =>
      path.endsWith('/live')
        ? { status: 403, body: { detail: 'Polling.' } }
        : { status: 200, body: ++reads === 1 ? first : next };
    session = new MeetingSession(new ApiClient('', () => Promise.resolve('t'), api.fetch), 'm', {
      pollFallbackMs: 10,
    });
    session.start();
    await flush();
    await flush();
    expect(session.snapshot().view).toMatchObject({ phase: 'live', version: 1, session: 2 });
  });
});
