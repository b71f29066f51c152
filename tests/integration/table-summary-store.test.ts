// TableSummaryStore against a real Azurite: one row per meeting, series order, erase, retention.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import { summarize, type ParticipationRecord } from '@roundtable/core';
import { DependencyUnavailableError } from '../../api/src/application/errors.js';
import type { StoredSummary } from '../../api/src/application/ending-ports.js';
import {
  type TableSummaryStore,
  tableSummaryStoreFromConnectionString,
} from '../../api/src/adapters/table-summary-store.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { newMeetingKey, T0 } from '../support/meeting-commits.js';

const DAY = 24 * 60 * 60 * 1000;

/** Three people arrive at `startedAt` and one speaks; null: an empty meeting that never started. */
function summaryStartingAt(startedAt: number | null) {
  if (startedAt === null) return summarize([], { k: 3 });
  const records: ParticipationRecord[] = ['a', 'b', 'c'].map((participantId) => ({
    type: 'arrived',
    at: startedAt,
    participantId,
  }));
  const turn = { turnId: 't1', participantId: 'a' };
  records.push(
    { type: 'entryJoined', at: startedAt, entryId: 'e1', kind: 'point', origin: 'joined' },
    {
      type: 'turnStarted',
      at: startedAt + 1_000,
      ...turn,
      entryId: 'e1',
      kind: 'point',
      origin: 'joined',
      waitMs: 1_000,
    },
    { type: 'turnEnded', at: startedAt + 61_000, ...turn, durationMs: 60_000 },
  );
  return summarize(records, { k: 3 });
}

function stored(
  meetingKey: string,
  seriesKey: string | null,
  startedAt: number | null,
  { storedAt = T0, expiresAt = T0 + 400 * DAY } = {},
): StoredSummary {
  return { meetingKey, seriesKey, summary: summaryStartingAt(startedAt), storedAt, expiresAt };
}

const newSeriesKey = (): string => `series-${randomBytes(6).toString('base64url')}`;

