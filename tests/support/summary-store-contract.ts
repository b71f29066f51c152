// What every SummaryStore must do, run against the in-memory store (api tests) and the Table
// Storage one on Azurite (integration tests).
import { describe, expect, it } from '@jest/globals';
import { summarize, type ParticipationRecord } from '@roundtable/core';
import type { StoredSummary, SummaryStore } from '../../api/src/application/ending-ports.js';
import { newMeetingKey, T0 } from './meeting-commits.js';

export const DAY = 24 * 60 * 60 * 1000;

/** Three people arrive at `startedAt` and one speaks. */
export function summaryStartingAt(startedAt: number) {
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

export function stored(
  meetingKey: string,
  session: number,
  { storedAt = T0 + session * 7 * DAY, expiresAt = T0 + 400 * DAY, organisers = ['o-olu'] } = {},
): StoredSummary {
  return {
    meetingKey,
    session,
    organisers,
    summary: summaryStartingAt(T0 + session * 7 * DAY),
    storedAt,
    expiresAt,
  };
}

export interface SummaryStoreUnderTest {
  readonly store: SummaryStore;
  readonly breakStorage: () => Promise<void>;
}

export function summaryStoreContract(
  name: string,
  fresh: () => Promise<SummaryStoreUnderTest>,
): void {
  describe(`${name}: the summary store contract`, () => {
    it('stores a session summary and reads it back whole, organisers included', async () => {
      const { store } = await fresh();
      const one = stored(newMeetingKey(), 1, { organisers: ['o-olu', 'o-ola'] });
      await store.put(one);
      expect(one.summary.participants).toBe(3);
      expect(await store.get(one.meetingKey, 1)).toEqual(one);
      expect(await store.get(one.meetingKey, 2)).toBeNull();
      expect(await store.get(newMeetingKey(), 1)).toBeNull();
    });

    it('replaces the summary when the same session is stored again', async () => {
      const { store } = await fresh();
      const key = newMeetingKey();
      await store.put(stored(key, 1));
      const again = stored(key, 1, { storedAt: T0 + DAY, organisers: ['o-other'] });
      await store.put(again);
      expect(await store.get(key, 1)).toEqual(again);
      expect(await store.list(key)).toEqual([again]);
    });

    it('notes when the organiser was told, and ignores a session with no summary', async () => {
      const { store } = await fresh();
      const key = newMeetingKey();
      const summary = stored(key, 1);
      await store.put(summary);
      expect((await store.get(key, 1))?.deliveredAt).toBeUndefined();
      await store.markDelivered(key, 1, T0 + 1_000);
      expect(await store.get(key, 1)).toEqual({ ...summary, deliveredAt: T0 + 1_000 });
      await expect(store.markDelivered(key, 2, T0)).resolves.toBeUndefined();
      expect(await store.get(key, 2)).toBeNull();
    });

    it('lists one meeting’s sessions oldest first, sessions 2 and 10 in number order', async () => {
      const { store } = await fresh();
      const key = newMeetingKey();
      for (const session of [10, 2, 1]) await store.put(stored(key, session));
      await store.put(stored(newMeetingKey(), 3));
      expect((await store.list(key)).map((s) => s.session)).toEqual([1, 2, 10]);
      expect(await store.list(newMeetingKey())).toEqual([]);
    });

    it('erases the named sessions of one meeting and nothing else', async () => {
      const { store } = await fresh();
      const key = newMeetingKey();
      const other = newMeetingKey();
      for (const session of [1, 2, 3]) await store.put(stored(key, session));
      await store.put(stored(other, 1));
      expect(await store.erase(key, [1, 3, 4])).toBe(2);
      expect((await store.list(key)).map((s) => s.session)).toEqual([2]);
      expect(await store.list(other)).toHaveLength(1);
      expect(await store.erase(key, [1])).toBe(0);
    });

    it('purges only what has expired as the clock moves, across meetings', async () => {
      const { store } = await fresh();
      const early = stored(newMeetingKey(), 1, { expiresAt: T0 + 10 });
      const middle = [
        stored(newMeetingKey(), 1, { expiresAt: T0 + 20 }),
        stored(newMeetingKey(), 2, { expiresAt: T0 + 20 }),
      ];
      const late = stored(newMeetingKey(), 1, { expiresAt: T0 + 30 });
      for (const summary of [early, ...middle, late]) await store.put(summary);
      expect(await store.purgeExpired(T0 + 10)).toBe(0); // expiring at `now` is not yet expired
      expect(await store.purgeExpired(T0 + 11)).toBe(1);
      expect(await store.get(early.meetingKey, 1)).toBeNull();
      expect(await store.purgeExpired(T0 + 25)).toBe(2);
      expect(await store.purgeExpired(T0 + 25)).toBe(0);
      expect(await store.get(late.meetingKey, 1)).toEqual(late);
      expect(await store.purgeExpired(T0 + 31)).toBe(1);
    });

    it('purges more than one transaction holds from one meeting', async () => {
      const { store } = await fresh();
      const key = newMeetingKey();
      for (let session = 1; session <= 130; session++) {
        await store.put(stored(key, session, { expiresAt: T0 }));
      }
      expect(await store.purgeExpired(T0 + 1)).toBe(130);
      expect(await store.list(key)).toEqual([]);
    }, 30_000);

    it('rejects every call with DependencyUnavailableError once storage is gone', async () => {
      const { store, breakStorage } = await fresh();
      const key = newMeetingKey();
      await breakStorage();
      for (const call of [
        () => store.put(stored(key, 1)),
        () => store.get(key, 1),
        () => store.list(key),
        () => store.markDelivered(key, 1, T0),
        () => store.erase(key, [1]),
        () => store.purgeExpired(T0),
      ]) {
        await expect(call()).rejects.toMatchObject({ name: 'DependencyUnavailableError' });
      }
    }, 30_000);
  });
}
