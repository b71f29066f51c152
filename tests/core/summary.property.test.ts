import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  type CheckinAggregate,
  ENTRY_KINDS,
  QUEUE_MODES,
  type CheckinScale,
  type ParticipationRecord,
  accumulate,
  accumulateAll,
  emptyAccumulator,
  type SummaryAccumulator,
  finishSummary,
  summarize,
} from '@roundtable/core';

// Pseudonyms include names an object prototype already has, which a plain record could trip on.
const person = fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5', 'p6', '__proto__', 'constructor');
const entryId = fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8');
const kind = fc.constantFrom(...ENTRY_KINDS);
const origin = fc.constantFrom('joined' as const, 'invite' as const, 'round' as const);

const aggregate: fc.Arbitrary<CheckinAggregate | null> = fc.oneof(
  fc.constant(null),
  fc.array(fc.nat(3), { minLength: 5, maxLength: 5 }).map((histogram) => {
    const n = histogram.reduce((total, count) => total + count, 0);
    const points = histogram.reduce((total, count, i) => total + count * (i + 1), 0);
    return { scale: 'likert5' as const, n, histogram, mean: n === 0 ? 0 : points / n };
  }),
  fc
    .array(fc.record({ word: fc.constantFrom('calm', 'tired'), count: fc.nat(4) }))
    .map((words) => ({ scale: 'word' as const, n: words.reduce((t, w) => t + w.count, 0), words })),
);

/** What happens at one moment; a turn becomes a start and an end record. */
type Step =
  | Exclude<ParticipationRecord, { type: 'turnStarted' | 'turnEnded' }>
  | { type: 'turn'; at: number; participantId: string; waitMs: number; durationMs: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ type: fc.constant('arrived'), at: fc.constant(0), participantId: person }),
  fc.record({ type: fc.constant('entryJoined'), at: fc.constant(0), entryId, kind, origin }),
  fc.record({
    type: fc.constant('entryLeft'),
    at: fc.constant(0),
    entryId,
    reason: fc.constantFrom('withdrawn' as const, 'removed' as const, 'notReached' as const),
  }),
  fc.record({
    type: fc.constant('turn'),
    at: fc.constant(0),
    participantId: person,
    waitMs: fc.nat(20 * 60_000),
    durationMs: fc.nat(10 * 60_000),
  }),
  fc.record({
    type: fc.constant('modeChanged'),
    at: fc.constant(0),
    mode: fc.constantFrom(...QUEUE_MODES),
  }),
  fc.record({ type: fc.constant('inviteSent'), at: fc.constant(0) }),
  fc.record({ type: fc.constant('inviteAnswered'), at: fc.constant(0), accepted: fc.boolean() }),
  fc.record({ type: fc.constant('appreciated'), at: fc.constant(0) }),
  fc
    .record({
      type: fc.constant('checkinClosed'),
      at: fc.constant(0),
      promptId: fc.constantFrom(null, 'felt-heard', 'energy', 'arrival-word'),
      aggregate,
    })
    .map((closed) => {
      const scale: CheckinScale = closed.aggregate?.scale ?? 'round';
      return { ...closed, scale };
    }),
  fc.record({ type: fc.constant('sessionEnded'), at: fc.constant(0) }),
);

const recordStream: fc.Arbitrary<ParticipationRecord[]> = fc
  .tuple(fc.nat(2e12), fc.array(fc.tuple(fc.nat(10 * 60_000), step), { maxLength: 80 }))
  .map(([start, steps]) => {
    let at = start;
    return steps.flatMap(([gap, happened], index): ParticipationRecord[] => {
      at += gap;
      if (happened.type !== 'turn') return [{ ...happened, at }];
      const { participantId, waitMs, durationMs } = happened;
      const turnId = `t${index}`;
      return [
        {
          type: 'turnStarted',
          at,
          turnId,
          entryId: `e${index}`,
          participantId,
          kind: 'point',
          origin: 'joined',
          waitMs,
        },
        { type: 'turnEnded', at: at + durationMs, turnId, participantId, durationMs },
      ];
    });
  });

