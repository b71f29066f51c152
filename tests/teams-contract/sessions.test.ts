// Sessions as Teams delivers them: one Teams meeting id for every occurrence of a recurring
// meeting; meeting start and end events signed by the Bot Framework; the participant API, the
// meeting details, targeted notices and the summary card, all through the fake Bot Connector,
// which refuses whatever Teams would refuse.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type ParticipantView, type PublicCommand, teamsMeetingId } from '@roundtable/core';
import { startFakeBotConnector, type FakeBotConnector } from './fake-bot-connector.js';
import { startFakeBotFramework, type FakeBotFramework } from './fake-bot-framework.js';
import {
  CHANNEL,
  CHANNEL_MEETING,
  CHANNEL_MEETING_CONVERSATION,
  meetingEvent,
  person,
  SCHEDULED_CHAT,
  SCHEDULED_MEETING,
  TENANT_ID,
} from './fixtures.js';
import { callerOf, teamsApi } from './support.js';
import { TEAMS_APP_ID } from '../api/support.js';

const olu = person(1, 'Olu', 'Organizer');
const ana = person(3, 'Ana', 'Attendee');
const ben = person(4, 'Ben', 'Attendee');
const cy = person(5, 'Cy', 'Attendee');

let fake: FakeBotConnector;
let botFramework: FakeBotFramework;
beforeAll(async () => {
  fake = await startFakeBotConnector();
  botFramework = await startFakeBotFramework();
});
afterAll(async () => {
  botFramework.close();
  await fake.close();
});
afterEach(() => {
  expect(fake.violations).toEqual([]);
  fake.sent.length = 0;
  fake.meetings.clear();
});

async function setUp(meetingId: string) {
  fake.meetings.set(meetingId, { organizer: olu, people: [olu, ana, ben, cy] });
  const teams = await teamsApi(botFramework);
  const { api } = teams;
  let minute = 0;
  const at = () => new Date(api.clock.now).toISOString();
  const start = () =>
    teams.deliver(meetingEvent('Start', { serviceUrl: fake.serviceUrl, meetingId, at: at() }));
  const end = () =>
    teams.deliver(meetingEvent('End', { serviceUrl: fake.serviceUrl, meetingId, at: at() }));
  const view = async (who = olu) =>
    (await api.services.meetings.view(meetingId, callerOf(who))).view;
  const act = async (who: typeof olu, command: PublicCommand) => {
    const result = await api.services.meetings.execute(meetingId, callerOf(who), {
      ...command,
      id: randomUUID(),
    });
    expect(result.refusal).toBeNull();
    return result.view;
  };
  /** One occurrence: these people speak for a minute each, then Teams says the meeting ended. */
  const occurrence = async (speakers: (typeof olu)[]) => {
    expect((await start()).status).toBe(202);
    for (const who of [olu, ...speakers]) await view(who);
    for (const who of speakers) {
      await act(who, { type: 'join', kind: 'point' });
      const current = (await view()).current?.turnId ?? null;
      await act(olu, { type: 'next', currentTurnId: current });
      api.clock.now += 60_000;
    }
    minute += 1;
    expect((await end()).status).toBe(202);
    await teams.runJobs();
    api.clock.now += 7 * 24 * 60 * 60_000;
  };
  return { ...teams, start, end, view, act, occurrence, minutes: () => minute };
}

