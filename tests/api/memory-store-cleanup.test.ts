// MemoryMeetingStore's cleanup behaves as the Table Storage one does: erase, purges, idle scan.
import { describe, expect, it } from '@jest/globals';
import { evolve } from '@roundtable/core';
import { MemoryMeetingStore } from '../../api/src/adapters/memory-meeting-store.js';
import {
  DependencyUnavailableError,
  StoreConflictError,
} from '../../api/src/application/errors.js';
import {
  arrive,
  arrived,
  commitOf,
  madeAt,
  meetingWithHistory,
  T0,
} from '../support/meeting-commits.js';

describe('MemoryMeetingStore cleanup', () => {
  it('erases a meeting, counting its state, outcome and record rows, and nothing else', async () => {
    const store = new MemoryMeetingStore();
    const { meetingKey, stored } = await meetingWithHistory(store);
    const other = await meetingWithHistory(store);
    // A commit without records adds no record row.
    const quiet = await store.commit(commitOf(meetingKey, stored, stored.state));

    expect(await store.erase(meetingKey)).toBe(1 + 3 + 3);
    expect(await store.load(meetingKey)).toBeNull();
    expect(await store.records(meetingKey)).toEqual([]);
    await expect(store.commit(commitOf(meetingKey, quiet, quiet.state))).rejects.toBeInstanceOf(
      StoreConflictError,
    );
    expect(await store.load(other.meetingKey)).toEqual(other.stored);
    expect(await store.erase(meetingKey)).toBe(0);
  });

  it('purges the outcomes of one meeting and keeps its state and records', async () => {
    const store = new MemoryMeetingStore();
    const { meetingKey, stored } = await meetingWithHistory(store);
    const other = await meetingWithHistory(store);

    expect(await store.purgeCommands(meetingKey)).toBe(3);
    expect(await store.findOutcomes(meetingKey, 'p1', ['c1'])).toEqual(new Map());
    expect(await store.load(meetingKey)).toEqual(stored);
    expect(await store.records(meetingKey)).toHaveLength(3);
    expect(await store.findOutcomes(other.meetingKey, 'p1', ['c1'])).toEqual(
      new Map([['c1', { ok: true, version: 1 }]]),
    );
    expect(await store.purgeCommands(meetingKey)).toBe(0);
  });

  it('purges records committed before a time in every meeting', async () => {
    const store = new MemoryMeetingStore();
    const meetings = [await meetingWithHistory(store), await meetingWithHistory(store)];

    expect(await store.purgeRecordsBefore(T0 + 1_000)).toBe(0);
    expect(await store.purgeRecordsBefore(T0 + 2_500)).toBe(4);
    for (const { meetingKey, stored } of meetings) {
      expect(await store.records(meetingKey)).toEqual([arrived('p3', T0 + 3_000)]);
      expect(await store.load(meetingKey)).toEqual(stored);
    }
    expect(await store.purgeRecordsBefore(T0 + 2_500)).toBe(0);
  });

  it('finds live meetings idle since before a time, not busy or ended ones', async () => {
    const store = new MemoryMeetingStore();
    const idle = await meetingWithHistory(store);
    const busy = await meetingWithHistory(store);
    const busyLater = commitOf(busy.meetingKey, busy.stored, arrive(busy.stored.state, 'p4'));
    await store.commit(madeAt(busyLater, T0 + 60_000));
    const ended = await meetingWithHistory(store);
    const endedState = evolve(ended.stored.state, { type: 'SessionEnded', at: T0 + 3_500 });
    await store.commit(madeAt(commitOf(ended.meetingKey, ended.stored, endedState), T0 + 3_500));

    expect(await store.idleMeetings(T0 + 3_000)).toEqual([]);
    expect(await store.idleMeetings(T0 + 30_000)).toEqual([idle.meetingKey]);
    expect((await store.idleMeetings(T0 + 90_000)).sort()).toEqual(
      [idle.meetingKey, busy.meetingKey].sort(),
    );
  });

  it('rejects every cleanup call while storage is unavailable', async () => {
    const store = new MemoryMeetingStore();
    const { meetingKey } = await meetingWithHistory(store);
    store.unavailable = true;
    for (const call of [
      () => store.erase(meetingKey),
      () => store.purgeCommands(meetingKey),
      () => store.purgeRecordsBefore(T0 + 10_000),
      () => store.idleMeetings(T0 + 10_000),
    ]) {
      await expect(call()).rejects.toBeInstanceOf(DependencyUnavailableError);
    }
    store.unavailable = false;
    expect(await store.records(meetingKey)).toHaveLength(3);
  });
});
