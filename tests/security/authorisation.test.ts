// Who may do what: every command against every kind of person (the role matrix, written from the
// design), and a participant of one meeting against another meeting's view, commands, live stream,
// summary, erasure and series.
import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  type ParticipantView,
  type PublicCommand,
  type Role,
  PUBLIC_COMMAND_TYPES,
  teamsMeetingId,
} from '@roundtable/core';
import { figuresFor } from './figures.js';
import {
  MeetingRoster,
  expectSafeAnswer,
  invoke,
  stored,
  testApi,
  type TestApi,
} from './harness.js';

const figures = figuresFor('authorisation');

/**
 * The design's rules: attendees queue, answer, thank and respond to invitations; hosts (organisers
 * and the co-hosts they grant; presenters only when an organiser lets them) also run the queue,
 * check-ins and the session; only organisers grant and revoke co-hosts, let presenters host and
 * set the meeting's options (docs/decisions/002, 008).
 */
const RULES: Record<
  PublicCommand['type'],
  { command: PublicCommand; who: 'anyone' | 'host' | 'organiser' }
> = {
  join: { command: { type: 'join', kind: 'point' }, who: 'anyone' },
  leave: { command: { type: 'leave', kind: 'reply' }, who: 'anyone' },
  next: { command: { type: 'next', currentTurnId: null }, who: 'host' },
  finish: { command: { type: 'finish', turnId: 't1' }, who: 'anyone' },
  remove: { command: { type: 'remove', entryId: 'e1' }, who: 'host' },
  move: { command: { type: 'move', entryId: 'e1', toIndex: 0 }, who: 'host' },
  setMode: { command: { type: 'setMode', mode: 'equity' }, who: 'host' },
  setTimebox: { command: { type: 'setTimebox', seconds: 120 }, who: 'host' },
  lock: { command: { type: 'lock' }, who: 'host' },
  unlock: { command: { type: 'unlock' }, who: 'host' },
  grantHost: { command: { type: 'grantHost', participantId: 'nobody' }, who: 'organiser' },
  revokeHost: { command: { type: 'revokeHost', participantId: 'nobody' }, who: 'organiser' },
  setPresentersHost: {
    command: { type: 'setPresentersHost', enabled: true },
    who: 'organiser',
  },
  setOption: {
    command: { type: 'setOption', option: 'carryOver', enabled: true },
    who: 'organiser',
  },
  invite: { command: { type: 'invite', participantId: 'nobody' }, who: 'host' },
  respondInvite: { command: { type: 'respondInvite', accept: true }, who: 'anyone' },
  openCheckin: { command: { type: 'openCheckin', promptId: 'energy' }, who: 'host' },
  answerCheckin: { command: { type: 'answerCheckin', checkinId: 'c1', value: 3 }, who: 'anyone' },
  closeCheckin: { command: { type: 'closeCheckin', checkinId: 'c1' }, who: 'host' },
  appreciate: { command: { type: 'appreciate', turnId: 't1' }, who: 'anyone' },
  endSession: { command: { type: 'endSession', session: 1 }, who: 'host' },
};

type Kind = 'organiser' | 'presenter' | 'co-host' | 'attendee' | 'outsider';
const PEOPLE: Record<Kind, { name: string; role: Role | null }> = {
  organiser: { name: 'Olu', role: 'organizer' },
  presenter: { name: 'Pat', role: 'presenter' },
  'co-host': { name: 'Cody', role: 'attendee' },
  attendee: { name: 'Ana', role: 'attendee' },
  outsider: { name: 'Zed', role: null },
};

function expectedRefusal(kind: Kind, who: 'anyone' | 'host' | 'organiser'): string | null {
  if (kind === 'outsider') return 'not-participant';
  if (who !== 'anyone' && (kind === 'attendee' || kind === 'presenter')) return 'not-host';
  if (who === 'organiser' && kind === 'co-host') return 'not-organizer';
  return null;
}

