// OutboxDelivery against a real Azurite: what local mode keeps instead of posting a card in Teams.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { summarize, type ParticipationRecord } from '@roundtable/core';
import type { SummaryNotice } from '../../api/src/application/ending-ports.js';
import { DependencyUnavailableError } from '../../api/src/application/errors.js';
import {
  type OutboxDelivery,
  outboxDeliveryFromConnectionString,
} from '../../api/src/adapters/local/outbox-delivery.js';
import { summaryCard } from '../../api/src/adapters/summary-card.js';
import { startAzurite, type Azurite } from '../support/azurite.js';

const arrivals = (count: number): ParticipationRecord[] =>
  Array.from({ length: count }, (_, index) => ({
    type: 'arrived',
    at: 0,
    participantId: `p${index}`,
  }));

function noticeFor(meetingKey: string, people: number, session = 1): SummaryNotice {
  return {
    meetingId: 'MCMxOTptZWV0aW5nX2FiY0B0aHJlYWQudjIjMA==',
    meetingKey,
    session,
    summary: summarize(arrivals(people), { k: 3 }),
    summaryUrl: `http://localhost:7071/summary?meeting=${meetingKey}`,
  };
}

describe('OutboxDelivery', () => {
  let azurite: Azurite;
  let outbox: OutboxDelivery;
  const clock = { now: 1_760_000_000_000 };

  beforeAll(async () => {
    azurite = await startAzurite();
    outbox = outboxDeliveryFromConnectionString(azurite.connectionString, 'outboxtest', {
      now: () => clock.now,
      timeoutMs: 2_000,
    });
    await outbox.ensureTable();
  }, 30_000);
  afterAll(async () => {
    await azurite.stop();
  });

  it('creates its table only once: a second ensureTable succeeds', async () => {
    await expect(outbox.ensureTable()).resolves.toBeUndefined();
  });

  it('keeps each delivery, and lists a meeting’s entries oldest first', async () => {
    const meetingKey = randomUUID();
    const earlier = noticeFor(meetingKey, 2);
    const later = noticeFor(meetingKey, 5);
    // Stored out of order, so only the time in the row key can put them in order.
    clock.now += 60_000;
    await outbox.deliverSummary(later);
    clock.now -= 60_000;
    await outbox.deliverSummary(earlier);
    await outbox.deliverSummary(noticeFor(randomUUID(), 4));

    expect(await outbox.list(meetingKey)).toEqual([
      { meetingKey, session: 1, at: clock.now, channel: 'bot-card', card: summaryCard(earlier) },
      {
        meetingKey,
        session: 1,
        at: clock.now + 60_000,
        channel: 'bot-card',
        card: summaryCard(later),
      },
    ]);
  });

  it('keeps two deliveries made in the same millisecond (a retried job)', async () => {
    const meetingKey = randomUUID();
    await outbox.deliverSummary(noticeFor(meetingKey, 3));
    await outbox.deliverSummary(noticeFor(meetingKey, 3));
    expect(await outbox.list(meetingKey)).toHaveLength(2);
  });

  it('erases the named sessions’ entries of one meeting and no one else’s', async () => {
    const meetingKey = randomUUID();
    const otherKey = randomUUID();
    await outbox.deliverSummary(noticeFor(meetingKey, 3, 1));
    await outbox.deliverSummary(noticeFor(meetingKey, 4, 1));
    await outbox.deliverSummary(noticeFor(meetingKey, 4, 2));
    await outbox.deliverSummary(noticeFor(otherKey, 3, 1));

    expect(await outbox.erase(meetingKey, [1])).toBe(2);
    expect((await outbox.list(meetingKey)).map((entry) => entry.session)).toEqual([2]);
    expect(await outbox.list(otherKey)).toHaveLength(1);
    expect(await outbox.erase(meetingKey, [1])).toBe(0);
  });

  it('rejects with DependencyUnavailableError when Azurite is stopped', async () => {
    const meetingKey = randomUUID();
    await outbox.deliverSummary(noticeFor(meetingKey, 3));
    await azurite.stop();
    for (const call of [
      () => outbox.deliverSummary(noticeFor(meetingKey, 3)),
      () => outbox.list(meetingKey),
      () => outbox.erase(meetingKey, [1]),
    ]) {
      const started = Date.now();
      await expect(call()).rejects.toBeInstanceOf(DependencyUnavailableError);
      expect(Date.now() - started).toBeLessThan(3_000);
    }
  }, 30_000);
});
