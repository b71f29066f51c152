// The summary of a whole meeting equals the one built command by command, and agrees with the
// live state the same events produced.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  type SummaryAccumulator,
  accumulateAll,
  emptyAccumulator,
  finishSummary,
  recordsOf,
  summarize,
} from '@roundtable/core';
import { PEOPLE, stepArbitrary } from './command-streams.js';
import { TestMeeting } from './support.js';

const options = { k: 3 };

describe('summary of a replayed meeting', () => {
  it('built incrementally (stored and resumed after every command) equals the summary of the whole record', () => {
    fc.assert(
      fc.property(
        fc.array(stepArbitrary({ moves: true, modes: ['fifo', 'equity', 'round'] }), {
          maxLength: 80,
        }),
        (steps) => {
          const m = TestMeeting.with(PEOPLE);
          let stored = JSON.stringify(accumulateAll(emptyAccumulator(), recordsOf(m.events)));
          for (const step of steps) {
            m.tick(step.seconds);
            const decision = m.try(step.by, step.build(m.state));
            if (!decision.ok) continue;
            const resumed = JSON.parse(stored) as SummaryAccumulator;
            stored = JSON.stringify(accumulateAll(resumed, recordsOf(decision.events)));
          }
          const ending = m.try('system', { type: 'endSession', session: 1 });
          const records = recordsOf(ending.ok ? ending.events : []);
          const incremental = accumulateAll(JSON.parse(stored) as SummaryAccumulator, records);
          expect(finishSummary(incremental, options)).toEqual(
            summarize(recordsOf(m.events), options),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('agrees with the live state on people, turns, airtime and entries not reached', () => {
    fc.assert(
      fc.property(
        fc.array(stepArbitrary({ moves: true, modes: ['fifo', 'equity', 'round'] }), {
          maxLength: 80,
        }),
        (steps) => {
          const m = TestMeeting.with(PEOPLE);
          for (const step of steps) {
            m.tick(step.seconds);
            m.try(step.by, step.build(m.state));
          }
          const waitingByChoice = m.state.queue.filter((entry) => entry.origin !== 'round').length;
          m.try('system', { type: 'endSession', session: 1 });
          const summary = summarize(recordsOf(m.events), options);
          const people = Object.values(m.state.participants);
          expect(summary.participants).toBe(people.length);
          expect(summary.speakers).toBe(people.filter((p) => p.turns > 0).length);
          expect(summary.turns).toBe(people.reduce((total, p) => total + p.turns, 0));
          expect(summary.airtimeTotalMs).toBe(people.reduce((total, p) => total + p.airtimeMs, 0));
          expect(summary.queuedNotReached).toBe(waitingByChoice);
        },
      ),
      { numRuns: 200 },
    );
  });
});
