// Given / when / then specs for the inclusion summary, with values worked out by hand.
import { describe, expect, it } from '@jest/globals';
import {
  type ParticipationRecord,
  accumulate,
  emptyAccumulator,
  summarize,
} from '@roundtable/core';
import {
  SECOND,
  MINUTE,
  k3,
  arrived,
  turn,
  likert,
  joined,
  everyoneArrives,
} from './summary-support.js';

describe('summary of airtime', () => {
  // Given four people, of whom a spoke 60 s, b 30 s, c 10 s and d not at all.
  const records = [
    ...everyoneArrives('a', 'b', 'c', 'd'),
    ...turn('a', 1 * MINUTE, 60 * SECOND),
    ...turn('b', 3 * MINUTE, 30 * SECOND),
    ...turn('c', 5 * MINUTE, 10 * SECOND),
  ];

  it('counts silent participants as 0 in the Gini and the distribution', () => {
    const summary = summarize(records, k3);
    // Ascending 0, 10, 30, 60: G = 2·(0 + 2·10 + 3·30 + 4·60) / (4·100) − 5/4 = 1.75 − 1.25.
    expect(summary.airtimeGini).toBeCloseTo(0.5, 12);
    expect(summary.balance).toBeCloseTo(0.5, 12);
    // Turn counts ascending 0, 1, 1, 1: G = 2·(2 + 3 + 4) / (4·3) − 5/4 = 1.5 − 1.25.
    expect(summary.turnsGini).toBeCloseTo(0.25, 12);
    expect(summary.largestAirtimeShare).toBeCloseTo(60 / 100, 12);
    expect(summary.airtimeDistributionMs).toEqual([60_000, 30_000, 10_000, 0]);
    expect(summary.airtimeTotalMs).toBe(100_000);
    expect(summary.airtimeSource).toBe('queue-turns');
  });

  it('counts participants, speakers and turns', () => {
    const summary = summarize([...records, ...turn('a', 8 * MINUTE, 5 * SECOND)], k3);
    expect(summary.participants).toBe(4);
    expect(summary.speakers).toBe(3);
    expect(summary.spokeShare).toBe(3 / 4);
    expect(summary.turns).toBe(4);
  });

  it('treats someone who took a turn without arriving as present', () => {
    const summary = summarize([...records, ...turn('e', 9 * MINUTE, 20 * SECOND)], k3);
    expect(summary.participants).toBe(5);
    expect(summary.speakers).toBe(4);
    expect(summary.airtimeDistributionMs).toEqual([60_000, 30_000, 20_000, 10_000, 0]);
  });
});

describe('summary of waiting', () => {
  it('gives the median and nearest-rank p90 of waits in seconds', () => {
    // Given five turns that waited 10, 20, 30, 40 and 200 s.
    const waits = [40, 10, 200, 30, 20];
    const records = [
      ...everyoneArrives('a', 'b', 'c'),
      ...waits.flatMap((wait, i) => turn('a', i * MINUTE, SECOND, wait * SECOND)),
    ];
    const summary = summarize(records, k3);
    // Sorted 10, 20, 30, 40, 200: the median is the third; p90 has rank ⌈0.9·5⌉ = 5.
    expect(summary.waitMedianS).toBe(30);
    expect(summary.waitP90S).toBe(200);
  });

  it('averages the middle pair for an even count of waits', () => {
    const records = [
      ...everyoneArrives('a', 'b', 'c'),
      ...[10, 20, 30, 40].flatMap((wait, i) => turn('b', i * MINUTE, SECOND, wait * SECOND)),
    ];
    const summary = summarize(records, k3);
    // (20 + 30) / 2 = 25; p90 has rank ⌈0.9·4⌉ = 4, the 40 s wait.
    expect(summary.waitMedianS).toBe(25);
    expect(summary.waitP90S).toBe(40);
  });

  it('has no wait figures when nobody took a turn', () => {
    const summary = summarize(everyoneArrives('a', 'b', 'c'), k3);
    expect(summary.waitMedianS).toBeNull();
    expect(summary.waitP90S).toBeNull();
    expect(summary.airtimeGini).toBeNull();
    expect(summary.largestAirtimeShare).toBeNull();
  });
});

describe('queued but not reached', () => {
  it('counts only entries people chose, not places a round gave them', () => {
    const left = (entryId: string, reason: 'notReached' | 'withdrawn'): ParticipationRecord => ({
      type: 'entryLeft',
      at: 10 * MINUTE,
      entryId,
      reason,
    });
    // Given a joined, an invited and a round entry never reached, one withdrawn, one unknown.
    const records = [
      ...everyoneArrives('a', 'b', 'c'),
      joined('e1', 'joined'),
      joined('e2', 'invite'),
      joined('e3', 'round'),
      joined('e4', 'joined'),
      left('e1', 'notReached'),
      left('e2', 'notReached'),
      left('e3', 'notReached'),
      left('e4', 'withdrawn'),
      left('e9', 'notReached'),
      left('e1', 'notReached'),
    ];
    expect(summarize(records, k3).queuedNotReached).toBe(2);
  });
});

