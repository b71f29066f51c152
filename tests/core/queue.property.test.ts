// Properties of the queue under any sequence of commands from anyone, accepted or refused.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  type MeetingState,
  NOTE_MAX_LENGTH,
  evolveAll,
  initialMeetingState,
  kindRank,
} from '@roundtable/core';
import { PEOPLE, stepArbitrary, type Step } from './command-streams.js';
import { TestMeeting } from './support.js';

function checkInvariants(state: MeetingState, maxBypass: number): void {
  const ranks = state.queue.map((entry) => kindRank(entry.kind));
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  const keys = state.queue.map((entry) => `${entry.participantId}/${entry.kind}`);
  expect(new Set(keys).size).toBe(keys.length);
  const ids = state.queue.map((entry) => entry.entryId);
  expect(new Set(ids).size).toBe(ids.length);
  if (state.current) expect(ids).not.toContain(state.current.entryId);
  for (const entry of state.queue) {
    expect(state.participants[entry.participantId]).toBeDefined();
    expect((entry.note ?? '').length).toBeLessThanOrEqual(NOTE_MAX_LENGTH);
    expect(entry.overtakenBy).toBeLessThanOrEqual(maxBypass);
  }
  if (state.checkin)
    expect(new Set(state.checkin.answeredBy).size).toBe(state.checkin.answeredBy.length);
  if (state.phase === 'ended') expect([state.queue.length, state.current]).toEqual([0, null]);
}

function run(
  steps: Step[],
  mode: 'fifo' | 'equity' = 'fifo',
  onStep?: (m: TestMeeting) => void,
): TestMeeting {
  const m = TestMeeting.with(PEOPLE);
  if (mode !== 'fifo') m.do('olu', { type: 'setMode', mode });
  for (const step of steps) {
    m.tick(step.seconds);
    m.try(step.by, step.build(m.state));
    checkInvariants(m.state, m.state.settings.maxBypass);
    onStep?.(m);
  }
  return m;
}

describe('queue invariants', () => {
  it('hold after every step of any command sequence', () => {
    fc.assert(
      fc.property(
        fc.array(stepArbitrary({ moves: true, modes: ['fifo', 'equity', 'round'] }), {
          maxLength: 80,
        }),
        (steps) => {
          run(steps);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('airtime and turn counts equal the sum of the turns that happened', () => {
    fc.assert(
      fc.property(
        fc.array(stepArbitrary({ moves: true, modes: ['fifo', 'equity'] }), { maxLength: 80 }),
        (steps) => {
          const m = run([
            ...steps,
            { by: 'olu', seconds: 5, build: () => ({ type: 'endSession', session: 1 }) },
          ]);
          const people = Object.values(m.state.participants);
          const ended = m.events.flatMap((e) => (e.type === 'TurnEnded' ? [e.durationMs] : []));
          expect(people.reduce((sum, p) => sum + p.airtimeMs, 0)).toBe(
            ended.reduce((a, b) => a + b, 0),
          );
          expect(people.reduce((sum, p) => sum + p.turns, 0)).toBe(
            m.events.filter((e) => e.type === 'TurnStarted').length,
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('replaying the events from the start rebuilds exactly the same state', () => {
    fc.assert(
      fc.property(
        fc.array(stepArbitrary({ moves: true, modes: ['fifo', 'equity', 'round'] }), {
          maxLength: 60,
        }),
        (steps) => {
          const m = run(steps);
          expect(evolveAll(initialMeetingState(), m.events)).toEqual(m.state);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('equity mode', () => {
  it('never lets a waiting point be overtaken by more than maxBypass later points', () => {
    fc.assert(
      fc.property(
        fc.array(stepArbitrary({ moves: false, modes: ['equity'] }), { maxLength: 100 }),
        (steps) => {
          // Independent of the overtakenBy counter: watch who stands ahead of whom over time.
          const overtakers = new Map<string, Set<string>>();
          const order = (entryId: string) => Number(entryId.slice(1));
          run(steps, 'equity', (m) => {
            const points = m.state.queue.filter((entry) => entry.kind === 'point');
            points.forEach((entry, position) => {
              const ahead = points
                .slice(0, position)
                .filter((other) => order(other.entryId) > order(entry.entryId));
              const seen = overtakers.get(entry.entryId) ?? new Set<string>();
              for (const other of ahead) seen.add(other.entryId);
              overtakers.set(entry.entryId, seen);
            });
          });
          for (const seen of overtakers.values()) expect(seen.size).toBeLessThanOrEqual(3);
        },
      ),
      { numRuns: 300 },
    );
  });
});
