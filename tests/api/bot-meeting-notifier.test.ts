// BotMeetingNotifier against a local server playing the Bot Connector's targeted meeting
// notification API: the request it sends, and that no failure ever escapes (a notice is best effort).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  BotMeetingNotifier,
  MAX_RECIPIENTS,
  type NoticeReport,
} from '../../api/src/delivery/bot-meeting-notifier.js';
import { TAB_ENTITY_ID, summaryLink } from '../../api/src/application/teams-ids.js';
import {
  type FakeBotConnector,
  type Reply,
  rotatingTokens,
  silent,
  startFakeBotConnector,
  status,
} from '../support/fake-bot-connector.js';

const chatId = '19:meeting_abc@thread.v2';
const meetingId = Buffer.from(`0#${chatId}#0`).toString('base64');

interface NotificationBody {
  type: string;
  value: {
    recipients: string[];
    surfaces: {
      surface: string;
      contentType: string;
      content: { value: { title: string; url: string; height: string; width: string } };
    }[];
  };
}

const accepted: Reply = (response) => response.writeHead(202).end();

let connector: FakeBotConnector;
let serviceUrl: string;
const bodies = () => connector.seen.map((request) => request.body as NotificationBody);

beforeAll(async () => {
  connector = await startFakeBotConnector(accepted);
  serviceUrl = connector.serviceUrl;
});
afterAll(() => connector.close());
beforeEach(() => {
  connector.reset();
});

function notifier(timeoutMs = 2_000) {
  const reports: NoticeReport[] = [];
  const tokens = rotatingTokens();
  const instance = new BotMeetingNotifier({
    serviceUrl,
    tabOrigin: 'https://tab.example',
    timeoutMs,
    report: (report) => reports.push(report),
    tokens,
  });
  return { instance, reports, invalidated: tokens.invalidated };
}

describe('BotMeetingNotifier', () => {
  it('posts a targeted meeting notification that opens the side panel on the meeting stage', async () => {
    const { instance, reports } = notifier();
    await instance.notify(meetingId, 'next', ['oid-ben']);
    expect(connector.seen).toHaveLength(1);
    const [request] = connector.seen;
    const [body] = bodies();
    expect(request?.rawPath).toBe(
      `/teams/v1/meetings/${encodeURIComponent(meetingId)}/notification`,
    );
    expect(request?.authorization).toBe('Bearer token-1');
    expect(body?.type).toBe('targetedMeetingNotification');
    expect(body?.value.recipients).toEqual(['oid-ben']);
    const [surface] = body?.value.surfaces ?? [];
    expect(surface).toMatchObject({ surface: 'meetingStage', contentType: 'task' });
    expect(surface?.content.value.title).toBe("You're next to speak");
    expect(new URL(surface?.content.value.url ?? '').href).toBe(
      'https://tab.example/index.html?notice=next',
    );
    expect(reports).toEqual([{ notice: 'next', sent: 1, failed: 0 }]);
  });

  it('sends at most the allowed number of recipients per request, each person once', async () => {
    const { instance, reports } = notifier();
    const ids = Array.from({ length: MAX_RECIPIENTS + 7 }, (_, i) => `oid-${i}`);
    await instance.notify(meetingId, 'invited', [...ids, 'oid-0']);
    expect(bodies().map((b) => b.value.recipients.length)).toEqual([MAX_RECIPIENTS, 7]);
    expect(
      bodies()
        .flatMap((b) => b.value.recipients)
        .sort(),
    ).toEqual([...ids].sort());
    expect(reports.map((r) => r.sent)).toEqual([MAX_RECIPIENTS, 7]);
  });

  it('counts the recipients a 207 answer lists as not reached', async () => {
    const { instance, reports } = notifier();
    connector.replies = [
      status(
        207,
        {},
        JSON.stringify({
          recipientsFailureInfo: [
            { recipientMri: '8:orgid:oid-2', failureReason: 'not in meeting', errorCode: '404' },
          ],
        }),
      ),
    ];
    await instance.notify(meetingId, 'next', ['oid-1', 'oid-2']);
    expect(reports).toEqual([{ notice: 'next', sent: 1, failed: 1, reason: 'partly delivered' }]);
  });

  it('refreshes a rejected token once', async () => {
    const { instance, reports, invalidated } = notifier();
    connector.replies = [status(401)];
    await instance.notify(meetingId, 'next', ['oid-1']);
    expect(invalidated).toEqual(['token-1']);
    expect(connector.seen.map((s) => s.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-2',
    ]);
    expect(reports).toEqual([{ notice: 'next', sent: 1, failed: 0 }]);
  });

  it.each([
    [status(403), 'the Bot Connector answered 403'],
    [status(429), 'the Bot Connector answered 429'],
    [status(502), 'the Bot Connector answered 502'],
  ])('never throws, and reports the failure without retrying (%#)', async (reply, reason) => {
    const { instance, reports } = notifier();
    connector.replies = [reply];
    await expect(instance.notify(meetingId, 'next', ['oid-1'])).resolves.toBeUndefined();
    expect(connector.seen).toHaveLength(1);
    expect(reports).toEqual([{ notice: 'next', sent: 0, failed: 1, reason }]);
  });

  it('gives up on a silent service within its timeout', async () => {
    const { instance, reports } = notifier(200);
    connector.replies = [silent];
    await instance.notify(meetingId, 'next', ['oid-1']);
    expect(reports).toEqual([
      { notice: 'next', sent: 0, failed: 1, reason: 'no answer within 200 ms' },
    ]);
  });

  it('reports an unreachable service', async () => {
    const closed = new BotMeetingNotifier({
      serviceUrl: 'http://127.0.0.1:9/',
      tabOrigin: 'https://tab.example',
      tokens: { token: () => Promise.resolve('t'), invalidate: () => undefined },
      report: (report) => reports.push(report),
    });
    const reports: NoticeReport[] = [];
    await closed.notify(meetingId, 'next', ['oid-1']);
    expect(reports).toHaveLength(1);
    expect(reports[0]?.failed).toBe(1);
  });
});

describe('summaryLink', () => {
  const web = 'https://tab.example/summary.html';

  it('deep-links to the Roundtable tab in the meeting chat when the app id is known', () => {
    const link = new URL(summaryLink(meetingId, web, 'app-123'));
    expect(`${link.origin}${link.pathname}`).toBe(
      `https://teams.microsoft.com/l/entity/app-123/${TAB_ENTITY_ID}`,
    );
    expect(link.searchParams.get('webUrl')).toBe(web);
    expect(JSON.parse(link.searchParams.get('context') ?? '{}')).toEqual({
      chatId,
      contextType: 'chat',
    });
  });

  it('falls back to the page without an app id or a chat in the meeting id', () => {
    expect(summaryLink(meetingId, web, null)).toBe(web);
    expect(summaryLink('local-meeting', web, 'app-123')).toBe(web);
  });
});
