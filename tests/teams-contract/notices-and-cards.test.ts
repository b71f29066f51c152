// The targeted notification and the summary card on the wire: at most 50 recipients a call, only
// 29: ids, partial delivery counted, failures reported without ids; the card a valid Adaptive Card
// posted to the meeting's conversation, and a refused post retried by the ending job.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { expectValidCard } from '../support/adaptive-cards.js';
import { summarize } from '@roundtable/core';
import { TeamsCardDelivery } from '../../api/src/adapters/teams/card-delivery.js';
import {
  TeamsMeetingNotifier,
  type NoticeReport,
} from '../../api/src/adapters/teams/meeting-notifier.js';
import { DependencyUnavailableError } from '../../api/src/application/errors.js';
import { startFakeBotConnector, type FakeBotConnector } from './fake-bot-connector.js';
import {
  CHANNEL_MEETING,
  CHANNEL_MEETING_CONVERSATION,
  person,
  SCHEDULED_CHAT,
  SCHEDULED_MEETING,
  TENANT_ID,
} from './fixtures.js';
import { connectorFor } from './support.js';

const olu = person(1, 'Olu', 'Organizer');
const crowd = Array.from({ length: 120 }, (_, n) => person(100 + n, `P${n}`, 'Attendee'));

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

function notifier() {
  const reports: NoticeReport[] = [];
  const { connector } = connectorFor(fake);
  const notices = new TeamsMeetingNotifier({
    connector,
    tabOrigin: 'https://tab.roundtable.example',
    report: (report) => reports.push(report),
  });
  return { notices, reports };
}

describe('TeamsMeetingNotifier', () => {
  it('sends 120 recipients in calls of at most 50, and only Teams ids', async () => {
    fake.meetings.set(SCHEDULED_MEETING, { organizer: olu, people: [olu, ...crowd] });
    const { notices, reports } = notifier();
    const ids = crowd.map((p) => p.teamsId);
    await notices.notify({ meetingId: SCHEDULED_MEETING, tenantId: TENANT_ID }, 'next', [
      ...ids,
      crowd[0]?.aadObjectId ?? '',
    ]);
    const sizes = fake.sent.map(
      (s) => (s.body as { value: { recipients: string[] } }).value.recipients.length,
    );
    expect(sizes).toEqual([50, 50, 20]);
    expect(reports.map((r) => r.sent)).toEqual([50, 50, 20]);
    const body = fake.sent[0]?.body as {
      value: { surfaces: { content: { value: { url: string; title: string } } }[] };
    };
    const page = new URL(body.value.surfaces[0]?.content.value.url ?? '');
    expect(page.origin + page.pathname).toBe('https://tab.roundtable.example/index.html');
    expect(page.searchParams.get('notice')).toBe('next');
    expect(body.value.surfaces[0]?.content.value.title).toBe("You're next to speak");
  });

  it('counts the recipients Teams could not tell (207), and reports failures by count and reason', async () => {
    fake.meetings.set(SCHEDULED_MEETING, { organizer: olu, people: [olu] });
    const { notices, reports } = notifier();
    await notices.notify({ meetingId: SCHEDULED_MEETING }, 'invited', [olu.teamsId, '29:gone']);
    expect(reports).toEqual([
      { notice: 'invited', sent: 1, failed: 1, reason: 'partly delivered' },
    ]);
    fake.failNext.push({ status: 403 });
    await notices.notify({ meetingId: SCHEDULED_MEETING }, 'invited', [olu.teamsId]);
    expect(reports.at(-1)).toEqual({
      notice: 'invited',
      sent: 0,
      failed: 1,
      reason: 'the Bot Connector answered 403',
    });
    expect(JSON.stringify(reports)).not.toContain('29:');
  });
});

describe('TeamsCardDelivery', () => {
  const notice = (meetingId: string) => ({
    meetingId,
    meetingKey: 'key',
    session: 1,
    tenantId: TENANT_ID,
    summary: summarize([], { k: 3 }),
    summaryUrl: 'https://tab.roundtable.example/summary.html',
  });

  it('posts a valid Adaptive Card to the meeting chat, and to a channel meeting’s thread', async () => {
    const { connector } = connectorFor(fake);
    const delivery = new TeamsCardDelivery(connector);
    await delivery.deliverSummary(notice(SCHEDULED_MEETING));
    await delivery.deliverSummary(notice(CHANNEL_MEETING));
    expect(fake.sent.map((s) => s.conversationId)).toEqual([
      SCHEDULED_CHAT,
      CHANNEL_MEETING_CONVERSATION,
    ]);
    const message = fake.sent[0]?.body as {
      summary: string;
      attachments: { content: object }[];
    };
    expect(message.summary).toBe('Your inclusion summary is ready');
    expectValidCard(message.attachments[0]?.content ?? {});
  });

  it('fails (to be retried) when the Bot Connector refuses or does not answer', async () => {
    const { connector } = connectorFor(fake);
    const delivery = new TeamsCardDelivery(connector, () => 0);
    fake.failNext.push({ status: 429, retryAfter: '30' });
    const throttled = await delivery
      .deliverSummary(notice(SCHEDULED_MEETING))
      .catch((e: unknown) => e);
    expect(throttled).toBeInstanceOf(DependencyUnavailableError);
    expect((throttled as DependencyUnavailableError).retryAfterSeconds).toBe(30);
    fake.failNext.push({ status: 403 });
    await expect(delivery.deliverSummary(notice(SCHEDULED_MEETING))).rejects.toBeInstanceOf(
      DependencyUnavailableError,
    );
    // A meeting id that names no Teams meeting cannot be fixed by retrying.
    await expect(delivery.deliverSummary(notice('local-meeting'))).rejects.not.toBeInstanceOf(
      DependencyUnavailableError,
    );
  });
});
