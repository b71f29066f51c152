// One person trying to take more than their share: command floods meet 429 with Retry-After, the
// queue holds one entry per person per kind, a check-in counts one answer per person however
// they are sent, and live streams per person are bounded.
import { afterEach, describe, expect } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import functions from '@azure/functions';
import { type ParticipantView, type PublicCommand, ENTRY_KINDS } from '@roundtable/core';
import { MAX_STREAMS_PER_PERSON } from '../../api/src/adapters/local/sse-hub.js';
import { DEFAULT_RATE_LIMIT, RateLimiter } from '../../api/src/application/rate-limiter.js';
import { figuresFor } from './figures.js';
import { expectSafeAnswer, invoke, stored, testApi, type TestApi } from './harness.js';

const { HttpRequest, HttpResponse, InvocationContext } = functions;
const figures = figuresFor('abuse');
const MEETING = 'abuse';
let api: TestApi | undefined;

afterEach(() => {
  api?.close();
  api = undefined;
});

async function open(rateLimiter = new RateLimiter({ capacity: 1e9, windowMs: 1000 })) {
  const opened = await testApi({ rateLimiter });
  api = opened;
  const token = (name: string, role: 'organizer' | 'attendee' = 'attendee') =>
    opened.tokenFor(name, role);
  return { api: opened, token };
}

function send(
  target: TestApi,
  token: string,
  command: PublicCommand,
  id = randomUUID(),
  meetingId = MEETING,
) {
  return invoke(target.routes, 'commands-post', {
    params: { meetingId },
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id, ...command }),
  });
}

async function view(target: TestApi, token: string): Promise<ParticipantView> {
  const answer = await invoke(target.routes, 'meetings-get', {
    params: { meetingId: MEETING },
    headers: { authorization: `Bearer ${token}` },
  });
  return answer.json as ParticipantView;
}

describe('command floods', () => {
  figures.attack(
    'the limit answers 429 with Retry-After, for that person in that meeting only',
    async () => {
      const { api: target, token } = await open(new RateLimiter());
      const ana = await token('Ana');
      const ben = await token('Ben');
      const statuses: number[] = [];
      for (let i = 0; i <= DEFAULT_RATE_LIMIT.capacity; i++) {
        statuses.push(
          (await send(target, ana, { type: i % 2 === 0 ? 'join' : 'leave', kind: 'point' })).status,
        );
      }
      expect(statuses.slice(0, DEFAULT_RATE_LIMIT.capacity).every((status) => status === 200)).toBe(
        true,
      );
      const limited = await send(target, ana, { type: 'join', kind: 'reply' });
      expect(limited.status).toBe(429);
      expectSafeAnswer(limited, [ana]);
      expect((limited.json as { code: string }).code).toBe('rate-limited');
      const wait = Number(limited.headers.get('retry-after'));
      expect(wait).toBeGreaterThanOrEqual(1);
      expect(wait).toBeLessThanOrEqual(DEFAULT_RATE_LIMIT.windowMs / 1000);
      expect((await send(target, ben, { type: 'join', kind: 'reply' })).status).toBe(200);
      expect(
        (await send(target, ana, { type: 'join', kind: 'reply' }, randomUUID(), 'another')).status,
      ).toBe(200);
      target.clock.now += wait * 1000;
      expect((await send(target, ana, { type: 'join', kind: 'reply' })).status).toBe(200);
    },
  );

  figures.attack(
    'a burst beyond the limit moves the meeting at most as many times as the limit allows',
    async () => {
      const { api: target, token } = await open(new RateLimiter({ capacity: 5, windowMs: 10_000 }));
      const ana = await token('Ana');
      // The session open (as Teams' meeting start opens it) and Ana in it before the burst.
      await target.services.meetings.openSession(MEETING);
      await view(target, ana);
      const before = await stored(target, MEETING);
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          send(target, ana, { type: 'join', kind: ENTRY_KINDS[i % 4] ?? 'point' }),
        ),
      );
      expect(answers.filter((answer) => answer.status === 429).length).toBeGreaterThanOrEqual(35);
      const after = await stored(target, MEETING);
      expect(after?.state.queue.length).toBeLessThanOrEqual(4);
      expect((after?.version ?? 0) - (before?.version ?? 0)).toBeLessThanOrEqual(5);
    },
  );
});

