// TableMeetingStore while Azurite is down, and after it comes back with the data it kept on disk.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { initialMeetingState } from '@roundtable/core';
import { DependencyUnavailableError } from '../../api/src/application/errors.js';
import {
  type TableMeetingStore,
  tableMeetingStoreFromConnectionString,
} from '../../api/src/adapters/storage/table-meeting-store.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { arrive, arrived, commitOf, newMeetingKey, ok } from '../support/meeting-commits.js';

describe('TableMeetingStore when Azurite stops and restarts', () => {
  let folder: string;
  let azurite: Azurite;
  let store: TableMeetingStore;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'roundtable-azurite-'));
    azurite = await startAzurite({ location: folder });
    store = tableMeetingStoreFromConnectionString(azurite.connectionString, 'meetingsoutage');
    await store.ensureTable();
  }, 30_000);
  afterAll(async () => {
    await azurite.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('rejects every call with DependencyUnavailableError within seconds while stopped', async () => {
    const key = newMeetingKey();
    const stored = await store.commit(commitOf(key, null, initialMeetingState()));
    await azurite.stop();
    try {
      for (const call of [
        () => store.load(key),
        () => store.commit(commitOf(key, stored, arrive(stored.state, 'p2'))),
        () => store.ping(),
        () => store.findOutcomes(key, 1, 'p1', ['c1']),
        () => store.records(key, 1),
      ]) {
        const started = Date.now();
        await expect(call()).rejects.toBeInstanceOf(DependencyUnavailableError);
        expect(Date.now() - started).toBeLessThan(3_000);
      }
    } finally {
      await azurite.restart();
    }
  }, 30_000);

  it('keeps state, outcomes and records across a restart', async () => {
    const key = newMeetingKey();
    const state = arrive(initialMeetingState(), 'p1');
    const stored = await store.commit(
      commitOf(key, null, state, { commands: [ok('p1', 'c1', 1)], records: [arrived('p1')] }),
    );
    await azurite.restart();
    await store.ping();
    expect(await store.load(key)).toEqual(stored);
    expect(await store.findOutcomes(key, 1, 'p1', ['c1'])).toEqual(
      new Map([['c1', { ok: true, version: 1 }]]),
    );
    expect(await store.records(key, 1)).toEqual([arrived('p1')]);
    // The restarted emulator takes writes on top of what it kept.
    const next = await store.commit(commitOf(key, stored, arrive(state, 'p2')));
    expect(await store.load(key)).toEqual(next);
  }, 30_000);
});
