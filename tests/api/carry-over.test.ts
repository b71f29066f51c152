// Carry-over through the handlers, across two sessions of one meeting: who was still waiting when
// the host ended starts the next session at the front, told why; what links the sessions is gone
// once the next one starts, and never applied after 14 days.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { ParticipantView } from '@roundtable/core';
import { teamsMeetingId } from '@roundtable/core';
import { HmacPseudonymiser } from '../../api/src/adapters/hmac-pseudonymiser.js';
import { LOCAL_TENANT } from '../../api/src/adapters/local/local-token-issuer.js';
import { command, SECRET, testApi, type TestApi } from './support.js';

const meetingId = teamsMeetingId('19:meeting_carry@thread.v2');
const params = { meetingId };
const DAY = 24 * 60 * 60 * 1000;
let api: TestApi;
let olu: string;
let ana: string;
let ben: string;
let meetingKey: string;

beforeEach(async () => {
  api = await testApi();
  [olu, ana, ben] = await Promise.all([
    api.tokenFor('Olu', 'organizer'),
    api.tokenFor('Ana', 'attendee'),
    api.tokenFor('Ben', 'attendee'),
  ]);
  meetingKey = api.services.meetings.meetingKey(meetingId);
});
afterEach(() => {
  api.close();
});

const send = (token: string, body: Parameters<typeof command>[0]) =>
  api.call('commands-post', { params, token, body: command(body) });
const viewOf = async (token: string) =>
  (await api.call('meetings-get', { params, token })).json as ParticipantView;

/** The carry key the api computes for a simulated person (local tokens: tenant + oid). */
function carryKeyOf(token: string): string {
  const { oid } = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
    oid: string;
  };
  return new HmacPseudonymiser(SECRET).carryKey(meetingKey, {
    tenantId: LOCAL_TENANT,
    userId: oid,
  });
}

/** Session 1: Ana (with a note) and Ben wait behind a turn when the host ends; the job runs. */
async function firstSession(carryOver: boolean): Promise<void> {
  await viewOf(olu);
  if (carryOver) {
    expect(
      (await send(olu, { type: 'setOption', option: 'carryOver', enabled: true })).status,
    ).toBe(200);
  }
  await send(olu, { type: 'join', kind: 'point' });
  await send(olu, { type: 'next', currentTurnId: null });
  await send(ana, { type: 'join', kind: 'point', note: 'about the budget' });
  await send(ben, { type: 'join', kind: 'reply' });
  const { session } = await viewOf(olu);
  expect((await send(olu, { type: 'endSession', session })).status).toBe(200);
  const job = api.endQueue.jobs.at(-1);
  if (!job) throw new Error('No ending job was queued.');
  expect(await api.services.ender.run(job)).toBe('ended');
}

/** Teams says the next occurrence started. */
const nextOccurrence = () => api.services.teamsEvents.meetingStarted({ meetingId });

