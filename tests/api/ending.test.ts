// The end of a meeting, end to end through the handlers: the host ends it, the job builds and
// keeps the summary, tells the organiser, forgets everyone; retries repeat nothing.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { InclusionSummary, ParticipantView } from '@roundtable/core';
import { endIdleMeetings, purgeExpired } from '../../api/src/application/housekeeping.js';
import { MemoryMeetingStore } from '../../api/src/adapters/memory-meeting-store.js';
import {
  DependencyUnavailableError,
  StoreConflictError,
} from '../../api/src/application/errors.js';
import type { MeetingCommit } from '../../api/src/application/ports.js';
import { command, testApi, type TestApi } from './support.js';

const meetingId = '19:meeting_ending@thread.v2';
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

/** Three people; Ana speaks for 60 s; Ben's point is still waiting when the host ends. */
async function runMeeting(): Promise<void> {
  for (const token of [olu, ana, ben]) await api.call('meetings-get', { params, token });
  await send(ana, { type: 'join', kind: 'point' });
  await send(olu, { type: 'next', currentTurnId: null });
  api.clock.now += 60_000;
  const current = ((await api.call('meetings-get', { params, token: ana })).json as ParticipantView)
    .current;
  await send(ana, { type: 'finish', turnId: current?.turnId ?? '' });
  await send(ben, { type: 'join', kind: 'point' });
  expect((await send(olu, { type: 'endSession' })).status).toBe(200);
}

describe('ending a meeting', () => {
  it('queues the ending job when the host ends the session', async () => {
    await runMeeting();
    expect(api.endQueue.jobs).toEqual([
      { meetingKey: api.services.meetings.meetingKey(meetingId), meetingId, reason: 'host' },
    ]);
  });

  it('keeps a summary that matches a hand count, sends one card, and forgets everyone', async () => {
    await runMeeting();
    const [job] = api.endQueue.jobs;
    if (!job) throw new Error('No ending job was queued.');
    expect(await api.services.ender.run(job)).toBe('ended');
    const summary = (await api.call('summary-get', { params, token: olu }))
      .json as InclusionSummary;
    // Hand count: 3 opened Roundtable, 1 spoke (Ana, 60 s), Ben's point was not reached.
    expect(summary).toMatchObject({
      participants: 3,
      speakers: 1,
      turns: 1,
      airtimeTotalMs: 60_000,
      queuedNotReached: 1,
    });
    expect(api.outbox.entries).toHaveLength(1);
    expect(JSON.stringify(api.outbox.entries[0]?.card)).toContain('1 of 3 people');
    const stored = await api.store.load(job.meetingKey);
    expect(stored?.salt).toBe('');
    expect(JSON.stringify(stored)).not.toMatch(/Olu|Ana|Ben/);
    expect(await api.call('meetings-get', { params, token: ana })).toMatchObject({ status: 409 });
    expect(await api.services.ender.run(job)).toBe('already-forgotten');
    expect(api.outbox.entries).toHaveLength(1);
  });

  it('forgets everyone before telling anyone: a failing notice keeps no name alive, and the retry sends it once', async () => {
    await runMeeting();
    const [job] = api.endQueue.jobs;
    if (!job) throw new Error('No ending job was queued.');
    api.outbox.failNext = true;
    await expect(api.services.ender.run(job)).rejects.toThrow();
    const afterFailure = await api.store.load(job.meetingKey);
    expect(afterFailure?.salt).toBe('');
    expect(JSON.stringify(afterFailure?.state)).not.toMatch(/Ana|Ben|Olu/);
    expect(await api.store.purgeCommands(job.meetingKey)).toBe(0);
    const first = await api.summaries.get(job.meetingKey);
    expect(first?.deliveredAt).toBeUndefined();
    expect(await api.services.ender.run(job)).toBe('already-forgotten');
    expect((await api.summaries.get(job.meetingKey))?.summary).toEqual(first?.summary);
    expect(api.outbox.entries).toHaveLength(1);
    // Once delivered, a retried job does not tell the organiser again.
    expect(await api.services.ender.run(job)).toBe('already-forgotten');
    expect(api.outbox.entries).toHaveLength(1);
  });

  it('fails the job (to be retried) rather than report success when forgetting keeps conflicting', async () => {
    class BusyStore extends MemoryMeetingStore {
      forgetAttempts = 0;
      override commit(commit: MeetingCommit) {
        if (commit.next.salt !== '') return super.commit(commit);
        this.forgetAttempts += 1;
        return Promise.reject(new StoreConflictError());
      }
    }
    const store = new BusyStore();
    api.close();
    api = await testApi({ store });
    await runMeeting();
    const [job] = api.endQueue.jobs;
    if (!job) throw new Error('No ending job was queued.');
    await expect(api.services.ender.run(job)).rejects.toBeInstanceOf(DependencyUnavailableError);
    expect(store.forgetAttempts).toBe(5);
    expect(api.outbox.entries).toHaveLength(0);
  });

  it('keeps no command rows for commands sent after the meeting was forgotten', async () => {
    await runMeeting();
    const [job] = api.endQueue.jobs;
    if (!job) throw new Error('No ending job was queued.');
    await api.services.ender.run(job);
    const late = await send(ana, { type: 'join', kind: 'point' });
    expect(late.status).toBeGreaterThanOrEqual(400);
    expect(await api.store.purgeCommands(job.meetingKey)).toBe(0);
  });

  it('ends an idle meeting without a notice (no meeting id is stored), keeping its summary', async () => {
    for (const token of [olu, ana]) await api.call('meetings-get', { params, token });
    api.clock.now += 2 * 60 * 60 * 1000 + 1;
    expect(await endIdleMeetings(api.store, api.endQueue, api.clock.now)).toBe(1);
    const [job] = api.endQueue.jobs;
    expect(job).toMatchObject({ meetingId: '', reason: 'idle' });
    if (!job) throw new Error('No ending job was queued.');
    expect(await api.services.ender.run(job)).toBe('ended');
    expect(api.outbox.entries).toHaveLength(0);
    expect((await api.summaries.get(job.meetingKey))?.summary.participants).toBe(2);
  });
});