describe('the role matrix', () => {
  figures.attack(
    'covers every command the contract has',
    () => {
      expect(Object.keys(RULES).sort()).toEqual([...PUBLIC_COMMAND_TYPES].sort());
      return Promise.resolve();
    },
    { count: 0 },
  );

  const cases = (Object.keys(PEOPLE) as Kind[]).flatMap((kind) =>
    Object.entries(RULES).map(([type, rule]) => [kind, type, rule] as const),
  );
  figures.attack(
    `${cases.length} cases: each person sending each command gets what the design says`,
    async () => {
      const failures: string[] = [];
      for (const [kind, type, rule] of cases) {
        const meetingId = `matrix-${kind}-${type}`;
        const roster = new MeetingRoster();
        for (const person of Object.values(PEOPLE))
          if (person.role !== null) roster.add(meetingId, person.name, person.role);
        const api = await testApi({ roles: roster });
        try {
          const tokens = await tokensFor(api);
          // The organiser's first command opens the session; then everyone arrives in it.
          await send(api, meetingId, tokens.organiser, { type: 'unlock' });
          for (const other of ['organiser', 'presenter', 'co-host', 'attendee'] as const)
            await call(api, meetingId, tokens[other], 'meetings-get');
          const cody = (await call(api, meetingId, tokens['co-host'], 'meetings-get'))
            .json as ParticipantView;
          await send(api, meetingId, tokens.organiser, {
            type: 'grantHost',
            participantId: cody.you.participantId,
          });
          await send(api, meetingId, tokens.attendee, { type: 'join', kind: 'point' });
          const answer = await send(api, meetingId, tokens[kind], rule.command);
          expectSafeAnswer(answer);
          const refusal = expectedRefusal(kind, rule.who);
          const got =
            answer.status === 403
              ? (answer.json as { code: string }).code
              : `status ${answer.status}`;
          if (refusal === null ? answer.status === 403 || answer.status >= 500 : got !== refusal)
            failures.push(`${kind} ${type}: expected ${refusal ?? 'allowed'}, got ${got}`);
        } finally {
          api.close();
        }
      }
      expect(failures).toEqual([]);
    },
    { count: cases.length },
  );

  figures.attack('attendees never see the host-only lists; hosts do', async () => {
    const meetingId = 'host-lists';
    const roster = new MeetingRoster()
      .add(meetingId, 'Olu', 'organizer')
      .add(meetingId, 'Ana', 'attendee');
    const api = await testApi({ roles: roster });
    try {
      const tokens = await tokensFor(api);
      const host = (await call(api, meetingId, tokens.organiser, 'meetings-get'))
        .json as ParticipantView;
      const attendee = (await call(api, meetingId, tokens.attendee, 'meetings-get'))
        .json as ParticipantView;
      expect(host.people).toBeDefined();
      expect(host.notYetHeard).toBeDefined();
      expect(attendee.people).toBeUndefined();
      expect(attendee.notYetHeard).toBeUndefined();
    } finally {
      api.close();
    }
  });
});

const A = teamsMeetingId('19:meeting_alpha@thread.v2');
const B = teamsMeetingId('19:meeting_beta@thread.v2');

