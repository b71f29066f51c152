// Summary and replay speed of the domain core, in this process, on a 500-person 8-hour meeting.
import { isDeepStrictEqual } from 'node:util';
import { evolveAll, initialMeetingState, recordsOf, summarize } from '@roundtable/core';
import { buildBigMeeting, play } from './big-meeting.js';
import type { Section } from './report.js';
import { median, now, round } from './stats.js';

function time(work: () => unknown): number {
  const started = now();
  work();
  return now() - started;
}

/** Times `work` `runs` times after `warmups` unmeasured runs. */
function repeat(work: () => unknown, runs: number, warmups = 3): number[] {
  for (let i = 0; i < warmups; i++) work();
  return Array.from({ length: runs }, () => time(work));
}

export function summaryBench(options: { runs: number }): Section {
  const built = now();
  const meeting = buildBigMeeting();
  const buildMs = now() - built;
  const records = recordsOf(meeting.events);
  const stored = JSON.stringify(records);

  const summaryRuns = repeat(() => summarize(records, { k: 3 }), options.runs);
  const parseRuns = repeat(() => JSON.parse(stored) as unknown, options.runs);
  const summary = summarize(records, { k: 3 });

  const replayRuns = repeat(() => evolveAll(initialMeetingState(), meeting.events), 5, 1);
  const replayed = evolveAll(initialMeetingState(), meeting.events);
  const decideRuns = repeat(() => play(meeting.steps), 3, 1);
  const perSecond = (ms: number) => meeting.events.length / (ms / 1000);

  if (!isDeepStrictEqual(replayed, meeting.final)) {
    throw new Error('Replaying the events did not rebuild the meeting: the figure would be void.');
  }
  if (summary.participants !== 500) {
    throw new Error(`The summary counted ${summary.participants} participants, not 500.`);
  }
  return {
    name: 'Summary and replay (core, in process)',
    figures: [
      {
        id: 'summary.ms',
        label: `Summary of a 500-person 8-hour meeting (${(records.length / 1000).toFixed(1)}k records)`,
        unit: 'ms',
        value: median(summaryRuns),
        target: { op: '<=', value: 100 },
        baseline: { value: median(parseRuns), label: 'JSON.parse of the same records' },
        runs: summaryRuns.map((ms) => round(ms, 2)),
      },
      {
        id: 'replay.eventsPerSecond',
        label: `Replay (evolve) of its ${(meeting.events.length / 1000).toFixed(1)}k events`,
        unit: 'events/s',
        value: perSecond(median(replayRuns)),
        target: null,
        baseline: { value: perSecond(median(decideRuns)), label: 'decide + evolve, live path' },
        runs: replayRuns.map((ms) => Math.round(perSecond(ms))),
      },
    ],
    details: {
      people: 500,
      hours: 8,
      commands: meeting.steps.length,
      refusedCommands: meeting.refused,
      events: meeting.events.length,
      records: records.length,
      recordsJsonBytes: stored.length,
      buildMs: round(buildMs, 0),
      summary: {
        participants: summary.participants,
        speakers: summary.speakers,
        turns: summary.turns,
        appreciations: summary.appreciations,
        checkins: summary.checkins.length,
        airtimeGini: summary.airtimeGini,
      },
      summaryRunsMs: summaryRuns.map((ms) => round(ms, 2)),
      jsonParseRunsMs: parseRuns.map((ms) => round(ms, 2)),
      replayRunsMs: replayRuns.map((ms) => round(ms, 1)),
      decideAndEvolveRunsMs: decideRuns.map((ms) => round(ms, 1)),
    },
  };
}
