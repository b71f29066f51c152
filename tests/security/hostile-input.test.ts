// Oversized and deeply nested bodies, and text meant to trick a reader or a browser: right-to-left
// overrides, zero-width characters, lone surrogates, emoji, 10 000-character names, HTML and script
// in notes and prompts. Limits hold with a 4xx that names the field; what is kept is kept as text.
import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type ParticipantView, CUSTOM_PROMPT_MAX_LENGTH, NOTE_MAX_LENGTH } from '@roundtable/core';
import { MAX_BODY_BYTES } from '../../api/src/http/request.js';
import { RateLimiter } from '../../api/src/application/rate-limiter.js';
import { figuresFor } from './figures.js';
import {
  expectSafeAnswer,
  expectWholeState,
  invoke,
  stored,
  testApi,
  type TestApi,
} from './harness.js';

const figures = figuresFor('hostile-input');
const MEETING = 'hostile-input';
let api: TestApi;
let olu: string;
let ana: string;

beforeAll(async () => {
  api = await testApi({ rateLimiter: new RateLimiter({ capacity: 1e9, windowMs: 1000 }) });
  olu = await api.tokenFor('Olu', 'organizer');
  ana = await api.tokenFor('Ana', 'attendee');
  for (const token of [olu, ana]) await read(token);
});

afterAll(() => {
  api.close();
});

function post(token: string, body: string | Uint8Array, headers: Record<string, string> = {}) {
  return invoke(api.routes, 'commands-post', {
    params: { meetingId: MEETING },
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body,
  });
}

async function read(token: string): Promise<ParticipantView> {
  const answer = await invoke(api.routes, 'meetings-get', {
    params: { meetingId: MEETING },
    headers: { authorization: `Bearer ${token}` },
  });
  expect(answer.status).toBe(200);
  return answer.json as ParticipantView;
}

/** A join padded with whitespace to exactly `size` bytes. */
function joinOfSize(size: number): string {
  const body = JSON.stringify({ id: randomUUID(), type: 'join', kind: 'clarify' });
  return `${body.slice(0, -1)}${' '.repeat(size - body.length)}}`;
}

async function expectRefused(
  answer: Awaited<ReturnType<typeof post>>,
  status: number,
  names: RegExp,
) {
  expectSafeAnswer(answer, [ana, olu]);
  expect(answer.status).toBe(status);
  expect((answer.json as { detail: string }).detail).toMatch(names);
  expectWholeState((await stored(api, MEETING))?.state ?? fail());
}

function fail(): never {
  throw new Error('The meeting is gone.');
}

describe('oversized and deeply nested bodies', () => {
  figures.attack(
    'a body of exactly 16 KiB is read; one byte more is 413, declared or not',
    async () => {
      expect((await post(ana, joinOfSize(MAX_BODY_BYTES))).status).toBe(200);
      await expectRefused(await post(ana, joinOfSize(MAX_BODY_BYTES + 1)), 413, /16 KiB/);
      await expectRefused(
        await post(ana, '{}', { 'content-length': String(10 * 1024 * 1024) }),
        413,
        /16 KiB/,
      );
      await expectRefused(await post(ana, new Uint8Array(5 * 1024 * 1024)), 413, /16 KiB/);
    },
    { count: 3 },
  );

  figures.attack(
    '100 000 levels of nesting are refused (413) without a stack overflow',
    async () => {
      for (const nested of [
        '['.repeat(100_000) + ']'.repeat(100_000),
        '{"a":'.repeat(100_000) + '0' + '}'.repeat(100_000),
      ]) {
        await expectRefused(await post(ana, nested), 413, /16 KiB/);
      }
    },
    { count: 2 },
  );

  figures.attack(
    'the deepest nesting that fits in 16 KiB is a 400 that names the field',
    async () => {
      const depth = Math.floor((MAX_BODY_BYTES - 100) / 2);
      await expectRefused(await post(ana, '['.repeat(depth) + ']'.repeat(depth)), 400, /\(body\)/);
      const inField = JSON.stringify({ id: randomUUID(), type: 'join', kind: 'KIND' }).replace(
        '"KIND"',
        '['.repeat(depth - 60) + ']'.repeat(depth - 60),
      );
      await expectRefused(await post(ana, inField), 400, /^kind:/);
      const objects = Math.floor((MAX_BODY_BYTES - 100) / 6);
      await expectRefused(
        await post(ana, '{"a":'.repeat(objects) + '0' + '}'.repeat(objects)),
        400,
        /^type:/,
      );
      expect((await invoke(api.routes, 'health-get', {})).status).toBe(200);
    },
    { count: 3 },
  );

  figures.attack(
    'bytes that are not UTF-8, and text that is not JSON, are named as such',
    async () => {
      await expectRefused(await post(ana, new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), 400, /UTF-8/);
      await expectRefused(await post(ana, '{"type":"join",'), 400, /not valid JSON/);
      await expectRefused(
        await post(ana, 'join', { 'content-type': 'text/plain' }),
        415,
        /application\/json/,
      );
    },
    { count: 3 },
  );
});

