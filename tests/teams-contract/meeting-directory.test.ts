// Who is in a meeting, as Teams' "Get participant" and "Get meeting details" answer it, through
// the fake Bot Connector (which refuses requests Teams would not take).
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { TeamsMeetingDirectory } from '../../api/src/adapters/teams/meeting-directory.js';
import {
  AppNotInstalledError,
  DependencyUnavailableError,
  MeetingExpiredError,
} from '../../api/src/application/errors.js';
import { startFakeBotConnector, type FakeBotConnector } from './fake-bot-connector.js';
import { CHANNEL_MEETING, person, SCHEDULED_MEETING, TENANT_ID } from './fixtures.js';
import { callerOf, connectorFor } from './support.js';

const olu = person(1, 'Olu', 'Organizer');
const pat = person(2, 'Pat', 'Presenter');
const ana = person(3, 'Ana', 'Attendee');
const zed = person(9, 'Zed', 'Attendee');

let fake: FakeBotConnector;
beforeAll(async () => {
  fake = await startFakeBotConnector();
});
afterAll(() => fake.close());
afterEach(() => {
  expect(fake.violations).toEqual([]);
  fake.sent.length = 0;
  fake.meetings.clear();
  fake.failNext.length = 0;
});

function directory() {
  const clock = { now: 1_000_000 };
  const { connector, tokens } = connectorFor(fake);
  return {
    clock,
    tokens,
    directory: new TeamsMeetingDirectory({ connector, now: () => clock.now }),
  };
}