/** The stream cut into pieces at arbitrary places (some pieces may be empty). */
const streamInChunks = recordStream.chain((records) =>
  fc.tuple(
    fc.constant(records),
    fc
      .array(fc.nat(records.length), { maxLength: 6 })
      .map((cuts) => [0, ...cuts.sort((a, b) => a - b), records.length])
      .map((bounds) => bounds.slice(1).map((end, i) => records.slice(bounds[i], end))),
  ),
);

const k = fc.integer({ min: 3, max: 7 });

/** What the API does between commands: store the accumulator as JSON and read it back. */
const throughStorage = (accumulator: SummaryAccumulator): SummaryAccumulator =>
  JSON.parse(JSON.stringify(accumulator)) as SummaryAccumulator;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('the summary fold', () => {
  it('gives the same result in one pass as in stored-and-resumed chunks', () => {
    fc.assert(
      fc.property(streamInChunks, k, ([records, chunks], groupSize) => {
        const onePass = accumulateAll(emptyAccumulator(), records);
        const resumed = chunks.reduce(
          (accumulator, chunk) => accumulateAll(throughStorage(accumulator), chunk),
          emptyAccumulator(),
        );
        expect(throughStorage(resumed)).toEqual(throughStorage(onePass));
        const options = { k: groupSize };
        expect(finishSummary(throughStorage(resumed), options)).toEqual(
          summarize(records, options),
        );
      }),
    );
  });

  it('gives the same result one record at a time as in one batch', () => {
    fc.assert(
      fc.property(recordStream, (records) => {
        const oneAtATime = records.reduce(accumulate, emptyAccumulator());
        expect(throughStorage(oneAtATime)).toEqual(
          throughStorage(accumulateAll(emptyAccumulator(), records)),
        );
      }),
    );
  });

  it('never changes the accumulator it was given', () => {
    fc.assert(
      fc.property(streamInChunks, ([, chunks]) => {
        let accumulator = emptyAccumulator();
        for (const chunk of chunks) {
          const before = JSON.stringify(accumulator);
          // Frozen: any write to the input would throw, since modules run in strict mode.
          const next = accumulateAll(deepFreeze(accumulator), chunk);
          expect(JSON.stringify(accumulator)).toBe(before);
          accumulator = next;
        }
      }),
    );
  });
});

describe('the inclusion summary', () => {
  it('stays internally consistent and within bounds', () => {
    fc.assert(
      fc.property(recordStream, k, (records, groupSize) => {
        const summary = summarize(records, { k: groupSize });
        expect(summary.speakers).toBeLessThanOrEqual(summary.participants);
        expect(summary.protected).toBe(summary.participants < groupSize);
        const firstTurns = summary.firstTimeSpeakers.reduce((total, b) => total + b.count, 0);
        expect(firstTurns).toBe(summary.speakers);
        expect(summary.suggestions.length).toBeGreaterThanOrEqual(1);
        expect(summary.suggestions.length).toBeLessThanOrEqual(4);
        expect(new Set(summary.modesUsed).size).toBe(summary.modesUsed.length);
        expect(summary.modesUsed[0]).toBe('fifo');
        const closedWithAggregate = records.filter(
          (record) => record.type === 'checkinClosed' && record.aggregate !== null,
        ).length;
        expect(summary.checkins.length + summary.checkinsWithheld).toBe(closedWithAggregate);
        for (const shown of summary.checkins)
          expect(shown.aggregate.n).toBeGreaterThanOrEqual(groupSize);
        if (summary.protected) {
          expect(summary.checkins).toEqual([]);
          expect(summary.airtimeDistributionMs).toBeNull();
          expect(summary.airtimeGini).toBeNull();
          expect(summary.waitP90S).toBeNull();
        } else {
          const distribution = summary.airtimeDistributionMs ?? [];
          expect(distribution).toHaveLength(summary.participants);
          expect(distribution.reduce((total, ms) => total + ms, 0)).toBe(summary.airtimeTotalMs);
          expect(distribution).toEqual([...distribution].sort((a, b) => b - a));
          expect(summary.spokeShare).toBe(summary.speakers / summary.participants);
        }
        if (summary.balance !== null) {
          expect(summary.balance).toBeGreaterThan(0);
          expect(summary.balance).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