describe('the summary and erase routes', () => {
  it('let only hosts read the summary, and say when it is not ready yet', async () => {
    await api.call('meetings-get', { params, token: ana });
    expect((await api.call('summary-get', { params, token: ana })).status).toBe(403);
    const early = await api.call('summary-get', { params, token: olu });
    expect(early).toMatchObject({ status: 409, json: { code: 'summary-not-ready' } });
  });

  it('let the organiser erase everything, and nobody else', async () => {
    await runMeeting();
    const [job] = api.endQueue.jobs;
    if (!job) throw new Error('No ending job was queued.');
    await api.services.ender.run(job);
    expect((await api.call('meetings-delete', { params, token: ana })).status).toBe(403);
    const erased = await api.call('meetings-delete', { params, token: olu });
    expect(erased.status).toBe(200);
    expect(erased.json).toMatchObject({ erased: { summaries: 1, outboxEntries: 1 } });
    expect(await api.store.load(job.meetingKey)).toBeNull();
    expect(await api.call('summary-get', { params, token: olu })).toMatchObject({ status: 404 });
  });
});

describe('retention', () => {
  it('purges records after the record retention and the summary after its own', async () => {
    await runMeeting();
    const [job] = api.endQueue.jobs;
    if (!job) throw new Error('No ending job was queued.');
    await api.services.ender.run(job);
    const day = 24 * 60 * 60 * 1000;
    expect(await purgeExpired(api.store, api.summaries, api.clock.now + 29 * day, 30)).toEqual({
      records: 0,
      summaries: 0,
    });
    const monthLater = await purgeExpired(api.store, api.summaries, api.clock.now + 31 * day, 30);
    expect(monthLater.records).toBeGreaterThan(0);
    expect(monthLater.summaries).toBe(0);
    expect(
      await purgeExpired(api.store, api.summaries, api.clock.now + 401 * day, 30),
    ).toMatchObject({ summaries: 1 });
    expect(await api.summaries.get(job.meetingKey)).toBeNull();
  });
});

describe('the series trend', () => {
  // Two occurrences of one recurring meeting: Teams encodes each as "0#<shared chat>#<n>".
  const chat = '19:meeting_weekly@thread.v2';
  const occurrence = (n: number) => Buffer.from(`0#${chat}#${n}`).toString('base64');

  async function endOccurrence(n: number, speakers: string[]): Promise<void> {
    const p = { meetingId: occurrence(n) };
    for (const token of [olu, ana, ben]) await api.call('meetings-get', { params: p, token });
    for (const token of speakers) {
      await api.call('commands-post', {
        params: p,
        token,
        body: command({ type: 'join', kind: 'point' }),
      });
      const view = (await api.call('meetings-get', { params: p, token: olu }))
        .json as ParticipantView;
      await api.call('commands-post', {
        params: p,
        token: olu,
        body: command({ type: 'next', currentTurnId: view.current?.turnId ?? null }),
      });
      api.clock.now += 30_000;
    }
    await api.call('commands-post', {
      params: p,
      token: olu,
      body: command({ type: 'endSession' }),
    });
    const job = api.endQueue.jobs.at(-1);
    if (!job) throw new Error('No ending job was queued.');
    await api.services.ender.run(job);
    api.clock.now += 7 * 24 * 60 * 60 * 1000;
  }

  it('lists the summaries of every occurrence, oldest first, for the organiser only', async () => {
    await endOccurrence(0, [ana]);
    await endOccurrence(1, [ana, ben]);
    const trend = await api.call('series-summaries-get', {
      params: { seriesId: chat },
      query: { meetingId: occurrence(1) },
      token: olu,
    });
    expect(trend.status).toBe(200);
    expect(
      (trend.json as { meetings: InclusionSummary[] }).meetings.map((m) => m.speakers),
    ).toEqual([1, 2]);
    const byAttendee = await api.call('series-summaries-get', {
      params: { seriesId: chat },
      query: { meetingId: occurrence(1) },
      token: ana,
    });
    expect(byAttendee.status).toBe(403);
  });

  it('refuses a meeting that is not part of the series, or none at all', async () => {
    const other = await api.call('series-summaries-get', {
      params: { seriesId: chat },
      query: { meetingId: 'some-other-meeting' },
      token: olu,
    });
    expect(other).toMatchObject({
      status: 400,
      json: { detail: 'meetingId: that meeting is not part of this series.' },
    });
    expect(
      (await api.call('series-summaries-get', { params: { seriesId: chat }, token: olu })).status,
    ).toBe(400);
    expect((await api.call('series-summaries-get', { params: { seriesId: chat } })).status).toBe(
      401,
    );
  });
});
