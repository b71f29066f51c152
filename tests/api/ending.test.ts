// The end of a session, end to end through the handlers: the host ends it (and everyone is
// forgotten in that same commit), the job builds and keeps the summary, tells the organiser,
// and deletes what built it; retries repeat nothing.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { type InclusionSummary, type ParticipantView, teamsMeetingId } from '@roundtable/core';
import { MemoryMeetingStore } from '../../api/src/adapters/memory/memory-meeting-store.js';
import type { MeetingCommit } from '../../api/src/application/ports.js';
import { command, testApi, type TestApi } from './support.js';

const meetingId = teamsMeetingId('19:meeting_ending@thread.v2');
const params = { meetingId };
let api: TestApi;
let olu: string;
let ana: string;
let ben: string;

beforeEach(async () => {
  api = await testApi();
  [olu, ana, ben] = await Promise.all([
    api.tokenFor('Olu', 'organizer'),
    api.tokenFor('Ana', 'attendee'),
    api.tokenFor('Ben', 'attendee'),
  ]);
});
afterEach(() => {
  api.close();
});

const send = (token: string, body: Parameters<typeof command>[0]) =>
  api.call('commands-post', { params, token, body: command(body) });
const viewOf = async (token: string) =>
  (await api.call('meetings-get', { params, token })).json as ParticipantView;
const summaryOf = (json: unknown) => (json as { summary: InclusionSummary }).summary;

/** Three people; Ana speaks for 60 s; Ben's point is still waiting when the host ends. */
async function runMeeting(): Promise<void> {
  await send(ana, { type: 'join', kind: 'point' });
  for (const token of [olu, ben]) await viewOf(token);
  await send(olu, { type: 'next', currentTurnId: null });
  api.clock.now += 60_000;
  const { current, session } = await viewOf(ana);
  await send(ana, { type: 'finish', turnId: current?.turnId ?? '' });
  await send(ben, { type: 'join', kind: 'point' });
  expect((await send(olu, { type: 'endSession', session })).status).toBe(200);
}

async function runJob(): Promise<void> {
  const job = api.endQueue.jobs.at(-1);
  if (!job) throw new Error('No ending job was queued.');
  expect(await api.services.ender.run(job)).toBe('ended');
}