describe('TableSummaryStore on Azurite', () => {
  let azurite: Azurite;
  let store: TableSummaryStore;
  let table: TableClient;
  let tables = 0;

  /** A store on a table of its own, for tests that act on every row of the table. */
  async function freshStore(): Promise<TableSummaryStore> {
    const fresh = tableSummaryStoreFromConnectionString(
      azurite.connectionString,
      `summariestest${++tables}`,
    );
    await fresh.ensureTable();
    return fresh;
  }

  beforeAll(async () => {
    azurite = await startAzurite();
    store = tableSummaryStoreFromConnectionString(azurite.connectionString, 'summariesshared');
    await store.ensureTable();
    await store.ensureTable(); // a second start finds the table there
    table = TableClient.fromConnectionString(azurite.connectionString, 'summariesshared', {
      allowInsecureConnection: true,
    });
  }, 30_000);
  afterAll(() => azurite.stop());

  async function rowsOf(meetingKey: string) {
    const rows: { partitionKey: string; rowKey: string }[] = [];
    const filter = `RowKey eq '${meetingKey}'`;
    for await (const row of table.listEntities({ queryOptions: { filter } })) {
      rows.push({ partitionKey: row.partitionKey ?? '', rowKey: row.rowKey ?? '' });
    }
    return rows;
  }

  it('stores a summary and reads it back whole, with or without a series', async () => {
    const seriesKey = newSeriesKey();
    const inSeries = stored(newMeetingKey(), seriesKey, T0);
    const single = stored(newMeetingKey(), null, null);
    await store.put(inSeries);
    await store.put(single);
    expect(inSeries.summary.participants).toBe(3);
    expect(await store.get(inSeries.meetingKey)).toEqual(inSeries);
    expect(await store.get(single.meetingKey)).toEqual(single);
    expect(await store.get(newMeetingKey())).toBeNull();
    expect(await rowsOf(inSeries.meetingKey)).toEqual([
      { partitionKey: seriesKey, rowKey: inSeries.meetingKey },
    ]);
    expect(await rowsOf(single.meetingKey)).toEqual([
      { partitionKey: 'single', rowKey: single.meetingKey },
    ]);
  });

  it('replaces the summary when the same meeting is stored again', async () => {
    const key = newMeetingKey();
    const seriesKey = newSeriesKey();
    await store.put(stored(key, seriesKey, T0));
    const again = stored(key, seriesKey, T0 + 5_000, { storedAt: T0 + DAY });
    await store.put(again);
    expect(await store.get(key)).toEqual(again);
    expect(await rowsOf(key)).toHaveLength(1);
  });

  it('notes when the organiser was told, keeping the summary, and ignores a meeting with none', async () => {
    const key = newMeetingKey();
    const summary = stored(key, newSeriesKey(), T0);
    await store.put(summary);
    expect((await store.get(key))?.deliveredAt).toBeUndefined();
    await store.markDelivered(key, T0 + 1_000);
    expect(await store.get(key)).toEqual({ ...summary, deliveredAt: T0 + 1_000 });
    await expect(store.markDelivered(newMeetingKey(), T0)).resolves.toBeUndefined();
  });

  it('lists a series oldest meeting first, a meeting that never started last', async () => {
    const seriesKey = newSeriesKey();
    const keys = [newMeetingKey(), newMeetingKey(), newMeetingKey(), newMeetingKey()];
    const [first, second, third, neverStarted] = [
      stored(keys[2] ?? '', seriesKey, T0),
      stored(keys[0] ?? '', seriesKey, T0 + 7 * DAY),
      stored(keys[3] ?? '', seriesKey, T0 + 14 * DAY),
      stored(keys[1] ?? '', seriesKey, null),
    ];
    for (const summary of [neverStarted, third, first, second]) await store.put(summary);
    const otherSeries = stored(newMeetingKey(), newSeriesKey(), T0 - DAY);
    await store.put(otherSeries);
    await store.put(stored(newMeetingKey(), null, T0 - 2 * DAY));

    expect(await store.series(seriesKey)).toEqual([first, second, third, neverStarted]);
    expect(await store.series(otherSeries.seriesKey ?? '')).toEqual([otherSeries]);
    expect(await store.series(newSeriesKey())).toEqual([]);
    expect(await store.series('single')).toEqual([]);
  });

  it('erases one meeting and nothing else', async () => {
    const seriesKey = newSeriesKey();
    const erased = stored(newMeetingKey(), seriesKey, T0);
    const kept = stored(newMeetingKey(), seriesKey, T0 + DAY);
    await store.put(erased);
    await store.put(kept);
    expect(await store.erase(erased.meetingKey)).toBe(1);
    expect(await store.get(erased.meetingKey)).toBeNull();
    expect(await rowsOf(erased.meetingKey)).toEqual([]);
    expect(await store.series(seriesKey)).toEqual([kept]);
    expect(await store.erase(erased.meetingKey)).toBe(0);
  });

  it('purges only what has expired as the clock moves, across partitions', async () => {
    const purging = await freshStore();
    const seriesKey = newSeriesKey();
    const expiring = (expiresAt: number, series: string | null) =>
      stored(newMeetingKey(), series, T0, { expiresAt });
    const early = expiring(T0 + 10, seriesKey);
    const middle = [expiring(T0 + 20, seriesKey), expiring(T0 + 20, null)];
    const late = expiring(T0 + 30, null);
    for (const summary of [early, ...middle, late]) await purging.put(summary);

    expect(await purging.purgeExpired(T0 + 10)).toBe(0); // expiring at `now` is not yet expired
    expect(await purging.purgeExpired(T0 + 11)).toBe(1);
    expect(await purging.get(early.meetingKey)).toBeNull();
    expect(await purging.purgeExpired(T0 + 25)).toBe(2);
    expect(await purging.purgeExpired(T0 + 25)).toBe(0);
    expect(await purging.get(late.meetingKey)).toEqual(late);
    expect(await purging.purgeExpired(T0 + 31)).toBe(1);
    expect(await purging.get(late.meetingKey)).toBeNull();
  });

  it('purges more than one transaction holds from one partition', async () => {
    const purging = await freshStore();
    const seriesKey = newSeriesKey();
    for (let index = 0; index < 130; index++) {
      await purging.put(stored(newMeetingKey(), seriesKey, T0 + index, { expiresAt: T0 }));
    }
    expect(await purging.purgeExpired(T0 + 1)).toBe(130);
    expect(await purging.series(seriesKey)).toEqual([]);
  }, 30_000);

  it('rejects every call with DependencyUnavailableError once storage is gone', async () => {
    const key = newMeetingKey();
    await azurite.stop();
    for (const call of [
      () => store.put(stored(key, null, T0)),
      () => store.get(key),
      () => store.series(newSeriesKey()),
      () => store.erase(key),
      () => store.purgeExpired(T0),
      () => store.ensureTable(),
    ]) {
      await expect(call()).rejects.toBeInstanceOf(DependencyUnavailableError);
    }
  }, 30_000);
});
