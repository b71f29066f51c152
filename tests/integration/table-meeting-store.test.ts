// TableMeetingStore against a real Azurite: layout, concurrency, idempotency and size.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TableClient } from '@azure/data-tables';
import { domainError, initialMeetingState, type ParticipationRecord } from '@roundtable/core';
import { DuplicateCommandError, StoreConflictError } from '../../api/src/application/errors.js';
import type { CommandOutcome, StoredMeeting } from '../../api/src/application/ports.js';
import {
  TableMeetingStore,
  tableMeetingStoreFromConnectionString,
} from '../../api/src/adapters/storage/table-meeting-store.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import {
  arrive,
  arrived,
  commitOf,
  crowdedMeetingState,
  newMeetingKey,
  ok,
  T0,
} from '../support/meeting-commits.js';

const TABLE = 'meetingsstoretest';

describe('TableMeetingStore on Azurite', () => {
  let azurite: Azurite;
  let store: TableMeetingStore;
  let table: TableClient;

  beforeAll(async () => {
    azurite = await startAzurite();
    store = tableMeetingStoreFromConnectionString(azurite.connectionString, TABLE);
    await store.ensureTable();
    await store.ensureTable(); // a second start finds the table there
    table = TableClient.fromConnectionString(azurite.connectionString, TABLE, {
      allowInsecureConnection: true,
    });
  }, 30_000);
  afterAll(() => azurite.stop());

  async function rowKeys(meetingKey: string): Promise<string[]> {
    const keys: string[] = [];
    const filter = `PartitionKey eq '${meetingKey}'`;
    for await (const row of table.listEntities({ queryOptions: { filter } })) {
      keys.push(row.rowKey ?? '');
    }
    return keys;
  }

  it('creates a meeting and loads back its state, version, salt, times and etag', async () => {
    const key = newMeetingKey();
    expect(await store.load(key)).toBeNull();
    const state = arrive(initialMeetingState({ k: 4 }), 'p1', 'Zoë Ångström 王');
    const created = await store.commit(commitOf(key, null, state));
    expect(created.version).toBe(1);
    expect(created.etag).not.toBe('');
    expect(await store.load(key)).toEqual(created);

    const updated = await store.commit(commitOf(key, created, arrive(state, 'p2')));
    expect(updated.etag).not.toBe(created.etag);
    expect(await store.load(key)).toEqual(updated);
  });

  it('writes one state row, one row per command and a records row only when there are records', async () => {
    const key = newMeetingKey();
    const first = await store.commit(
      commitOf(key, null, arrive(initialMeetingState(), 'p1'), {
        commands: [ok('p1', 'c1', 1)],
        records: [arrived('p1')],
      }),
    );
    await store.commit(commitOf(key, first, first.state, { commands: [ok('p1', 'c2', 2)] }));
    expect(await rowKeys(key)).toEqual([
      'cmd-0000000001-p1-c1',
      'cmd-0000000001-p1-c2',
      'rec-0000000001-0000000001',
      'state',
    ]);
  });

  it('refuses a commit on a stale etag and writes none of it', async () => {
    const key = newMeetingKey();
    const first = await store.commit(
      commitOf(key, null, initialMeetingState(), { records: [arrived('p1')] }),
    );
    const second = await store.commit(commitOf(key, first, arrive(first.state, 'p1')));
    const stale = commitOf(key, first, arrive(first.state, 'p2'), {
      commands: [ok('p2', 'late', 2)],
      records: [arrived('p2')],
    });
    await expect(store.commit(stale)).rejects.toBeInstanceOf(StoreConflictError);
    expect(await store.load(key)).toEqual(second);
    expect(await store.findOutcomes(key, 1, 'p2', ['late'])).toEqual(new Map());
    expect(await store.records(key, 1)).toEqual([arrived('p1')]);
  });

  it('refuses to create a meeting that already exists', async () => {
    const key = newMeetingKey();
    const first = await store.commit(commitOf(key, null, initialMeetingState()));
    const again = commitOf(key, null, arrive(initialMeetingState(), 'p9'));
    await expect(store.commit(again)).rejects.toBeInstanceOf(StoreConflictError);
    expect(await store.load(key)).toEqual(first);
  });

  it('refuses a repeated command id, names it, and writes nothing of that commit', async () => {
    const key = newMeetingKey();
    const first = await store.commit(
      commitOf(key, null, initialMeetingState(), { commands: [ok('p1', 'c1', 1)] }),
    );
    const repeat = commitOf(key, first, arrive(first.state, 'p1'), {
      commands: [ok('p1', 'c2', 2), ok('p1', 'c1', 2)],
      records: [arrived('p1')],
    });
    const failure = await store.commit(repeat).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DuplicateCommandError);
    expect((failure as DuplicateCommandError).commandIds).toEqual(['c1']);
    expect(await store.load(key)).toEqual(first);
    expect([...(await store.findOutcomes(key, 1, 'p1', ['c1', 'c2'])).keys()]).toEqual(['c1']);
    expect(await store.records(key, 1)).toEqual([]);
  });

  it('finds stored outcomes, refused ones too, and ignores unknown ids and other people', async () => {
    const key = newMeetingKey();
    const refused = { ok: false, error: domainError('queue-locked') } as const;
    await store.commit(
      commitOf(key, null, initialMeetingState(), {
        commands: [
          ok('p1', 'a', 1),
          { participantId: 'p1', commandId: 'b', outcome: refused },
          ok('p2', 'c', 1),
        ],
      }),
    );
    const found = await store.findOutcomes(key, 1, 'p1', ['a', 'b', 'c', 'unknown', 'a']);
    expect(found).toEqual(
      new Map<string, CommandOutcome>([
        ['a', { ok: true, version: 1 }],
        ['b', refused],
      ]),
    );
    expect(await store.findOutcomes(newMeetingKey(), 1, 'p1', ['a'])).toEqual(new Map());
  });

  it('returns records in commit order across versions 1 to 12', async () => {
    const key = newMeetingKey();
    let stored: StoredMeeting | null = null;
    const expected: ParticipationRecord[] = [];
    for (let version = 1; version <= 12; version++) {
      const records = [
        arrived(`p${version}`, T0 + version),
        { type: 'appreciated', at: T0 + version } as const,
      ];
      expected.push(...records);
      stored = await store.commit(commitOf(key, stored, initialMeetingState(), { records }));
    }
    expect(await store.records(key, 1)).toEqual(expected);
    expect(await store.records(newMeetingKey(), 1)).toEqual([]);
  });

  it('stores a 1000-person meeting with everyone queued with a full note', async () => {
    const key = newMeetingKey();
    const state = crowdedMeetingState(1000);
    const created = await store.commit(commitOf(key, null, state));
    expect((await store.load(key))?.state).toEqual(state);
    // A state this large lives in the base row (decision 011), which spans several properties.
    const base = await table.getEntity(key, 'state-base');
    expect(base.stateChunks).toBeGreaterThan(1);
    expect((await table.getEntity(key, 'state')).stateChunks).toBeUndefined();
    // Replace, not Merge: a smaller state leaves no stale chunks or rows behind.
    await store.commit(commitOf(key, created, initialMeetingState()));
    expect((await store.load(key))?.state).toEqual(initialMeetingState());
    expect((await table.getEntity(key, 'state')).s1).toBeUndefined();
    expect(await rowKeys(key)).toEqual(['state']);
  });

  it('reads the new etag back when a transaction response does not carry it', async () => {
    const client = TableClient.fromConnectionString(azurite.connectionString, TABLE, {
      allowInsecureConnection: true,
    });
    const submit = client.submitTransaction.bind(client);
    client.submitTransaction = async (actions, options) => ({
      ...(await submit(actions, options)),
      subResponses: [],
    });
    const key = newMeetingKey();
    const created = await new TableMeetingStore(client).commit(
      commitOf(key, null, initialMeetingState()),
    );
    expect(created).toEqual(await store.load(key));
  });

  it('refuses more commands than one transaction can carry, before calling storage', async () => {
    const commands = Array.from({ length: 98 }, (_, index) => ok('p1', `c${index}`, 1));
    const commit = commitOf(newMeetingKey(), null, initialMeetingState(), { commands });
    await expect(store.commit(commit)).rejects.toThrow('at most 97 commands');
  });
});
