// BotCardDelivery against a local server playing the Bot Connector: the request it sends, and how
// each kind of failure becomes an error the ending job can retry.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { summarize } from '@roundtable/core';
import type { SummaryNotice } from '../../api/src/application/ending-ports.js';
import { DependencyUnavailableError } from '../../api/src/application/errors.js';
import { BotCardDelivery, chatIdFromMeetingId } from '../../api/src/delivery/bot-card-delivery.js';
import { summaryCard } from '../../api/src/delivery/summary-card.js';
import {
  type FakeBotConnector,
  type Reply,
  type SeenRequest,
  rotatingTokens,
  silent,
  startFakeBotConnector,
  status,
} from '../support/fake-bot-connector.js';
import { freePort } from '../support/free-port.js';

const chatId = '19:meeting_abc@thread.v2';
const notice: SummaryNotice = {
  meetingId: Buffer.from(`0#${chatId}#0`).toString('base64'),
  meetingKey: 'key-1',
  summary: summarize([], { k: 3 }),
  summaryUrl: 'https://roundtable.example/summary?meeting=key-1',
};

const created: Reply = (response) => response.writeHead(201).end(JSON.stringify({ id: 'a1' }));

let connector: FakeBotConnector;
let serviceUrl: string;
let seen: SeenRequest[];

beforeAll(async () => {
  connector = await startFakeBotConnector(created);
  serviceUrl = connector.serviceUrl;
  seen = connector.seen;
});
afterAll(() => connector.close());
beforeEach(() => {
  connector.reset();
});

function delivery(timeoutMs = 2_000, url = serviceUrl) {
  const tokens = rotatingTokens();
  return { tokens, delivery: new BotCardDelivery({ serviceUrl: url, tokens, timeoutMs }) };
}

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof Error)) throw new Error('Expected the delivery to fail.');
  // Whatever failed, the message carries neither the bot's token nor the meeting chat.
  expect(error.message).not.toMatch(/token-\d|19:|meeting_abc/);
  return error;
}

describe('BotCardDelivery', () => {
  it('posts the summary card as a message to the meeting chat, with the bot token', async () => {
    await delivery().delivery.deliverSummary(notice);
    expect(seen).toEqual([
      {
        method: 'POST',
        rawPath: `/teams/v3/conversations/${encodeURIComponent(chatId)}/activities`,
        path: `/teams/v3/conversations/${chatId}/activities`,
        authorization: 'Bearer token-1',
        body: expect.objectContaining({
          type: 'message',
          attachments: [
            {
              contentType: 'application/vnd.microsoft.card.adaptive',
              content: summaryCard(notice),
            },
          ],
        }),
      },
    ]);
  });

  it('after a 401, invalidates that token and retries once with a fresh one', async () => {
    connector.replies = [status(401)];
    const { tokens, delivery: bot } = delivery();
    await bot.deliverSummary(notice);
    expect(seen.map((request) => request.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-2',
    ]);
    expect(tokens.invalidated).toEqual(['token-1']);
  });

  it('gives up after a second 401, naming the status', async () => {
    connector.replies = [status(401), status(401)];
    const error = await failureOf(delivery().delivery.deliverSummary(notice));
    expect(error).toBeInstanceOf(DependencyUnavailableError);
    expect(error.message).toContain('401');
    expect(seen).toHaveLength(2);
  });

  it('turns a 429 into DependencyUnavailableError that honours Retry-After', async () => {
    connector.replies = [status(429, { 'retry-after': '7' })];
    const error = await failureOf(delivery().delivery.deliverSummary(notice));
    expect(error).toBeInstanceOf(DependencyUnavailableError);
    expect(error).toMatchObject({ retryAfterSeconds: 7 });
  });

  it.each([500, 503, 403, 404])('turns HTTP %i into a retryable error naming it', async (code) => {
    connector.replies = [status(code)];
    const error = await failureOf(delivery().delivery.deliverSummary(notice));
    expect(error).toBeInstanceOf(DependencyUnavailableError);
    expect(error.message).toContain(String(code));
  });

  it('times out a connector that does not answer', async () => {
    connector.replies = [silent];
    const started = Date.now();
    const error = await failureOf(delivery(200).delivery.deliverSummary(notice));
    expect(error).toBeInstanceOf(DependencyUnavailableError);
    expect(error.message).toContain('no answer within 200 ms');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reports an unreachable connector as unavailable', async () => {
    const closed = `http://127.0.0.1:${await freePort()}/teams`;
    const error = await failureOf(delivery(2_000, closed).delivery.deliverSummary(notice));
    expect(error).toBeInstanceOf(DependencyUnavailableError);
  });

  it('refuses a meeting id with no chat in it, without calling the connector', async () => {
    const error = await failureOf(
      delivery().delivery.deliverSummary({ ...notice, meetingId: 'not-a-meeting' }),
    );
    expect(error).not.toBeInstanceOf(DependencyUnavailableError);
    expect(seen).toEqual([]);
  });
});

describe('chatIdFromMeetingId', () => {
  it('decodes the base64 form Teams gives as meeting.id', () => {
    expect(chatIdFromMeetingId(notice.meetingId)).toBe(chatId);
  });

  it('takes a chat thread id as it is', () => {
    expect(chatIdFromMeetingId(chatId)).toBe(chatId);
  });

  it.each([
    ['an empty id', ''],
    ['plain words', 'not a meeting'],
    ['base64 of something else', Buffer.from('hello world').toString('base64')],
    ['base64 without the 0# frame', Buffer.from(chatId).toString('base64')],
    ['a chat id with spaces', '19:meeting abc'],
  ])('returns null for %s', (_, meetingId) => {
    expect(chatIdFromMeetingId(meetingId)).toBeNull();
  });
});
