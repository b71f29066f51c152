// The rule-based suggestions: each fires on its evidence and stays quiet without it.
import { describe, expect, it } from '@jest/globals';
import { type ParticipationRecord, summarize } from '@roundtable/core';
import {
  SECOND,
  MINUTE,
  HOUR,
  k3,
  turn,
  likert,
  joined,
  everyoneArrives,
} from './summary-support.js';

describe('suggestions', () => {
  const idsFor = (records: ParticipationRecord[]) =>
    summarize(records, k3).suggestions.map((suggestion) => suggestion.id);
  // Four people: a spoke 60 s, b 30 s, c 10 s, d never (Gini 0.5, three of four spoke).
  const uneven = [
    ...everyoneArrives('a', 'b', 'c', 'd'),
    ...turn('a', 1 * MINUTE, 60 * SECOND),
    ...turn('b', 3 * MINUTE, 30 * SECOND),
    ...turn('c', 5 * MINUTE, 10 * SECOND),
  ];
  const equalTurns = ['a', 'b', 'c'].flatMap((id, i) => turn(id, i * MINUTE, 30 * SECOND));
  const balanced = [...everyoneArrives('a', 'b', 'c'), ...equalTurns];
  const notReached: ParticipationRecord[] = [
    joined('e1', 'joined'),
    { type: 'entryLeft', at: 9 * MINUTE, entryId: 'e1', reason: 'notReached' },
  ];
  const equityUsed: ParticipationRecord = { type: 'modeChanged', at: 0, mode: 'equity' };
  const inviteSent: ParticipationRecord = { type: 'inviteSent', at: 0 };

  it('suggests equity mode for uneven airtime, quoting the balance', () => {
    const summary = summarize([...uneven, inviteSent], k3);
    expect(summary.suggestions.map((suggestion) => suggestion.id)).toEqual(['try-equity']);
    expect(summary.suggestions[0]?.text).toContain('50%');
    // The figures come along, so a reader's language can word the tip itself.
    expect(summary.suggestions[0]?.params).toEqual({ measure: 'queue', balance: 0.5 });
    expect(idsFor([...uneven, inviteSent, equityUsed])).toEqual(['keep-going']);
  });

  it('suggests the "not heard yet" list when someone stayed silent and nobody was invited', () => {
    expect(idsFor([...uneven, equityUsed])).toEqual(['invite-quieter']);
  });

  it('suggests opening with a round when fewer than half spoke', () => {
    const oneSpeaker = [...everyoneArrives('a', 'b', 'c'), ...turn('a', MINUTE, 10 * SECOND)];
    expect(idsFor([...oneSpeaker, equityUsed, inviteSent])).toEqual(['open-with-round']);
  });

  it('suggests keeping time for the queue when people were not reached', () => {
    const summary = summarize([...balanced, ...notReached], k3);
    expect(summary.suggestions.map((suggestion) => suggestion.id)).toEqual(['protect-queue-time']);
    expect(summary.suggestions[0]?.text).toMatch(/^1 queue entry was/);
    expect(summary.suggestions[0]?.params).toEqual({ entries: 1 });
  });

  it('suggests a timebox only when p90 of waits is over five minutes', () => {
    const waited = (seconds: number) => [
      ...balanced,
      ...['a', 'b', 'c'].flatMap((id) => turn(id, 10 * MINUTE, SECOND, seconds * SECOND)),
    ];
    expect(idsFor(waited(301))).toEqual(['set-timebox']);
    expect(idsFor(waited(300))).toEqual(['keep-going']);
  });

  it('suggests a closing round when "felt heard" averages below 3.5', () => {
    expect(idsFor([...balanced, likert('felt-heard', [3, 3, 4])])).toEqual(['felt-heard-low']);
    expect(idsFor([...balanced, likert('felt-heard', [3, 4, 4])])).toEqual(['keep-going']);
  });

  it('offers a kind note, and nothing else, when nothing stands out', () => {
    expect(idsFor(balanced)).toEqual(['keep-going']);
  });

  it('gives at most four, in the order of the rules', () => {
    const oneSpeaker = [...everyoneArrives('a', 'b', 'c', 'd'), ...turn('a', MINUTE, MINUTE, HOUR)];
    const everything = [...oneSpeaker, ...notReached, likert('felt-heard', [1, 2, 3])];
    expect(idsFor(everything)).toEqual([
      'try-equity',
      'protect-queue-time',
      'open-with-round',
      'invite-quieter',
    ]);
  });

  it('lets only count-based rules speak in a protected group', () => {
    const pair = [...everyoneArrives('a', 'b'), ...turn('a', MINUTE, MINUTE, HOUR)];
    expect(idsFor(pair)).toEqual(['keep-going']);
    expect(idsFor([...pair, ...notReached])).toEqual(['protect-queue-time']);
  });
});