describe('a recurring meeting, as Teams delivers it', () => {
  it('gives three occurrences of one meeting id three sessions, three summaries and a trend of three', async () => {
    const meeting = await setUp(SCHEDULED_MEETING);
    await meeting.occurrence([ana]);
    await meeting.occurrence([ana, ben]);
    await meeting.occurrence([ana, ben, cy]);
    const trend = await meeting.api.services.summaries.series(SCHEDULED_MEETING, callerOf(olu));
    expect(trend.map((entry) => [entry.session, entry.summary.speakers])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    // One card per occurrence, each in the meeting chat, linking to the tab by the catalogue id.
    const cards = fake.sent.filter((sent) => sent.kind === 'activity');
    expect(cards.map((card) => card.conversationId)).toEqual([
      SCHEDULED_CHAT,
      SCHEDULED_CHAT,
      SCHEDULED_CHAT,
    ]);
    const link = new URL(
      /https:\/\/teams\.microsoft\.com[^"]+/.exec(JSON.stringify(cards[0]?.body))?.[0] ?? '',
    );
    expect(link.pathname).toBe(`/l/entity/${TEAMS_APP_ID}/roundtable`);
    expect(link.searchParams.get('tenantId')).toBe(TENANT_ID);
    expect(link.searchParams.get('openInMeeting')).toBe('false');
    expect(JSON.parse(link.searchParams.get('context') ?? '{}')).toEqual({
      chatId: SCHEDULED_CHAT,
      contextType: 'chat',
    });
    // Each card's summary is readable only by its organiser: an attendee gets none of them.
    await expect(
      meeting.api.services.summaries.series(SCHEDULED_MEETING, callerOf(ana)),
    ).rejects.toMatchObject({ name: 'NotOrganiserError' });
    meeting.api.close();
  });

  it('shows a fresh, empty, live queue to the next view after an end', async () => {
    const meeting = await setUp(SCHEDULED_MEETING);
    await meeting.start();
    await meeting.act(ana, { type: 'join', kind: 'point' });
    await meeting.end();
    await meeting.runJobs();
    const next: ParticipantView = await meeting.view(ana);
    expect(next).toMatchObject({ session: 2, phase: 'live', queue: [], current: null });
    await meeting.act(ben, { type: 'join', kind: 'point' });
    expect((await meeting.view(ana)).queue.map((entry) => entry.displayName)).toEqual(['Ben']);
    meeting.api.close();
  });

  it('treats a second start and a second end as the same ones: one session, one summary, one card', async () => {
    const meeting = await setUp(SCHEDULED_MEETING);
    await meeting.start();
    await meeting.act(ana, { type: 'join', kind: 'point' });
    expect((await meeting.start()).status).toBe(202);
    expect((await meeting.view()).session).toBe(1);
    expect((await meeting.view()).queue).toHaveLength(1);
    await meeting.end();
    await meeting.end();
    await meeting.runJobs();
    expect((await meeting.view()).session).toBe(2);
    const key = meeting.api.services.meetings.meetingKey(SCHEDULED_MEETING);
    expect((await meeting.api.summaries.list(key)).map((s) => s.session)).toEqual([1]);
    expect(fake.sent.filter((sent) => sent.kind === 'activity')).toHaveLength(1);
    meeting.api.close();
  });

  it('tells people privately through Teams ids (29:…), never Entra object ids', async () => {
    const meeting = await setUp(SCHEDULED_MEETING);
    await meeting.start();
    await meeting.act(ana, { type: 'join', kind: 'point' });
    await meeting.act(ben, { type: 'join', kind: 'point' });
    await meeting.act(olu, { type: 'next', currentTurnId: null });
    const notices = fake.sent.filter((sent) => sent.kind === 'notification');
    expect(notices).toHaveLength(1);
    expect(JSON.stringify(notices[0]?.body)).toContain(ben.teamsId);
    expect(JSON.stringify(notices[0]?.body)).not.toContain(ben.aadObjectId);
    expect(meeting.reports).toEqual([{ notice: 'next', sent: 1, failed: 0 }]);
    meeting.api.close();
  });

  it('asks the Bot Connector where Teams said it answers, not at a hard-coded address', async () => {
    const meeting = await setUp(SCHEDULED_MEETING);
    // Before any activity from the tenant, the fallback address leads nowhere: no answer.
    await expect(meeting.view(ana)).rejects.toMatchObject({ name: 'DependencyUnavailableError' });
    await meeting.start();
    expect((await meeting.view(ana)).you.role).toBe('attendee');
    meeting.api.close();
  });
});

describe('a channel meeting', () => {
  it('is its own meeting: its card is a reply in its thread, and nobody gets a targeted notice', async () => {
    const meeting = await setUp(CHANNEL_MEETING);
    await meeting.start();
    await meeting.act(ana, { type: 'join', kind: 'point' });
    await meeting.act(ben, { type: 'join', kind: 'point' });
    await meeting.act(olu, { type: 'next', currentTurnId: null });
    await meeting.end();
    await meeting.runJobs();
    expect(fake.sent.filter((sent) => sent.kind === 'notification')).toEqual([]);
    const cards = fake.sent.filter((sent) => sent.kind === 'activity');
    expect(cards.map((card) => card.conversationId)).toEqual([CHANNEL_MEETING_CONVERSATION]);
    const link = new URL(
      /https:\/\/teams\.microsoft\.com[^"]+/.exec(JSON.stringify(cards[0]?.body))?.[0] ?? '',
    );
    expect(JSON.parse(link.searchParams.get('context') ?? '{}')).toEqual({ channelId: CHANNEL });
    meeting.api.close();
  });

  it('keeps another meeting in the same channel apart: its own sessions, its own summaries', async () => {
    const meeting = await setUp(CHANNEL_MEETING);
    const later = teamsMeetingId(CHANNEL, '1660758699999');
    fake.meetings.set(later, { organizer: olu, people: [olu, ana] });
    await meeting.start();
    await meeting.act(ana, { type: 'join', kind: 'point' });
    await meeting.end();
    await meeting.runJobs();
    const startLater = meetingEvent('Start', {
      serviceUrl: fake.serviceUrl,
      meetingId: later,
      at: new Date(meeting.api.clock.now).toISOString(),
    });
    await meeting.deliver(startLater);
    const laterView = (await meeting.api.services.meetings.view(later, callerOf(ana))).view;
    expect(laterView).toMatchObject({ session: 1, queue: [] });
    const series = await meeting.api.services.summaries.series(CHANNEL_MEETING, callerOf(olu));
    expect(series.map((entry) => entry.session)).toEqual([1]);
    expect(await meeting.api.services.summaries.series(later, callerOf(olu))).toEqual([]);
    meeting.api.close();
  });
});

describe('a meeting chat with another organiser next time', () => {
  it('gives each organiser their own sessions: neither reads, lists nor erases the other’s', async () => {
    const meeting = await setUp(SCHEDULED_MEETING);
    await meeting.occurrence([ana]);
    // The same meeting id, now organised by Ben (Teams' participant API says so); Olu attends.
    const benOrganises = { ...ben, role: 'Organizer' as const };
    const oluAttends = { ...olu, role: 'Attendee' as const };
    fake.meetings.set(SCHEDULED_MEETING, {
      organizer: benOrganises,
      people: [oluAttends, ana, benOrganises, cy],
    });
    await meeting.start();
    await meeting.view(ben);
    await meeting.act(ana, { type: 'join', kind: 'point' });
    await meeting.act(ben, { type: 'next', currentTurnId: null });
    await meeting.end();
    await meeting.runJobs();
    const { summaries } = meeting.api.services;
    const sessionsOf = async (who: typeof olu) =>
      (await summaries.series(SCHEDULED_MEETING, callerOf(who))).map((entry) => entry.session);
    expect(await sessionsOf(olu)).toEqual([1]);
    expect(await sessionsOf(ben)).toEqual([2]);
    expect((await summaries.summary(SCHEDULED_MEETING, callerOf(ben))).session).toBe(2);
    await expect(summaries.summary(SCHEDULED_MEETING, callerOf(olu), 2)).rejects.toMatchObject({
      name: expect.stringMatching(/NotOrganiserError|SummaryNotFoundError/) as unknown,
    });
    expect(await summaries.erase(SCHEDULED_MEETING, callerOf(ben))).toMatchObject({
      sessions: 1,
      summaries: 1,
    });
    expect(await sessionsOf(olu)).toEqual([1]);
    meeting.api.close();
  });
});

describe('after Teams forgets the meeting', () => {
  it('lets its organiser read, list and erase the summaries, whatever the participant API says', async () => {
    const meeting = await setUp(SCHEDULED_MEETING);
    await meeting.occurrence([ana]);
    for (const gone of [{ expired: true }, { notInstalled: true }]) {
      fake.meetings.set(SCHEDULED_MEETING, { organizer: olu, people: [olu, ana], ...gone });
      const { summaries } = meeting.api.services;
      expect((await summaries.summary(SCHEDULED_MEETING, callerOf(olu))).session).toBe(1);
      expect(await summaries.series(SCHEDULED_MEETING, callerOf(olu))).toHaveLength(1);
      await expect(summaries.summary(SCHEDULED_MEETING, callerOf(ana))).rejects.toMatchObject({
        name: expect.stringMatching(/NotOrganiserError|AppNotInstalledError/) as unknown,
      });
    }
    const erased = await meeting.api.services.summaries.erase(SCHEDULED_MEETING, callerOf(olu));
    expect(erased).toMatchObject({ summaries: 1 });
    meeting.api.close();
  });
});