describe('carry-over across two sessions', () => {
  it('puts who was waiting at the front of the next session as they come, in last time’s order', async () => {
    await firstSession(true);
    const carried = await api.store.carried(meetingKey);
    // Ben's reply was ahead of Ana's point (kinds go in priority order).
    expect(carried?.entries).toEqual([
      { carryKey: carryKeyOf(ben), kind: 'reply', rank: 0 },
      { carryKey: carryKeyOf(ana), kind: 'point', rank: 1 },
    ]);
    expect(carried?.expiresAt).toBe(api.clock.now + 14 * DAY);
    expect(JSON.stringify(carried)).not.toMatch(/Ana|Ben|budget/);

    api.clock.now += 7 * DAY;
    await nextOccurrence();
    // Taken in by the opening commit and deleted in it: nothing links the sessions in storage.
    expect(await api.store.carried(meetingKey)).toBeNull();
    await send(olu, { type: 'join', kind: 'point' });
    const anaView = await viewOf(ana);
    expect(anaView).toMatchObject({ session: 2, phase: 'live' });
    expect(anaView.queue.map((e) => [e.displayName, e.kind, e.note])).toEqual([
      ['Ana', 'point', undefined],
      ['Olu', 'point', undefined],
    ]);
    expect(anaView.you.entries).toEqual([
      { entryId: expect.any(String), kind: 'point', position: 0, why: 'carried' },
    ]);
    const benView = await viewOf(ben);
    expect(benView.queue.map((e) => `${e.displayName}:${e.kind}`)).toEqual([
      'Ben:reply',
      'Ana:point',
      'Olu:point',
    ]);
    expect(benView.you.entries[0]?.why).toBe('carried');
    // Why is the person's own: Olu's view says nothing about Ana's or Ben's place.
    const oluView = await viewOf(olu);
    expect(oluView.you.entries).toEqual([
      { entryId: expect.any(String), kind: 'point', position: 2, why: 'joined-order' },
    ]);
    expect(JSON.stringify(oluView)).not.toContain('carried');
    // Free to leave, as any entry.
    expect((await send(ana, { type: 'leave', kind: 'point' })).status).toBe(200);
    expect((await viewOf(ana)).you.entries).toEqual([]);
  });

  it('takes a carried person in when Teams says they joined, before they open the panel', async () => {
    await firstSession(true);
    await nextOccurrence();
    const { oid } = JSON.parse(Buffer.from(ana.split('.')[1] ?? '', 'base64url').toString()) as {
      oid: string;
    };
    await api.services.teamsEvents.participantsChanged({
      meetingId,
      changes: [
        {
          person: { tenantId: LOCAL_TENANT, userId: oid, displayName: 'Ana' },
          teamsUserId: '29:ana-in-teams',
          inMeeting: true,
          role: 'attendee',
        },
      ],
    });
    const stored = await api.store.load(meetingKey);
    expect(stored?.state.queue.map((e) => [e.kind, e.origin])).toEqual([['point', 'carried']]);
    expect(stored?.state.carried.map((c) => c.kind)).toEqual(['reply']);
  });

  it('carries someone who queued before the option was on once their panel reads again', async () => {
    await viewOf(olu);
    await send(ana, { type: 'join', kind: 'point' });
    await send(ben, { type: 'join', kind: 'point' });
    await send(olu, { type: 'setOption', option: 'carryOver', enabled: true });
    // Ana's panel reads its view again (the tab does when carry-over turns on); Ben's does not.
    await viewOf(ana);
    const { session } = await viewOf(olu);
    await send(olu, { type: 'endSession', session });
    expect((await api.store.carried(meetingKey))?.entries).toEqual([
      { carryKey: carryKeyOf(ana), kind: 'point', rank: 0 },
    ]);
  });

  it('carries nothing, and keeps no carry key, when the organiser has not chosen it', async () => {
    await firstSession(false);
    expect(await api.store.carried(meetingKey)).toBeNull();
    await nextOccurrence();
    await viewOf(ana);
    const stored = await api.store.load(meetingKey);
    expect(stored?.state.queue).toEqual([]);
    expect(JSON.stringify(stored)).not.toContain(carryKeyOf(ana));
  });

  it('forgets carried entries nobody came back for when the next session ends', async () => {
    await firstSession(true);
    await nextOccurrence();
    await viewOf(ana);
    const { session } = await viewOf(olu);
    await send(olu, { type: 'endSession', session });
    const stored = await api.store.load(meetingKey);
    expect(JSON.stringify(stored)).not.toContain(carryKeyOf(ben));
    // Ana, still waiting at this end, is carried on again; Ben, who never came, is not.
    expect((await api.store.carried(meetingKey))?.entries).toEqual([
      { carryKey: carryKeyOf(ana), kind: 'point', rank: 0 },
    ]);
  });

  it('keeps carry keys out of records and summaries', async () => {
    await firstSession(true);
    await nextOccurrence();
    await viewOf(ana);
    const records = JSON.stringify(await api.store.records(meetingKey, 2));
    expect(records).toContain('"origin":"carried"');
    const summaries = JSON.stringify(await api.summaries.list(meetingKey));
    for (const key of [carryKeyOf(ana), carryKeyOf(ben)]) {
      expect(records).not.toContain(key);
      expect(summaries).not.toContain(key);
      expect(JSON.stringify(await viewOf(ana))).not.toContain(key);
    }
  });
});

describe('carry-over expiry', () => {
  it('is never applied after 14 days, and the opening deletes the stale set', async () => {
    await firstSession(true);
    api.clock.now += 14 * DAY + 1;
    await nextOccurrence();
    expect(await api.store.carried(meetingKey)).toBeNull();
    expect((await viewOf(ana)).queue).toEqual([]);
  });

  it('is deleted by housekeeping once expired, and only then', async () => {
    await firstSession(true);
    const endedAt = api.clock.now;
    expect(await api.services.housekeeping.purgeExpired(endedAt + 13 * DAY)).toMatchObject({
      carried: 0,
    });
    expect(await api.store.carried(meetingKey)).not.toBeNull();
    expect(await api.services.housekeeping.purgeExpired(endedAt + 15 * DAY)).toMatchObject({
      carried: 1,
    });
    expect(await api.store.carried(meetingKey)).toBeNull();
    await nextOccurrence();
    expect((await viewOf(ben)).queue).toEqual([]);
  });

  it('goes with the meeting when its organiser erases it', async () => {
    await firstSession(true);
    await nextOccurrence();
    await viewOf(ana);
    expect((await api.call('meetings-delete', { params, token: olu })).status).toBe(200);
    expect(await api.store.carried(meetingKey)).toBeNull();
  });
});
