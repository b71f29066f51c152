// What every MeetingStore must do with sessions and cleanup, run against the in-memory store (api
// tests) and the Table Storage one on Azurite (integration tests): one contract, two stores.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  DependencyUnavailableError,
  StoreConflictError,
} from '../../api/src/application/errors.js';
import type { CarriedSet, MeetingStore } from '../../api/src/application/ports.js';
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

    it('keeps what an ending carried over until the next opening takes it, in that transaction', async () => {
      const { store } = await fresh();
      const { meetingKey, stored } = await meetingWithHistory(store);
      const carry = carriedSet(stored.state.session, 3);
      const ended = await store.commit(endingOf(meetingKey, stored, T0 + 4_000, carry));
      expect(await store.carried(meetingKey)).toEqual(carry);
      expect(await store.closing(meetingKey, 1)).not.toBeNull();
      const opened = await store.commit(openingOf(meetingKey, ended, T0 + 5_000, carry));
      expect(opened.state.carried).toEqual(carry.entries);
      expect(await store.load(meetingKey)).toEqual(opened);
      expect(await store.carried(meetingKey)).toBeNull();
      // The ending job's cleanup of session 1 leaves the next session's state alone.
      expect(await store.purgeSession(meetingKey, 1)).toBe(3 + 4 + 1);
      expect(await store.load(meetingKey)).toEqual(opened);
    });

    it('refuses, as a conflict and writing nothing, an opening that takes a set gone meanwhile', async () => {
      const { store } = await fresh();
      const { meetingKey, stored } = await meetingWithHistory(store);
      const carry = carriedSet(1, 2);
      const ended = await store.commit(endingOf(meetingKey, stored, T0 + 4_000, carry));
      expect(await store.dropCarried(meetingKey)).toBe(1);
      expect(await store.dropCarried(meetingKey)).toBe(0);
      await expect(
        store.commit(openingOf(meetingKey, ended, T0 + 5_000, carry)),
      ).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store.load(meetingKey)).toEqual(ended);
      // Read again, there is nothing to take: the opening goes through without it.
      const opened = await store.commit(openingOf(meetingKey, ended, T0 + 5_000));
      expect(opened.state).toMatchObject({ session: 2, carried: [] });
    });

    it('holds the largest carried set, and an ending without one stores none', async () => {
      const { store } = await fresh();
      const big = await meetingWithHistory(store);
      // Teams' 1 000 people, each waiting with all four kinds: several 60 KiB chunks.
      const carry = carriedSet(1, 4_000);
      await store.commit(endingOf(big.meetingKey, big.stored, T0 + 4_000, carry));
      expect(await store.carried(big.meetingKey)).toEqual(carry);
      const plain = await meetingWithHistory(store);
      await store.commit(endingOf(plain.meetingKey, plain.stored, T0 + 4_000));
      expect(await store.carried(plain.meetingKey)).toBeNull();
    });

    it('purges carried sets once expired, in every meeting, and only those', async () => {
      const { store } = await fresh();
      const early = await meetingWithHistory(store);
      const late = await meetingWithHistory(store);
      const soon = { ...carriedSet(1, 1), expiresAt: T0 + 10_000 };
      const later = { ...carriedSet(1, 1), expiresAt: T0 + 20_000 };
      await store.commit(endingOf(early.meetingKey, early.stored, T0 + 4_000, soon));
      await store.commit(endingOf(late.meetingKey, late.stored, T0 + 4_000, later));
      expect(await store.purgeCarriedBefore(T0 + 10_000)).toBe(0); // expiring at the time: kept
      expect(await store.purgeCarriedBefore(T0 + 15_000)).toBe(1);
      expect(await store.carried(early.meetingKey)).toBeNull();
      expect(await store.carried(late.meetingKey)).toEqual(later);
      expect(await store.purgeEndedBefore(T0 + 10_000)).toBe(1 + 3 + 4 + 1 + (1 + 3 + 4 + 1 + 1));
      expect(await store.carried(late.meetingKey)).toBeNull();
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
        () => store.carried(meetingKey),
        () => store.purgeCarriedBefore(T0 + 10_000),
        () => store.dropCarried(meetingKey),
      ]) {
        await expect(call()).rejects.toBeInstanceOf(DependencyUnavailableError);
      }
    }, 30_000);
  });
}

/** A carried set of `count` entries from `session`, expiring 14 days after T0. */
function carriedSet(session: number, count: number): CarriedSet {
  const kinds = ['order', 'clarify', 'reply', 'point'] as const;
  return {
    session,
    expiresAt: T0 + 14 * 24 * 60 * 60 * 1000,
    entries: Array.from({ length: count }, (_, rank) => ({
      // Random keys, as HMACs are: they compress as badly as real ones.
      carryKey: `c${randomBytes(32).toString('base64url')}`,
      kind: kinds[rank % kinds.length] ?? 'point',
      rank,
    })),
  };
}