describe('TeamsMeetingDirectory', () => {
  it('maps each Teams role, keeps the 29: id for notices, and says who is in the meeting', async () => {
    fake.meetings.set(SCHEDULED_MEETING, {
      organizer: olu,
      people: [olu, pat, ana],
      left: new Set([ana.aadObjectId]),
    });
    const { directory: d } = directory();
    expect(await d.membership(SCHEDULED_MEETING, callerOf(olu))).toEqual({
      role: 'organizer',
      inMeeting: true,
      teamsUserId: olu.teamsId,
    });
    expect(await d.membership(SCHEDULED_MEETING, callerOf(pat))).toMatchObject({
      role: 'presenter',
    });
    // Ana left: she may look, not act.
    expect(await d.membership(SCHEDULED_MEETING, callerOf(ana))).toMatchObject({
      role: 'attendee',
      inMeeting: false,
    });
    expect(fake.sent.map((s) => s.kind)).toEqual(['participant', 'participant', 'participant']);
    expect(fake.sent[0]?.authorization).toBe('Bearer token-1');
  });

  it('asks Teams again for every action, and reuses an answer only for looking, briefly', async () => {
    fake.meetings.set(SCHEDULED_MEETING, { organizer: olu, people: [olu] });
    const { directory: d, clock } = directory();
    await d.membership(SCHEDULED_MEETING, callerOf(olu), 'look');
    await d.membership(SCHEDULED_MEETING, callerOf(olu), 'look');
    expect(fake.sent).toHaveLength(1);
    await d.membership(SCHEDULED_MEETING, callerOf(olu), 'act');
    await d.membership(SCHEDULED_MEETING, callerOf(olu), 'act');
    expect(fake.sent).toHaveLength(3);
    clock.now += 15_000;
    await d.membership(SCHEDULED_MEETING, callerOf(olu), 'look');
    expect(fake.sent).toHaveLength(4);
  });

  it('turns away people Teams does not place in the meeting', async () => {
    fake.meetings.set(SCHEDULED_MEETING, { organizer: olu, people: [olu] });
    const { directory: d } = directory();
    // Zed is in no conversation the fake knows: not the organiser, not a member.
    expect(await d.membership(SCHEDULED_MEETING, callerOf(zed))).toBeNull();
  });

  it('says plainly when Roundtable is not added to the meeting (403), and forgets the meeting', async () => {
    fake.meetings.set(SCHEDULED_MEETING, { organizer: olu, people: [olu] });
    const { directory: d } = directory();
    await d.membership(SCHEDULED_MEETING, callerOf(olu), 'look');
    fake.meetings.set(SCHEDULED_MEETING, { organizer: olu, people: [olu], notInstalled: true });
    await expect(d.membership(SCHEDULED_MEETING, callerOf(olu), 'act')).rejects.toBeInstanceOf(
      AppNotInstalledError,
    );
    // The earlier answer is gone too: a look now asks Teams (and hears the same).
    await expect(d.membership(SCHEDULED_MEETING, callerOf(olu), 'look')).rejects.toBeInstanceOf(
      AppNotInstalledError,
    );
  });

  it('tells an expired meeting (404 everywhere) from one too large for a roster (404 on participants)', async () => {
    fake.meetings.set(SCHEDULED_MEETING, { organizer: olu, people: [olu], expired: true });
    const { directory: d } = directory();
    await expect(d.membership(SCHEDULED_MEETING, callerOf(olu))).rejects.toBeInstanceOf(
      MeetingExpiredError,
    );
    fake.meetings.set(SCHEDULED_MEETING, { organizer: olu, people: [olu, ana], noRoster: true });
    // The organiser from the meeting details hosts; a member of the meeting chat attends.
    expect(await d.membership(SCHEDULED_MEETING, callerOf(olu), 'act')).toEqual({
      role: 'organizer',
      inMeeting: true,
      teamsUserId: olu.teamsId,
    });
    expect(await d.membership(SCHEDULED_MEETING, callerOf(ana), 'act')).toEqual({
      role: 'attendee',
      inMeeting: true,
      teamsUserId: ana.teamsId,
    });
    expect(await d.membership(SCHEDULED_MEETING, callerOf(zed), 'act')).toBeNull();
    expect(fake.sent.filter((s) => s.kind === 'member').map((s) => s.conversationId)).toEqual([
      '19:meeting_NTM3ZDJjOTUtZGRhOS00MzYxLTk5NDAtMzY4M2IzZWFjZGE1@thread.v2',
      '19:meeting_NTM3ZDJjOTUtZGRhOS00MzYxLTk5NDAtMzY4M2IzZWFjZGE1@thread.v2',
    ]);
  });

  it('gets a fresh token once after a 401, then gives up', async () => {
    fake.meetings.set(SCHEDULED_MEETING, { organizer: olu, people: [olu] });
    const { directory: d, tokens } = directory();
    fake.acceptedTokens.clear();
    fake.acceptedTokens.add('token-2');
    expect(await d.membership(SCHEDULED_MEETING, callerOf(olu), 'act')).toMatchObject({
      role: 'organizer',
    });
    expect(tokens.invalidated).toEqual(['token-1']);
    fake.acceptedTokens.clear();
    await expect(d.membership(SCHEDULED_MEETING, callerOf(olu), 'act')).rejects.toBeInstanceOf(
      DependencyUnavailableError,
    );
    fake.acceptedTokens.add('token-1');
  });

  it('reports throttling with the Retry-After Teams gave, and timeouts, naming no id or token', async () => {
    fake.meetings.set(SCHEDULED_MEETING, { organizer: olu, people: [olu] });
    fake.acceptedTokens.add('token-1');
    const { directory: d } = directory();
    fake.failNext.push({ status: 429, retryAfter: '7' });
    const throttled = await d
      .membership(SCHEDULED_MEETING, callerOf(olu), 'act')
      .catch((e: unknown) => e);
    expect(throttled).toBeInstanceOf(DependencyUnavailableError);
    expect((throttled as DependencyUnavailableError).retryAfterSeconds).toBe(7);
    fake.failNext.push({ status: 0, hang: true });
    const late = await d
      .membership(SCHEDULED_MEETING, callerOf(olu), 'act')
      .catch((e: unknown) => e);
    expect(late).toBeInstanceOf(DependencyUnavailableError);
    for (const failure of [throttled, late]) {
      const text = `${(failure as Error).message} ${JSON.stringify(failure)}`;
      expect(text).not.toContain('token-1');
      expect(text).not.toContain(olu.aadObjectId);
      expect(text).not.toContain(SCHEDULED_MEETING);
    }
  });

  it('names the organiser of a channel meeting from its details', async () => {
    fake.meetings.set(CHANNEL_MEETING, { organizer: olu, people: [olu] });
    const { directory: d } = directory();
    expect(await d.organiserOf(CHANNEL_MEETING, TENANT_ID)).toEqual({
      tenantId: TENANT_ID,
      userId: olu.aadObjectId,
    });
    expect(await d.organiserOf(SCHEDULED_MEETING, TENANT_ID)).toBeNull();
  });
});
