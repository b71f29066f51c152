// TableSummaryStore against a real Azurite: the summary store contract, and its row layout.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TableClient } from '@azure/data-tables';
import { tableSummaryStoreFromConnectionString } from '../../api/src/adapters/storage/table-summary-store.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { newMeetingKey } from '../support/meeting-commits.js';
import { stored, summaryStoreContract } from '../support/summary-store-contract.js';

let azurite: Azurite;
let tables = 0;

beforeAll(async () => {
  azurite = await startAzurite();
}, 30_000);
afterAll(() => azurite.stop());

/** A store on a table of its own: purges act on every row of a table. */
async function freshStore() {
  const name = `summariestest${++tables}`;
  const store = tableSummaryStoreFromConnectionString(azurite.connectionString, name);
  await store.ensureTable();
  await store.ensureTable(); // a second start finds the table there
  const table = TableClient.fromConnectionString(azurite.connectionString, name, {
    allowInsecureConnection: true,
  });
  return { store, table };
}

describe('TableSummaryStore rows on Azurite', () => {
  it('keeps one partition per meeting and one row per session, keyed so text order is number order', async () => {
    const { store, table } = await freshStore();
    const key = newMeetingKey();
    await store.put(stored(key, 2));
    await store.put(stored(key, 10));
    const rows: string[] = [];
    const filter = `PartitionKey eq '${key}'`;
    for await (const row of table.listEntities({ queryOptions: { filter } })) {
      rows.push(row.rowKey ?? '');
    }
    expect(rows).toEqual(['0000000002', '0000000010']);
  });
});

summaryStoreContract('TableSummaryStore on Azurite', async () => {
  const { store } = await freshStore();
  return { store, breakStorage: () => azurite.stop() };
});