describe('a participant of meeting A against meeting B', () => {
  let api: TestApi;
  let ana: string;
  let bo: string;
  let ticketForA: string;

  beforeAll(async () => {
    const roster = new MeetingRoster()
      .add(A, 'Ana', 'organizer')
      .add(B, 'Bo', 'organizer')
      .add(B, 'Ben', 'attendee');
    api = await testApi({ roles: roster });
    ana = await api.tokenFor('Ana', 'organizer');
    bo = await api.tokenFor('Bo', 'organizer');
    const ben = await api.tokenFor('Ben', 'attendee');
    // Each organiser's first command opens their meeting's session.
    await send(api, A, ana, { type: 'unlock' });
    await send(api, B, bo, { type: 'unlock' });
    for (const [meetingId, token] of [
      [A, ana],
      [B, bo],
      [B, ben],
    ] as const)
      expect((await call(api, meetingId, token, 'meetings-get')).status).toBe(200);
    await send(api, B, ben, { type: 'join', kind: 'point', note: 'private to meeting B' });
    const live = await call(api, A, ana, 'live-get');
    ticketForA = new URL((live.json as { url: string }).url).searchParams.get('ticket') ?? '';
  });

  afterAll(() => {
    api.close();
  });

  const refusedOnB = (answer: Awaited<ReturnType<typeof call>>, status = 403) => {
    expectSafeAnswer(answer, [ana]);
    expect(answer.status).toBe(status);
    expect(JSON.stringify(answer.json)).not.toContain('private to meeting B');
  };

  figures.attack('cannot read B’s view', async () => {
    const before = await stored(api, B);
    refusedOnB(await call(api, B, ana, 'meetings-get'));
    expect((await stored(api, B))?.version).toBe(before?.version);
  });

  figures.attack(
    'cannot send B any command',
    async () => {
      const before = await stored(api, B);
      for (const { command } of Object.values(RULES)) {
        refusedOnB(await send(api, B, ana, command));
      }
      const after = await stored(api, B);
      expect(after?.version).toBe(before?.version);
      expect(
        Object.values(after?.state.participants ?? {})
          .map((p) => p.displayName)
          .sort(),
      ).toEqual(['Ben', 'Bo']);
    },
    { count: Object.keys(RULES).length },
  );

  figures.attack('cannot get live access to B', async () => {
    refusedOnB(await call(api, B, ana, 'live-get'));
  });

  figures.attack(
    'cannot open B’s event stream with A’s live ticket, nor with a doctored one',
    async () => {
      refusedOnB(await call(api, B, ana, 'live-events-get', { ticket: ticketForA }), 401);
      const [payload = '', mac = ''] = ticketForA.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
        string,
        unknown
      >;
      const doctored = Buffer.from(
        JSON.stringify({ ...claims, meetingKey: api.services.meetings.meetingKey(B) }),
      ).toString('base64url');
      refusedOnB(await call(api, B, ana, 'live-events-get', { ticket: `${doctored}.${mac}` }), 401);
      const stretched = Buffer.from(
        JSON.stringify({ ...claims, expiresAt: Number.MAX_SAFE_INTEGER }),
      ).toString('base64url');
      refusedOnB(
        await call(api, A, ana, 'live-events-get', { ticket: `${stretched}.${mac}` }),
        401,
      );
      expect(api.hub.connections(api.services.meetings.meetingKey(B))).toBe(0);
    },
    { count: 4 },
  );

  figures.attack('A’s live ticket opens A’s stream, and only until it expires', async () => {
    expect((await call(api, A, ana, 'live-events-get', { ticket: ticketForA })).status).toBe(200);
    const clock = api.clock.now;
    api.clock.now += 5 * 60_000 + 1;
    try {
      refusedOnB(await call(api, A, ana, 'live-events-get', { ticket: ticketForA }), 401);
    } finally {
      api.clock.now = clock;
    }
  });

  figures.attack(
    'cannot read B’s summary, erase B, or read B’s series',
    async () => {
      await send(api, B, bo, { type: 'endSession', session: 1 });
      for (const job of api.endQueue.jobs.splice(0)) await api.services.ender.run(job);
      expect((await call(api, B, bo, 'summary-get')).status).toBe(200);
      refusedOnB(await call(api, B, ana, 'summary-get'));
      refusedOnB(await call(api, B, ana, 'summary-get', { session: '1' }));
      refusedOnB(await call(api, B, ana, 'meetings-delete'));
      expect(await api.summaries.get(api.services.meetings.meetingKey(B), 1)).not.toBeNull();
      expect((await call(api, B, bo, 'summaries-get')).status).toBe(200);
      refusedOnB(await call(api, B, ana, 'summaries-get'));
    },
    { count: 4 },
  );
});

async function tokensFor(api: TestApi): Promise<Record<Kind, string>> {
  const entries = await Promise.all(
    (Object.keys(PEOPLE) as Kind[]).map(
      async (kind) => [kind, await api.tokenFor(PEOPLE[kind].name, 'attendee')] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<Kind, string>;
}

function call(
  api: TestApi,
  meetingId: string,
  token: string,
  route: string,
  query: Record<string, string> = {},
) {
  return invoke(api.routes, route, {
    params: { meetingId },
    query,
    headers: { authorization: `Bearer ${token}` },
  });
}

function send(api: TestApi, meetingId: string, token: string, command: PublicCommand) {
  return invoke(api.routes, 'commands-post', {
    params: { meetingId },
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id: randomUUID(), ...command }),
  });
}
