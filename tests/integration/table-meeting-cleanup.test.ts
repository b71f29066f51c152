// TableMeetingStore against a real Azurite: the session and cleanup contract every store keeps,
// and the row-level behaviour only Table Storage has.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TableClient } from '@azure/data-tables';
import {
  tableMeetingStoreFromConnectionString,
  type TableMeetingStoreOptions,
} from '../../api/src/adapters/storage/table-meeting-store.js';
import { TableRows } from '../../api/src/adapters/storage/table-meeting-cleanup.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { commitOf, endingOf, meetingWithHistory, ok, T0 } from '../support/meeting-commits.js';
import { meetingStoreContract } from '../support/meeting-store-contract.js';

let azurite: Azurite;
let tables = 0;

beforeAll(async () => {
  azurite = await startAzurite();
}, 30_000);
afterAll(() => azurite.stop());

/**
 * A store on a table of its own: purges and scans act on every meeting of a table. With
 * `inlineStateBytes: 0` every state lives in a base row and log rows (decision 011).
 */
async function freshStore(options: TableMeetingStoreOptions = {}) {
  const name = `cleanuptest${++tables}`;
  const store = tableMeetingStoreFromConnectionString(azurite.connectionString, name, options);
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

/** The contract's last test stops the emulator; what follows needs it again, with the same data. */
async function restartIfStopped() {
  if (azurite.pid() === null) await azurite.restart();
}

meetingStoreContract('TableMeetingStore on Azurite', async () => {
  const { store } = await freshStore();
  return { store, breakStorage: () => azurite.stop() };
});

describe('TableMeetingStore on Azurite with inlineStateBytes 0', () => {
  beforeAll(restartIfStopped, 30_000);
  meetingStoreContract('every state in base and log rows', async () => {
    const { store } = await freshStore({ inlineStateBytes: 0 });
    return { store, breakStorage: () => azurite.stop() };
  });
});

describe('TableMeetingStore rows on Azurite', () => {
  beforeAll(restartIfStopped, 30_000);

  it('keeps its rows where the layout says', async () => {
    const { store, rowKeys } = await freshStore();
    const { meetingKey, stored } = await meetingWithHistory(store);
    await store.commit(endingOf(meetingKey, stored, T0 + 4_000));
    expect(await rowKeys(meetingKey)).toEqual([
      'cmd-0000000001-p1-c1',
      'cmd-0000000001-p2-c2',
      'cmd-0000000001-p3-c3',
      'rec-0000000001-0000000001',
      'rec-0000000001-0000000002',
      'rec-0000000001-0000000003',
      'rec-0000000001-0000000004',
      'ses-0000000001',
      'state',
    ]);
  });

  it('deletes the rows still there when another cleanup removed some of them first', async () => {
    const { store, rowKeys, table } = await freshStore();
    const { meetingKey } = await meetingWithHistory(store);
    const commandRow = (n: number) => `cmd-0000000001-p${n}-c${n}`;
    await table.deleteEntity(meetingKey, commandRow(2));
    const commandRows = [1, 2, 3].map((n) => ({ partitionKey: meetingKey, rowKey: commandRow(n) }));
    expect(await new TableRows(table, 5_000).delete(commandRows)).toBe(2);
    expect(await rowKeys(meetingKey)).toEqual([
      'rec-0000000001-0000000001',
      'rec-0000000001-0000000002',
      'rec-0000000001-0000000003',
      'state',
    ]);
  });

  it('purges a session of more rows than one transaction may delete', async () => {
    const { store, rowKeys } = await freshStore();
    const { meetingKey, stored } = await meetingWithHistory(store);
    const many = (from: number, count: number) =>
      Array.from({ length: count }, (_, index) => ok('p1', `bulk${from + index}`, 4));
    const fourth = await store.commit(
      commitOf(meetingKey, stored, stored.state, { commands: many(0, 97) }),
    );
    const fifth = await store.commit(
      commitOf(meetingKey, fourth, fourth.state, { commands: many(97, 20) }),
    );
    await store.commit(endingOf(meetingKey, fifth, T0 + 9_000));
    expect(await rowKeys(meetingKey)).toHaveLength(3 + 117 + 4 + 1 + 1);
    expect(await store.purgeSession(meetingKey, 1)).toBe(3 + 117 + 4 + 1);
    expect(await rowKeys(meetingKey)).toEqual(['state']);
  }, 30_000);
});