describe('ending a session', () => {
  it('queues the ending job for that session when the host ends it', async () => {
    await runMeeting();
    expect(api.endQueue.jobs).toEqual([
      {
        meetingKey: api.services.meetings.meetingKey(meetingId),
        meetingId,
        reason: 'host',
        session: 1,
      },
    ]);
  });

  it('forgets everyone in the commit that ends the session, before any job runs', async () => {
    await runMeeting();
    const stored = await api.store.load(api.services.meetings.meetingKey(meetingId));
    expect(stored).toMatchObject({ salt: '', organisers: [], state: { phase: 'ended' } });
    expect(JSON.stringify(stored)).not.toMatch(/Olu|Ana|Ben/);
    expect(Object.keys(stored?.state.participants ?? { x: 1 })).toEqual([]);
  });

  it('keeps a summary that matches a hand count, sends one card, and deletes the records', async () => {
    await runMeeting();
    await runJob();
    const answer = await api.call('summary-get', { params, token: olu });
    expect(answer).toMatchObject({ status: 200, json: { session: 1 } });
    // Hand count: 3 opened Roundtable, 1 spoke (Ana, 60 s), Ben's point was not reached.
    expect(summaryOf(answer.json)).toMatchObject({
      participants: 3,
      speakers: 1,
      turns: 1,
      airtimeTotalMs: 60_000,
      queuedNotReached: 1,
    });
    expect(api.outbox.entries).toHaveLength(1);
    expect(JSON.stringify(api.outbox.entries[0]?.card)).toContain('1 of 3 people');
    const key = api.services.meetings.meetingKey(meetingId);
    expect(await api.store.records(key, 1)).toEqual([]);
    expect(await api.store.closing(key, 1)).toBeNull();
    const again = api.endQueue.jobs.at(-1);
    if (!again) throw new Error('No ending job was queued.');
    expect(await api.services.ender.run(again)).toBe('ended');
    expect(api.outbox.entries).toHaveLength(1);
  });

  it('tells the organiser once even when the first notice fails and the job is retried', async () => {
    await runMeeting();
    const job = api.endQueue.jobs.at(-1);
    if (!job) throw new Error('No ending job was queued.');
    api.outbox.failNext = true;
    await expect(api.services.ender.run(job)).rejects.toThrow();
    const first = await api.summaries.get(job.meetingKey, 1);
    expect(first?.deliveredAt).toBeUndefined();
    expect(await api.services.ender.run(job)).toBe('ended');
    expect((await api.summaries.get(job.meetingKey, 1))?.summary).toEqual(first?.summary);
    expect(api.outbox.entries).toHaveLength(1);
    expect(await api.services.ender.run(job)).toBe('ended');
    expect(api.outbox.entries).toHaveLength(1);
  });

  it('ends a session once, whoever asks twice: the host, a retry, Teams, the idle timer', async () => {
    await runMeeting();
    const { session } = await viewOf(olu);
    expect(session).toBe(2);
    // The host's retry of the first session's end changes nothing in the next one.
    const retry = await send(olu, { type: 'endSession', session: 1 });
    expect(retry.status).toBe(200);
    expect((retry.json as ParticipantView).session).toBe(2);
    expect(api.endQueue.jobs).toHaveLength(1);
    await runJob();
    await api.services.teamsEvents.meetingEnded({ meetingId, endedAt: api.clock.now });
    await runJob();
    const key = api.services.meetings.meetingKey(meetingId);
    expect(await api.store.load(key)).toMatchObject({ state: { session: 1, phase: 'ended' } });
    expect((await api.summaries.list(key)).map((s) => s.session)).toEqual([1]);
    expect(api.outbox.entries).toHaveLength(1);
  });

  it('does not let a late Teams end event end a session that opened after the meeting ended', async () => {
    await runMeeting();
    await runJob();
    const endedAt = api.clock.now;
    api.clock.now += 60_000;
    await send(ana, { type: 'join', kind: 'point' });
    await api.services.teamsEvents.meetingEnded({ meetingId, endedAt });
    expect(await api.services.ender.run(api.endQueue.jobs.at(-1) ?? never())).toBe(
      'nothing-to-end',
    );
    expect(await viewOf(ana)).toMatchObject({ session: 2, phase: 'live', queue: [{}] });
  });

  it('ends an idle session without a notice (no meeting id is stored), keeping its summary', async () => {
    await send(ana, { type: 'join', kind: 'point' });
    await viewOf(olu);
    api.clock.now += 2 * 60 * 60 * 1000 + 1;
    expect(await api.services.housekeeping.endSessions(api.clock.now)).toEqual({
      idle: 1,
      unfinished: 0,
    });
    const job = api.endQueue.jobs.at(-1);
    expect(job).toMatchObject({ meetingId: '', reason: 'idle', session: 1 });
    await runJob();
    expect(api.outbox.entries).toHaveLength(0);
    expect(summaryOf((await api.call('summary-get', { params, token: olu })).json)).toMatchObject({
      participants: 2,
      queuedNotReached: 1,
    });
  });

  it('keeps no summary and sends no card for a session in which people only looked', async () => {
    await send(olu, { type: 'lock' });
    await viewOf(ana);
    await send(olu, { type: 'endSession', session: 1 });
    await runJob();
    expect(await api.summaries.list(api.services.meetings.meetingKey(meetingId))).toEqual([]);
    expect(api.outbox.entries).toHaveLength(0);
  });

  it('finishes an ending whose job failed for good, from housekeeping', async () => {
    await runMeeting();
    api.endQueue.jobs.length = 0;
    api.clock.now += 31 * 60 * 1000;
    expect(await api.services.housekeeping.endSessions(api.clock.now)).toEqual({
      idle: 0,
      unfinished: 1,
    });
    expect(api.endQueue.jobs).toEqual([
      expect.objectContaining({ reason: 'unfinished', session: 1, meetingId: '' }),
    ]);
    await runJob();
    expect((await api.call('summary-get', { params, token: olu })).status).toBe(200);
    expect(await api.services.housekeeping.endSessions(api.clock.now)).toEqual({
      idle: 0,
      unfinished: 0,
    });
  });

  it('retries the ending commit after a conflict and never leaves the session half-ended', async () => {
    class ConflictOnce extends MemoryMeetingStore {
      conflicts = 0;
      override commit(commit: MeetingCommit) {
        if (commit.closing !== undefined && this.conflicts === 0) {
          this.conflicts += 1;
          return Promise.reject(new (class extends Error {})());
        }
        return super.commit(commit);
      }
    }
    const store = new ConflictOnce();
    api.close();
    api = await testApi({ store });
    await send(ana, { type: 'join', kind: 'point' });
    const failed = await send(olu, { type: 'endSession', session: 1 });
    expect(failed.status).toBe(500);
    expect(await api.store.load(api.services.meetings.meetingKey(meetingId))).toMatchObject({
      state: { phase: 'live' },
    });
    expect((await send(olu, { type: 'endSession', session: 1 })).status).toBe(200);
  });
});

