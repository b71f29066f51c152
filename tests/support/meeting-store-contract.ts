// What every MeetingStore must do with sessions and cleanup, run against the in-memory store (api
// tests) and the Table Storage one on Azurite (integration tests): one contract, two stores.
import { describe, expect, it } from '@jest/globals';
import { DependencyUnavailableError } from '../../api/src/application/errors.js';
import type { MeetingStore } from '../../api/src/application/ports.js';
import {
  arrival,
  arrive,
  arrived,
  commitOf,
  endingOf,
  madeAt,
  meetingWithHistory,
  openingOf,
  T0,
} from './meeting-commits.js';

export interface StoreUnderTest {
  readonly store: MeetingStore;
  /** Makes storage unreachable for the rest of the test. */
  readonly breakStorage: () => Promise<void>;
}

/** A fresh, empty store per call: purges and scans act on every meeting a store holds. */
export function meetingStoreContract(name: string, fresh: () => Promise<StoreUnderTest>): void {
  describe(`${name}: sessions and cleanup`, () => {
    it('keeps records, outcomes and the closing row per session, and purges one session only', async () => {
      const { store } = await fresh();
      const { meetingKey, stored } = await meetingWithHistory(store);
      const ended = await store.commit(endingOf(meetingKey, stored, T0 + 4_000));
      expect(ended).toMatchObject({ salt: '', organisers: [], state: { phase: 'ended' } });
      expect(await store.closing(meetingKey, 1)).toEqual({
        session: 1,
        openedAt: T0,
        endedAt: T0 + 4_000,
        organisers: ['o-organiser'],
      });
      const second = await store.commit(openingOf(meetingKey, ended, T0 + 5_000));
      const later = await store.commit(
        madeAt(
          commitOf(meetingKey, second, arrive(second.state, 'q1'), {
            events: [arrival('q1')],
            commands: [{ participantId: 'q1', commandId: 'c1', outcome: { ok: true, version: 6 } }],
            records: [arrived('q1', T0 + 6_000)],
          }),
          T0 + 6_000,
        ),
      );
      expect(later.state.session).toBe(2);
      expect(await store.records(meetingKey, 1)).toHaveLength(4);
      expect(await store.records(meetingKey, 2)).toEqual([arrived('q1', T0 + 6_000)]);
      expect(await store.findOutcomes(meetingKey, 1, 'p1', ['c1'])).toEqual(
        new Map([['c1', { ok: true, version: 1 }]]),
      );

      expect(await store.purgeSession(meetingKey, 1)).toBe(3 + 4 + 1);
      expect(await store.records(meetingKey, 1)).toEqual([]);
      expect(await store.closing(meetingKey, 1)).toBeNull();
      expect(await store.findOutcomes(meetingKey, 1, 'p1', ['c1'])).toEqual(new Map());
      expect(await store.records(meetingKey, 2)).toHaveLength(1);
      expect(await store.findOutcomes(meetingKey, 2, 'q1', ['c1'])).toEqual(
        new Map([['c1', { ok: true, version: 6 }]]),
      );
      expect(await store.load(meetingKey)).toEqual(later);
      expect(await store.purgeSession(meetingKey, 1)).toBe(0);
    });

    it('purges records committed before a time in every meeting, and nothing else', async () => {
      const { store } = await fresh();
      const meetings = [await meetingWithHistory(store), await meetingWithHistory(store)];
      expect(await store.purgeRecordsBefore(T0 + 1_000)).toBe(0); // committed at the time: kept
      expect(await store.purgeRecordsBefore(T0 + 2_500)).toBe(4);
      for (const { meetingKey, stored } of meetings) {
        expect(await store.records(meetingKey, 1)).toEqual([arrived('p3', T0 + 3_000)]);
        expect(await store.load(meetingKey)).toEqual(stored);
        expect(await store.findOutcomes(meetingKey, 1, 'p1', ['c1'])).toHaveProperty('size', 1);
      }
      expect(await store.purgeRecordsBefore(T0 + 2_500)).toBe(0);
    });

    it('finds live sessions idle since before a time, not busy or ended ones', async () => {
      const { store } = await fresh();
      const idle = await meetingWithHistory(store); // last active at T0+3s
      const busy = await meetingWithHistory(store);
      const busyLater = commitOf(busy.meetingKey, busy.stored, arrive(busy.stored.state, 'p4'), {
        events: [arrival('p4')],
      });
      await store.commit(madeAt(busyLater, T0 + 60_000));
      const ended = await meetingWithHistory(store);
      await store.commit(endingOf(ended.meetingKey, ended.stored, T0 + 3_500));

      expect(await store.idleSessions(T0 + 3_000)).toEqual([]); // active at the time: not idle
      expect(await store.idleSessions(T0 + 30_000)).toEqual([
        { meetingKey: idle.meetingKey, session: 1 },
      ]);
      const later = await store.idleSessions(T0 + 90_000);
      expect(later.map((s) => s.meetingKey).sort()).toEqual(
        [idle.meetingKey, busy.meetingKey].sort(),
      );
    });

    it('finds ended sessions whose ending never finished, until they are purged', async () => {
      const { store } = await fresh();
      const { meetingKey, stored } = await meetingWithHistory(store);
      await store.commit(endingOf(meetingKey, stored, T0 + 4_000));
      expect(await store.unfinishedSessions(T0 + 4_000)).toEqual([]);
      expect(await store.unfinishedSessions(T0 + 5_000)).toEqual([{ meetingKey, session: 1 }]);
      await store.purgeSession(meetingKey, 1);
      expect(await store.unfinishedSessions(T0 + 5_000)).toEqual([]);
    });

    it('purges whole meetings whose last session ended before a time, and only those', async () => {
      const { store } = await fresh();
      const old = await meetingWithHistory(store);
      await store.commit(endingOf(old.meetingKey, old.stored, T0 + 4_000));
      const live = await meetingWithHistory(store);
      expect(await store.purgeEndedBefore(T0 + 4_000)).toBe(0);
      expect(await store.purgeEndedBefore(T0 + 10_000)).toBe(1 + 3 + 4 + 1);
      expect(await store.load(old.meetingKey)).toBeNull();
      expect(await store.closing(old.meetingKey, 1)).toBeNull();
      expect(await store.load(live.meetingKey)).toEqual(live.stored);
    });

    it('rejects every cleanup call with DependencyUnavailableError once storage is gone', async () => {
      const { store, breakStorage } = await fresh();
      const { meetingKey } = await meetingWithHistory(store);
      await breakStorage();
      for (const call of [
        () => store.purgeSession(meetingKey, 1),
        () => store.closing(meetingKey, 1),
        () => store.purgeRecordsBefore(T0 + 10_000),
        () => store.purgeEndedBefore(T0 + 10_000),
        () => store.idleSessions(T0 + 10_000),
        () => store.unfinishedSessions(T0 + 10_000),
      ]) {
        await expect(call()).rejects.toBeInstanceOf(DependencyUnavailableError);
      }
    }, 30_000);
  });
}