const TRICKY = {
  'right-to-left override': 'I agree\u202E with nobody',
  'zero-width characters': 'A\u200Bsecret\u200D\u2060message',
  'emoji with joiners': '👩‍👩‍👧‍👦 family 🏳️‍🌈 and 🇺🇦',
  'a lone surrogate': 'half \uD800 a pair',
  'markup and script': '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>',
  'a NUL and other controls': 'nul\u0000bell\u0007escape\u001b[31m',
  'Arabic and Hebrew': 'مرحبا שלום',
};

describe('notes, prompts and answers are kept as the text they are', () => {
  figures.attack(
    `${Object.keys(TRICKY).length} kinds of tricky note are stored and read back exactly`,
    async () => {
      for (const [what, note] of Object.entries(TRICKY)) {
        const joined = await post(
          ana,
          JSON.stringify({ id: randomUUID(), type: 'join', kind: 'point', note }),
        );
        expect(`${what}: ${joined.status}`).toBe(`${what}: 200`);
        const shown = (await read(olu)).queue.find((entry) => entry.kind === 'point')?.note;
        expect(`${what}: ${shown ?? ''}`).toBe(`${what}: ${note.trim()}`);
        expect(
          (await post(ana, JSON.stringify({ id: randomUUID(), type: 'leave', kind: 'point' })))
            .status,
        ).toBe(200);
      }
      expectWholeState((await stored(api, MEETING))?.state ?? fail());
    },
    { count: Object.keys(TRICKY).length },
  );

  figures.attack(
    'notes and prompts over their limits are refused with the field named',
    async () => {
      const note = 'n'.repeat(NOTE_MAX_LENGTH + 1);
      await expectRefused(
        await post(ana, JSON.stringify({ id: randomUUID(), type: 'join', kind: 'point', note })),
        400,
        /^note:/,
      );
      const text = '<b>'.repeat(CUSTOM_PROMPT_MAX_LENGTH);
      await expectRefused(
        await post(
          olu,
          JSON.stringify({ id: randomUUID(), type: 'openCheckin', text, scale: 'word' }),
        ),
        400,
        /^text:/,
      );
    },
    { count: 2 },
  );

  figures.attack(
    'a custom prompt with HTML is shown as that text; word answers keep no markup',
    async () => {
      const text = '<img src=x onerror=alert(1)> How are you, <b>really</b>?';
      expect(
        (
          await post(
            olu,
            JSON.stringify({ id: randomUUID(), type: 'openCheckin', text, scale: 'word' }),
          )
        ).status,
      ).toBe(200);
      const checkin = (await read(ana)).checkin;
      expect(checkin?.text).toBe(text);
      const people = await Promise.all(
        ['Ben', 'Cai', 'Dee'].map((name) => api.tokenFor(name, 'attendee')),
      );
      const answers = ['<script>x</script>', '<b>calm</b>', '"fine"/>'];
      for (const [index, token] of people.entries()) {
        await read(token);
        const value = answers[index] ?? '';
        expect(
          (
            await post(
              token,
              JSON.stringify({
                id: randomUUID(),
                type: 'answerCheckin',
                checkinId: checkin?.checkinId,
                value,
              }),
            )
          ).status,
        ).toBe(200);
      }
      const aggregate = (await read(olu)).checkin?.aggregate;
      const words = aggregate?.scale === 'word' ? aggregate.words.map((entry) => entry.word) : [];
      expect(words.length).toBeGreaterThan(0);
      for (const word of words) expect(word).not.toMatch(/[<>"'/=]/);
      expect(
        (
          await post(
            olu,
            JSON.stringify({
              id: randomUUID(),
              type: 'closeCheckin',
              checkinId: checkin?.checkinId,
            }),
          )
        ).status,
      ).toBe(200);
    },
    { count: 2 },
  );

  figures.attack('answers go out as JSON that no browser may sniff into a page', async () => {
    const answer = await invoke(api.routes, 'meetings-get', {
      params: { meetingId: MEETING },
      headers: { authorization: `Bearer ${ana}` },
    });
    expect(answer.contentType).toBe('application/json; charset=utf-8');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    const refused = await post(ana, 'nope');
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('names for simulated people (local mode)', () => {
  const devToken = (body: unknown) =>
    invoke(api.routes, 'dev-token-post', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  figures.attack('a 10 000-character name is refused with the field named', async () => {
    const answer = await devToken({ name: 'x'.repeat(10_000), role: 'attendee' });
    expectSafeAnswer(answer);
    expect(answer.status).toBe(400);
    expect((answer.json as { detail: string }).detail).toMatch(/^name:/);
  });

  figures.attack(
    'tricky names sign in, and are shown cleaned and as text',
    async () => {
      const cases: [string, string][] = [
        ['Eve\u202Enimda', 'Evenimda'],
        ['<svg onload=alert(1)>', '<svg onload=alert(1)>'],
        ['Zoë 👩🏽‍💻', 'Zoë 👩🏽‍💻'],
      ];
      for (const [name, shown] of cases) {
        const answer = await devToken({ name, role: 'attendee' });
        expect(answer.status).toBe(200);
        const view = await read((answer.json as { token: string }).token);
        expect(view.you.displayName).toBe(shown);
      }
    },
    { count: 3 },
  );
});