describe('the queue', () => {
  figures.attack(
    'fifty joins of one kind, sent at once under fifty ids, leave one entry',
    async () => {
      const { api: target, token } = await open();
      const ana = await token('Ana');
      const answers = await Promise.all(
        Array.from({ length: 50 }, () => send(target, ana, { type: 'join', kind: 'point' })),
      );
      expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
      for (const answer of answers.filter((a) => a.status !== 200)) {
        expect((answer.json as { code: string }).code).toBe('already-queued');
      }
      const queue = (await stored(target, MEETING))?.state.queue ?? [];
      expect(queue).toHaveLength(1);
    },
  );

  figures.attack(
    'one person holds at most one entry per kind, four in all, however many they send',
    async () => {
      const { api: target, token } = await open();
      const ana = await token('Ana');
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          send(target, ana, {
            type: 'join',
            kind: ENTRY_KINDS[i % ENTRY_KINDS.length] ?? 'point',
            note: `note ${i}`,
          }),
        ),
      );
      const queue = (await stored(target, MEETING))?.state.queue ?? [];
      expect(queue.map((entry) => entry.kind).sort()).toEqual([...ENTRY_KINDS].sort());
    },
  );

  figures.attack('the same command id sent twenty times applies once', async () => {
    const { api: target, token } = await open();
    const ana = await token('Ana');
    const id = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => send(target, ana, { type: 'join', kind: 'point' }, id)),
    );
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect((await stored(target, MEETING))?.state.queue).toHaveLength(1);
  });
});

describe('check-ins', () => {
  figures.attack('repeated and concurrent answers from one person count once', async () => {
    const { api: target, token } = await open();
    const olu = await token('Olu', 'organizer');
    const people = await Promise.all(['Ana', 'Ben', 'Cai'].map((name) => token(name)));
    for (const person of [olu, ...people]) await view(target, person);
    expect((await send(target, olu, { type: 'openCheckin', promptId: 'energy' })).status).toBe(200);
    const checkinId = (await stored(target, MEETING))?.state.checkin?.checkinId ?? '';
    const [ana = '', ben = '', cai = ''] = people;
    const flood = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        send(target, ana, { type: 'answerCheckin', checkinId, value: (i % 5) + 1 }),
      ),
    );
    expect(flood.filter((answer) => answer.status === 200)).toHaveLength(1);
    const again = await send(target, ana, { type: 'answerCheckin', checkinId, value: 5 });
    expect((again.json as { code: string }).code).toBe('already-answered');
    const retriedId = randomUUID();
    for (let i = 0; i < 5; i++)
      await send(target, ben, { type: 'answerCheckin', checkinId, value: 2 }, retriedId);
    await send(target, cai, { type: 'answerCheckin', checkinId, value: 4 });
    const checkin = (await stored(target, MEETING))?.state.checkin;
    expect(checkin?.answeredBy).toHaveLength(3);
    const tally = checkin?.tally;
    const counts = tally?.kind === 'scale' ? tally.counts : [];
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(3);
    expect((await view(target, olu)).checkin?.answered).toBe(3);
  });
});

describe('live streams', () => {
  async function openStream(
    target: TestApi,
    token: string,
  ): Promise<{ status: number; response: InstanceType<typeof HttpResponse> }> {
    const live = await invoke(target.routes, 'live-get', {
      params: { meetingId: MEETING },
      headers: { authorization: `Bearer ${token}` },
    });
    const ticket = new URL((live.json as { url: string }).url).searchParams.get('ticket') ?? '';
    const route = target.routes.find((candidate) => candidate.name === 'live-events-get');
    if (route === undefined) throw new Error('No live events route.');
    const request = new HttpRequest({
      method: 'GET',
      url: `http://localhost:7071/api/meetings/${MEETING}/live/events`,
      params: { meetingId: MEETING },
      query: { ticket },
    });
    const context = new InvocationContext({
      functionName: route.name,
      logHandler: () => undefined,
    });
    const response = new HttpResponse(await route.handler(request, context));
    return { status: response.status, response };
  }

  figures.attack(
    `one person holds at most ${MAX_STREAMS_PER_PERSON} streams per meeting; more get 429 with Retry-After`,
    async () => {
      const { api: target, token } = await open();
      const ana = await token('Ana');
      const ben = await token('Ben');
      const streams = [];
      for (let i = 0; i < MAX_STREAMS_PER_PERSON; i++) streams.push(await openStream(target, ana));
      expect(streams.every((stream) => stream.status === 200)).toBe(true);
      const refused = await openStream(target, ana);
      expect(refused.status).toBe(429);
      const problem = (await refused.response.json()) as { code: string; detail: string };
      expect(problem.code).toBe('too-many-streams');
      expect(problem.detail).toMatch(/live connections/);
      expect(Number(refused.response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const meetingKey = target.services.meetings.meetingKey(MEETING);
      expect(target.hub.connections(meetingKey)).toBe(MAX_STREAMS_PER_PERSON);
      // Someone else is not affected, and closing a stream frees its place.
      const other = await openStream(target, ben);
      expect(other.status).toBe(200);
      await streams[0]?.response.body?.cancel();
      const again = await openStream(target, ana);
      expect(again.status).toBe(200);
      expect(target.hub.connections(meetingKey)).toBe(MAX_STREAMS_PER_PERSON + 1);
      for (const stream of [...streams.slice(1), other, again])
        await stream.response.body?.cancel();
      expect(target.hub.connections(meetingKey)).toBe(0);
    },
  );
});
