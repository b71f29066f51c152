// The one table of background work. The Functions host (index.ts) registers it as a queue trigger
// and timers; the local host (host/start-local.ts) runs the same jobs with its own worker and timers.
import type { EndJob } from './application/ending-ports.js';
import type { MeasuresJob } from './application/measures-ports.js';
import type { Services } from './services.js';

export interface TimerJob {
  readonly name: string;
  /** NCRONTAB, as the Functions host reads it. */
  readonly schedule: string;
  /** The same period, for the local host's timers. */
  readonly everyMs: number;
  readonly run: (services: Services, now: number) => Promise<unknown>;
}

export const TIMER_JOBS: readonly TimerJob[] = [
  {
    name: 'idle-meetings',
    schedule: '0 */15 * * * *',
    everyMs: 15 * 60_000,
    run: (s, now) => s.housekeeping.endSessions(now),
  },
  {
    name: 'retention',
    schedule: '0 30 3 * * *',
    everyMs: 24 * 60 * 60_000,
    run: (s, now) => s.housekeeping.purgeExpired(now),
  },
];

/** The queue-triggered job: the ending of one session. */
export const END_JOB = {
  name: 'meeting-ends',
  run: (s: Services, job: EndJob) => s.ender.run(job),
} as const;

/** The queue-triggered look at what Teams recorded about a session (none when measures are off). */
export const MEASURES_JOB = {
  name: 'meeting-measures',
  run: async (s: Services, job: MeasuresJob) => {
    await s.measures?.run(job);
  },
} as const;