describe('first-time speakers', () => {
  it('buckets each person’s first turn into five-minute windows since the start', () => {
    // Given a meeting that starts at 09:00 UTC on 14 Nov 2023 with everyone arriving.
    const start = 1_699_952_400_000;
    const records = [
      ...['a', 'b', 'c', 'd'].map((id) => arrived(id, start)),
      ...turn('a', start + 1 * MINUTE, SECOND),
      ...turn('b', start + 5 * MINUTE - 1, SECOND),
      ...turn('a', start + 6 * MINUTE, SECOND),
      ...turn('c', start + 6 * MINUTE + SECOND, SECOND),
      ...turn('d', start + 17 * MINUTE, SECOND),
    ];
    // a and b first spoke in [0, 5) min, c in [5, 10), d in [15, 20); a's second turn is not new.
    expect(summarize(records, k3).firstTimeSpeakers).toEqual([
      { minute: 0, count: 2 },
      { minute: 5, count: 1 },
      { minute: 15, count: 1 },
    ]);
  });
});

describe('small-group protection', () => {
  // Given two people with k = 3, an uneven airtime and a check-in three people answered.
  const records = [
    ...everyoneArrives('a', 'b'),
    ...turn('a', MINUTE, 50 * SECOND, 400 * SECOND),
    ...turn('b', 2 * MINUTE, 5 * SECOND),
    likert('safe-to-differ', [4, 5, 3]),
    { type: 'inviteSent', at: 3 * MINUTE },
  ] satisfies ParticipationRecord[];

  it('shows counts only: no distributions and no check-ins', () => {
    const summary = summarize(records, k3);
    expect(summary.protected).toBe(true);
    expect(summary).toMatchObject({ participants: 2, speakers: 2, turns: 2, invitesSent: 1 });
    expect(summary.airtimeGini).toBeNull();
    expect(summary.balance).toBeNull();
    expect(summary.turnsGini).toBeNull();
    expect(summary.largestAirtimeShare).toBeNull();
    expect(summary.airtimeDistributionMs).toBeNull();
    expect(summary.waitMedianS).toBeNull();
    expect(summary.waitP90S).toBeNull();
    expect(summary.checkins).toEqual([]);
    expect(summary.checkinsWithheld).toBe(1);
  });

  it('never lets k go below 3', () => {
    expect(summarize(records, { k: 1 }).protected).toBe(true);
    expect(summarize(records, { k: Number.NaN }).protected).toBe(true);
  });

  it('is lifted once a third person arrives', () => {
    expect(summarize([...records, arrived('c')], k3).protected).toBe(false);
  });
});

describe('check-ins', () => {
  const group = everyoneArrives('a', 'b', 'c', 'd', 'e');

  it('withholds an aggregate of 2 answers and shows one of 3', () => {
    const summary = summarize(
      [...group, likert('energy', [4, 5]), likert('safe-to-differ', [2, 4, 4])],
      k3,
    );
    expect(summary.checkins).toHaveLength(1);
    expect(summary.checkins[0]?.promptId).toBe('safe-to-differ');
    expect(summary.checkins[0]?.aggregate.n).toBe(3);
    expect(summary.checkinsWithheld).toBe(1);
  });

  it('pools shown "felt heard" check-ins, weighted by their size', () => {
    const summary = summarize(
      [
        ...group,
        likert('felt-heard', [4, 4, 4]),
        likert('felt-heard', [1, 2, 3, 4]),
        likert('felt-heard', [1, 1]),
        likert('said-my-piece', [5, 5, 5]),
      ],
      k3,
    );
    // (3·4 + (1 + 2 + 3 + 4)) / 7 = 22 / 7; the two-answer check-in stays hidden.
    expect(summary.feltHeard?.n).toBe(7);
    expect(summary.feltHeard?.mean).toBeCloseTo(22 / 7, 12);
  });

  it('has no "felt heard" score when none was shown', () => {
    expect(summarize([...group, likert('felt-heard', [5, 5])], k3).feltHeard).toBeNull();
  });
});

describe('meeting facts', () => {
  it('runs from the first record to the end of the session, or else to the last record', () => {
    const start = arrived('a', 1_000);
    const end: ParticipationRecord = { type: 'sessionEnded', at: 61_000 };
    const late: ParticipationRecord = { type: 'appreciated', at: 70_000 };
    expect(summarize([start, end, late], k3)).toMatchObject({
      startedAt: 1_000,
      endedAt: 61_000,
      durationMs: 60_000,
    });
    expect(summarize([start, late], k3)).toMatchObject({ endedAt: 70_000, durationMs: 69_000 });
  });

  it('counts invitations, acceptances, thanks and modes in first-use order', () => {
    const records = [
      { type: 'modeChanged', at: 1, mode: 'round' },
      { type: 'inviteSent', at: 2 },
      { type: 'inviteSent', at: 3 },
      { type: 'inviteAnswered', at: 4, accepted: true },
      { type: 'inviteAnswered', at: 5, accepted: false },
      { type: 'modeChanged', at: 6, mode: 'equity' },
      { type: 'modeChanged', at: 7, mode: 'round' },
      { type: 'appreciated', at: 8 },
    ] satisfies ParticipationRecord[];
    expect(summarize(records, k3)).toMatchObject({
      invitesSent: 2,
      invitesAccepted: 1,
      appreciations: 1,
      modesUsed: ['fifo', 'round', 'equity'],
    });
  });

  it('summarises an empty record without dividing by zero', () => {
    const summary = summarize([], k3);
    expect(summary).toMatchObject({ startedAt: null, endedAt: null, durationMs: 0 });
    expect(summary).toMatchObject({ participants: 0, spokeShare: null, modesUsed: ['fifo'] });
  });

  it('leaves the accumulator it was given untouched', () => {
    const before = emptyAccumulator();
    const after = accumulate(before, arrived('a'));
    expect(before).toEqual(emptyAccumulator());
    expect(Object.keys(after.people)).toEqual(['a']);
  });
});