describe('the summary and erase routes', () => {
  it('let only organisers read the summary, and say when it is not ready yet', async () => {
    await send(ana, { type: 'join', kind: 'point' });
    expect(await api.call('summary-get', { params, token: ana })).toMatchObject({
      status: 403,
      json: { code: 'not-organizer' },
    });
    const early = await api.call('summary-get', { params, token: olu });
    expect(early).toMatchObject({ status: 409, json: { code: 'summary-not-ready' } });
  });

  it('do not give presenters or co-hosts the summary', async () => {
    const pat = await api.tokenFor('Pat', 'presenter');
    await runMeeting();
    await runJob();
    expect((await api.call('summary-get', { params, token: pat })).status).toBe(403);
  });

  it('let the organiser erase their sessions, and nobody else', async () => {
    await runMeeting();
    await runJob();
    expect((await api.call('meetings-delete', { params, token: ana })).status).toBe(403);
    const erased = await api.call('meetings-delete', { params, token: olu });
    expect(erased).toMatchObject({
      status: 200,
      json: { erased: { summaries: 1, outboxEntries: 1 } },
    });
    expect(await api.call('summary-get', { params, token: olu })).toMatchObject({ status: 404 });
  });

  it('erase a running session without a summary, leaving the next one free to open', async () => {
    await send(ana, { type: 'join', kind: 'point' });
    const erased = await api.call('meetings-delete', { params, token: olu });
    expect(erased).toMatchObject({ status: 200, json: { erased: { sessions: 1 } } });
    const key = api.services.meetings.meetingKey(meetingId);
    expect(await api.store.records(key, 1)).toEqual([]);
    expect(await api.store.closing(key, 1)).toBeNull();
    expect(await viewOf(ana)).toMatchObject({ session: 2, phase: 'live', queue: [] });
  });

  it('tell the organiser the summary is to come before any session has started', async () => {
    const early = await api.call('summary-get', {
      params: { meetingId: 'not-started-yet' },
      token: olu,
    });
    expect(early).toMatchObject({ status: 409, json: { code: 'summary-not-ready' } });
  });

  it('answer a named session, and refuse one that is not a whole number', async () => {
    await runMeeting();
    await runJob();
    const one = await api.call('summary-get', { params, token: olu, query: { session: '1' } });
    expect(one).toMatchObject({ status: 200, json: { session: 1 } });
    const none = await api.call('summary-get', { params, token: olu, query: { session: '7' } });
    expect(none).toMatchObject({ status: 404, json: { code: 'summary-not-found' } });
    const bad = await api.call('summary-get', { params, token: olu, query: { session: '1.5' } });
    expect(bad.status).toBe(400);
  });
});

describe('retention', () => {
  it('purges the summary after its retention', async () => {
    await runMeeting();
    await runJob();
    const day = 24 * 60 * 60 * 1000;
    expect(await api.services.housekeeping.purgeExpired(api.clock.now + 399 * day)).toEqual({
      records: 0,
      summaries: 0,
      meetings: 0,
      carried: 0,
    });
    expect(await api.services.housekeeping.purgeExpired(api.clock.now + 401 * day)).toMatchObject({
      summaries: 1,
    });
    expect(await api.summaries.get(api.services.meetings.meetingKey(meetingId), 1)).toBeNull();
    // What is left of the meeting goes once its summaries could all have expired.
    expect(await api.services.housekeeping.purgeExpired(api.clock.now + 431 * day)).toMatchObject({
      meetings: 1,
    });
    expect(await api.store.load(api.services.meetings.meetingKey(meetingId))).toBeNull();
  });

  it('purges the records of a session whose ending never ran, after the record retention', async () => {
    await send(ana, { type: 'join', kind: 'point' });
    const day = 24 * 60 * 60 * 1000;
    const purged = await api.services.housekeeping.purgeExpired(api.clock.now + 31 * day);
    expect(purged.records).toBeGreaterThan(0);
  });
});

function never(): never {
  throw new Error('No ending job was queued.');
}
