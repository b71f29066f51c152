// TableMeetingStore's cleanup against a real Azurite: erase, the purges and the idle scan.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TableClient } from '@azure/data-tables';
import { evolve } from '@roundtable/core';
import {
  DependencyUnavailableError,
  StoreConflictError,
} from '../../api/src/application/errors.js';
import { tableMeetingStoreFromConnectionString } from '../../api/src/adapters/table-meeting-store.js';
import { TableRows } from '../../api/src/adapters/table-meeting-cleanup.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import {
  arrive,
  arrived,
  commitOf,
  madeAt,
  meetingWithHistory,
  ok,
  T0,
} from '../support/meeting-commits.js';

describe('TableMeetingStore cleanup on Azurite', () => {
  let azurite: Azurite;
  let tables = 0;

  beforeAll(async () => {
    azurite = await startAzurite();
  }, 30_000);
  afterAll(() => azurite.stop());

  /** A store on a table of its own: purges and the idle scan act on every meeting of a table. */
  async function freshStore() {
    const name = `cleanuptest${++tables}`;
    const store = tableMeetingStoreFromConnectionString(azurite.connectionString, name);
    await store.ensureTable();
    const table = TableClient.fromConnectionString(azurite.connectionString, name, {
      allowInsecureConnection: true,
    });
    async function rowKeys(meetingKey: string): Promise<string[]> {
      const keys: string[] = [];
      const filter = `PartitionKey eq '${meetingKey}'`;
      for await (const row of table.listEntities({ queryOptions: { filter } })) {
        keys.push(row.rowKey ?? '');
      }
      return keys;
    }
    return { store, rowKeys, table };
  }

  it('erases every row of a meeting, however many, and leaves other meetings alone', async () => {
    const { store, rowKeys } = await freshStore();
    const { meetingKey, stored } = await meetingWithHistory(store);
    // 98 more commands, 20 more: more rows than one transaction may delete.
    const many = (from: number, count: number) =>
      Array.from({ length: count }, (_, index) => ok('p1', `bulk${from + index}`, 4));
    const fourth = await store.commit(
      commitOf(meetingKey, stored, stored.state, { commands: many(0, 98) }),
    );
    const fifth = await store.commit(
      commitOf(meetingKey, fourth, fourth.state, { commands: many(98, 20) }),
    );
    const other = await meetingWithHistory(store);
    const rowsBefore = await rowKeys(meetingKey);
    expect(rowsBefore).toHaveLength(1 + 3 + 118 + 3);

    expect(await store.erase(meetingKey)).toBe(rowsBefore.length);
    expect(await rowKeys(meetingKey)).toEqual([]);
    expect(await store.load(meetingKey)).toBeNull();
    await expect(store.commit(commitOf(meetingKey, fifth, fifth.state))).rejects.toBeInstanceOf(
      StoreConflictError,
    );
    expect(await rowKeys(other.meetingKey)).toHaveLength(7);
    expect(await store.erase(meetingKey)).toBe(0);
  }, 30_000);

  it('deletes the rows still there when another cleanup removed some of them first', async () => {
    const { store, rowKeys, table } = await freshStore();
    const { meetingKey } = await meetingWithHistory(store);
    await table.deleteEntity(meetingKey, 'cmd-p2-c2');
    const commandRows = ['cmd-p1-c1', 'cmd-p2-c2', 'cmd-p3-c3'].map((rowKey) => ({
      partitionKey: meetingKey,
      rowKey,
    }));
    expect(await new TableRows(table, 5_000).delete(commandRows)).toBe(2);
    expect(await rowKeys(meetingKey)).toEqual([
      'rec-0000000001',
      'rec-0000000002',
      'rec-0000000003',
      'state',
    ]);
  });

  it('purges only the command rows of one meeting', async () => {
    const { store, rowKeys } = await freshStore();
    const { meetingKey, stored } = await meetingWithHistory(store);
    const other = await meetingWithHistory(store);

    expect(await store.purgeCommands(meetingKey)).toBe(3);
    expect(await rowKeys(meetingKey)).toEqual([
      'rec-0000000001',
      'rec-0000000002',
      'rec-0000000003',
      'state',
    ]);
    expect(await store.findOutcomes(meetingKey, 'p1', ['c1'])).toEqual(new Map());
    expect(await store.load(meetingKey)).toEqual(stored);
    expect(await store.records(meetingKey)).toHaveLength(3);
    expect(await rowKeys(other.meetingKey)).toHaveLength(7);
    expect(await store.purgeCommands(meetingKey)).toBe(0);
  });

  it('purges record rows committed before a time, in every meeting, and nothing else', async () => {
    const { store, rowKeys } = await freshStore();
    const first = await meetingWithHistory(store);
    const second = await meetingWithHistory(store);

    expect(await store.purgeRecordsBefore(T0 + 1_000)).toBe(0); // committed at the time: kept
    expect(await store.purgeRecordsBefore(T0 + 2_500)).toBe(4);
    for (const { meetingKey, stored } of [first, second]) {
      expect(await store.records(meetingKey)).toEqual([arrived('p3', T0 + 3_000)]);
      expect(await rowKeys(meetingKey)).toEqual([
        'cmd-p1-c1',
        'cmd-p2-c2',
        'cmd-p3-c3',
        'rec-0000000003',
        'state',
      ]);
      expect(await store.load(meetingKey)).toEqual(stored);
    }
    expect(await store.purgeRecordsBefore(T0 + 2_500)).toBe(0);
  });

  it('finds live meetings idle since before a time, not busy or ended ones', async () => {
    const { store } = await freshStore();
    const idle = await meetingWithHistory(store); // last active at T0+3s
    const busy = await meetingWithHistory(store);
    const busyLater = commitOf(busy.meetingKey, busy.stored, arrive(busy.stored.state, 'p4'));
    await store.commit(madeAt(busyLater, T0 + 60_000));
    const ended = await meetingWithHistory(store);
    const endedState = evolve(ended.stored.state, { type: 'SessionEnded', at: T0 + 3_500 });
    await store.commit(madeAt(commitOf(ended.meetingKey, ended.stored, endedState), T0 + 3_500));

    expect(await store.idleMeetings(T0 + 3_000)).toEqual([]); // active at the time: not idle
    expect(await store.idleMeetings(T0 + 30_000)).toEqual([idle.meetingKey]);
    expect((await store.idleMeetings(T0 + 90_000)).sort()).toEqual(
      [idle.meetingKey, busy.meetingKey].sort(),
    );
  });

  it('rejects every cleanup call with DependencyUnavailableError once storage is gone', async () => {
    const { store } = await freshStore();
    const { meetingKey } = await meetingWithHistory(store);
    await azurite.stop();
    for (const call of [
      () => store.erase(meetingKey),
      () => store.purgeCommands(meetingKey),
      () => store.purgeRecordsBefore(T0 + 10_000),
      () => store.idleMeetings(T0 + 10_000),
    ]) {
      await expect(call()).rejects.toBeInstanceOf(DependencyUnavailableError);
    }
  }, 30_000);
});
