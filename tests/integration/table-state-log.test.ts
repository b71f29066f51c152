// A large meeting's state in a base row and a log row per commit (decision 011), on Azurite: what
// each commit writes, how the log folds, what the log never holds, and what the ending deletes.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { TableClient } from '@azure/data-tables';
import { evolveAll, initialMeetingState, type MeetingEvent } from '@roundtable/core';
import { StoreConflictError } from '../../api/src/application/errors.js';
import type { StoredMeeting } from '../../api/src/application/ports.js';
import {
  tableMeetingStoreFromConnectionString,
  type TableMeetingStore,
} from '../../api/src/adapters/storage/table-meeting-store.js';
import { MAX_LOG_ROWS } from '../../api/src/adapters/storage/table-state-log.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import {
  arrival,
  commitOf,
  crowdedMeetingState,
  endingOf,
  newMeetingKey,
  ok,
  T0,
} from '../support/meeting-commits.js';

const TABLE = 'statelogtest';

describe('a large meeting in base and log rows, on Azurite', () => {
  let azurite: Azurite;
  let store: TableMeetingStore;
  let table: TableClient;

  beforeAll(async () => {
    azurite = await startAzurite();
    store = tableMeetingStoreFromConnectionString(azurite.connectionString, TABLE);
    await store.ensureTable();
    table = TableClient.fromConnectionString(azurite.connectionString, TABLE, {
      allowInsecureConnection: true,
    });
  }, 30_000);
  afterAll(() => azurite.stop());

  /** Every row of the meeting with its text: plain properties and decompressed chunks. */
  async function rows(meetingKey: string): Promise<{ rowKey: string; text: string }[]> {
    const found: { rowKey: string; text: string }[] = [];
    const filter = `PartitionKey eq '${meetingKey}'`;
    for await (const entity of table.listEntities({ queryOptions: { filter } })) {
      const plain = Object.entries(entity).filter(([, value]) => !(value instanceof Uint8Array));
      const chunked = new Map<string, Uint8Array[]>();
      for (const [name, value] of Object.entries(entity).sort(([a], [b]) =>
        a.localeCompare(b, 'en', { numeric: true }),
      )) {
        if (!(value instanceof Uint8Array)) continue;
        const prefix = name.replace(/\d+$/, '');
        chunked.set(prefix, [...(chunked.get(prefix) ?? []), value]);
      }
      const unpacked = [...chunked.values()].map((pieces) =>
        gunzipSync(Buffer.concat(pieces)).toString('utf8'),
      );
      found.push({ rowKey: entity.rowKey ?? '', text: JSON.stringify(plain) + unpacked.join('') });
    }
    return found;
  }
  const rowKeys = async (meetingKey: string) => (await rows(meetingKey)).map((row) => row.rowKey);

  /** A commit of these events on top of `expected`, as the decider makes one. */
  const commitEvents = (meetingKey: string, expected: StoredMeeting, events: MeetingEvent[]) =>
    commitOf(meetingKey, expected, evolveAll(expected.state, events), { events });

  /** A crowded meeting of `people`, stored. */
  async function crowded(people: number) {
    const meetingKey = newMeetingKey();
    const stored = await store.commit(commitOf(meetingKey, null, crowdedMeetingState(people)));
    return { meetingKey, stored };
  }

  const arrivals = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => arrival(`late-${from + i}`, `Late ${from + i}`));

  it('writes one log row per commit instead of the whole state, and loads the same state back', async () => {
    const { meetingKey, stored } = await crowded(1000);
    let current = stored;
    for (let i = 0; i < 3; i++) {
      current = await store.commit(commitEvents(meetingKey, current, arrivals(i, 1)));
    }
    expect(await rowKeys(meetingKey)).toEqual([
      'state',
      'state-base',
      'state-log-00',
      'state-log-01',
      'state-log-02',
    ]);
    const state = rowsOf(await rows(meetingKey));
    expect(state.get('state-log-01')?.length).toBeLessThan(1_000);
    expect(state.get('state-base')?.length).toBeGreaterThan(100_000);
    expect(await store.load(meetingKey)).toEqual(current);
    // Another instance, which has never seen the meeting, reads the same.
    const other = tableMeetingStoreFromConnectionString(azurite.connectionString, TABLE);
    expect(await other.load(meetingKey)).toEqual(current);
  });

  it(`folds the log into the base before it reaches ${MAX_LOG_ROWS + 1} rows`, async () => {
    const { meetingKey, stored } = await crowded(1000);
    let current = stored;
    for (let i = 0; i < MAX_LOG_ROWS + 6; i++) {
      current = await store.commit(commitEvents(meetingKey, current, arrivals(i, 1)));
    }
    const keys = await rowKeys(meetingKey);
    expect(keys.filter((key) => key.startsWith('state-log-'))).toHaveLength(MAX_LOG_ROWS);
    const stateRow = await table.getEntity(meetingKey, 'state');
    expect(stateRow).toMatchObject({ layout: 'log', generation: 2, logLength: 5 });
    expect(await store.load(meetingKey)).toEqual(current);
  }, 60_000);

  it('folds a log as large as its base at once', async () => {
    const { meetingKey, stored } = await crowded(30);
    const base = (await table.getEntity(meetingKey, 'state')).baseBytes;
    // Random names compress as badly as real ones can: this one commit's log outweighs the base.
    const noisy = Array.from({ length: 200 }, (_, i) =>
      arrival(`noisy-${i}`, randomBytes(48).toString('base64url')),
    );
    const current = await store.commit(commitEvents(meetingKey, stored, noisy));
    expect(await table.getEntity(meetingKey, 'state')).toMatchObject({ logLength: 0 });
    expect((await table.getEntity(meetingKey, 'state')).baseBytes).toBeGreaterThan(Number(base));
    expect(await store.load(meetingKey)).toEqual(current);
  });

  it('never logs a check-in answer or whether an invitation was taken; the tally stays in the state row', async () => {
    const { meetingKey, stored } = await crowded(300);
    const [first, second] = Object.keys(stored.state.participants);
    const checkinId = 'c1';
    const events: MeetingEvent[][] = [
      [
        {
          type: 'CheckinOpened',
          at: T0,
          checkinId,
          promptId: null,
          text: 'One word?',
          scale: 'word',
        },
      ],
      [
        {
          type: 'CheckinAnswered',
          at: T0,
          checkinId,
          participantId: first ?? '',
          value: 'zebracorn',
        },
      ],
      [{ type: 'CheckinAnswered', at: T0, checkinId, participantId: second ?? '', value: 'okapi' }],
      [{ type: 'InviteSent', at: T0, participantId: second ?? '' }],
      [{ type: 'InviteAnswered', at: T0, participantId: second ?? '', accepted: false }],
    ];
    let current = stored;
    for (const batch of events)
      current = await store.commit(commitEvents(meetingKey, current, batch));
    const found = await rows(meetingKey);
    expect(found.map((row) => row.rowKey)).toEqual([
      'state',
      'state-base',
      ...events.map((_, i) => `state-log-0${i}`),
    ]);
    for (const { rowKey, text } of found.filter((row) => row.rowKey !== 'state')) {
      for (const secret of ['zebracorn', 'okapi', '"accepted"', '"value"']) {
        expect({ rowKey, secret, kept: text.includes(secret) }).toEqual({
          rowKey,
          secret,
          kept: false,
        });
      }
    }
    expect(found.find((row) => row.rowKey === 'state')?.text).toContain('zebracorn');
    const loaded = await store.load(meetingKey);
    expect(loaded).toEqual(current);
    expect(loaded?.state.checkin?.tally).toEqual({
      kind: 'words',
      counts: { zebracorn: 1, okapi: 1 },
    });
  });

  it('deletes the base and every log row, of every fold, with the commit that ends the session', async () => {
    const { meetingKey, stored } = await crowded(1000);
    let current = stored;
    for (let i = 0; i < MAX_LOG_ROWS + 3; i++) {
      current = await store.commit(commitEvents(meetingKey, current, arrivals(i, 1)));
    }
    expect(await rowKeys(meetingKey)).toHaveLength(2 + MAX_LOG_ROWS);
    const ended = await store.commit(endingOf(meetingKey, current, T0 + 60_000));
    expect(await rowKeys(meetingKey)).toEqual([
      'rec-0000000001-0000000069',
      'ses-0000000001',
      'state',
    ]);
    expect(await store.load(meetingKey)).toEqual(ended);
    const names = (await rows(meetingKey)).map((row) => row.text).join('\n');
    expect(names).not.toContain('Late 1');
  }, 60_000);

  it('goes back to the state row alone when the state is small again', async () => {
    const { meetingKey, stored } = await crowded(1000);
    const small = await store.commit(
      commitOf(meetingKey, stored, initialMeetingState(), { commands: [ok('p1', 'c1', 2)] }),
    );
    expect(await rowKeys(meetingKey)).toEqual(['cmd-0000000001-p1-c1', 'state']);
    expect(await store.load(meetingKey)).toEqual(small);
  });

  it('reads where the state is when it did not write it, and refuses an ETag that moved on', async () => {
    const { meetingKey, stored } = await crowded(1000);
    const other = tableMeetingStoreFromConnectionString(azurite.connectionString, TABLE);
    const next = await other.commit(commitEvents(meetingKey, stored, arrivals(0, 1)));
    expect(await store.load(meetingKey)).toEqual(next);
    const fresh = tableMeetingStoreFromConnectionString(azurite.connectionString, TABLE);
    const stale = commitEvents(meetingKey, stored, arrivals(5, 1));
    await expect(fresh.commit(stale)).rejects.toBeInstanceOf(StoreConflictError);
    expect(await store.load(meetingKey)).toEqual(next);
  });
});

/** Stored text of each row, by row key. */
function rowsOf(found: readonly { rowKey: string; text: string }[]): Map<string, string> {
  return new Map(found.map((row) => [row.rowKey, row.text]));
}
