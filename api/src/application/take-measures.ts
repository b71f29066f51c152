// The follow-up to an ending: Graph's attendance report and transcript appear minutes after a
// meeting, so the ending job queues a look for later, and each look folds what it found into the
// stored summary as numbers (withFloorMeasures), or queues the next look. Nothing raw is kept;
// the job message holds Graph's ids for the meeting and, between looks, anonymous numbers only.
import { withFloorMeasures, type FloorSource, type MeetingSettings } from '@roundtable/core';
import type { EndJob, SummaryStore } from './ending-ports.js';
import type {
  GraphMeetingSource,
  MeasureOutcome,
  MeasuresJob,
  MeasuresQueue,
  MeetingArtefacts,
} from './measures-ports.js';
import type { MeetingStore } from './ports.js';

/**
 * When to look, in seconds after the previous look (the first after the ending): about 5 min,
 * 30 min and 2 h after the session. Reports "only [become] available when the meeting ends" and
 * usually arrive within minutes; after the last look, what is still missing stays 'not-ready'.
 */
export const MEASURE_LOOK_DELAYS_S = [5 * 60, 25 * 60, 90 * 60] as const;

export interface MeasuresDependencies {
  readonly store: Pick<MeetingStore, 'closing'>;
  readonly summaries: SummaryStore;
  readonly queue: MeasuresQueue;
  readonly artefacts: MeetingArtefacts;
  readonly meetings: GraphMeetingSource;
  readonly settings: Partial<MeetingSettings>;
  /** Local mode looks after seconds (its Graph has the artefacts at once); else MEASURE_LOOK_DELAYS_S. */
  readonly lookDelaysS?: readonly number[];
}

export type MeasuresOutcome = 'no-summary' | 'looked-again-later' | 'done';

export class MeasuresFollowUp {
  private readonly delays: readonly number[];

  constructor(private readonly deps: MeasuresDependencies) {
    this.delays = deps.lookDelaysS ?? MEASURE_LOOK_DELAYS_S;
  }

  /**
   * From the ending job, before it purges the session: queues the first look when the session has
   * a summary and Teams knows its Graph meeting. A summary that already names measures or gaps
   * has its looks queued: a retried ending queues none again (the transcript is billed per read).
   */
  async schedule(job: EndJob, session: number, transcript: boolean): Promise<void> {
    const { store, summaries, meetings, queue } = this.deps;
    if (job.meetingId === '') return;
    const closing = await store.closing(job.meetingKey, session);
    const stored = await summaries.get(job.meetingKey, session);
    if (closing === null || stored === null) return;
    if (stored.summary.floor.length > 0 || stored.summary.floorGaps.length > 0) return;
    const graph = await meetings.graphMeetingOf(job.meetingId, job.tenantId);
    // Calls and meetings whose details name no Graph meeting have nothing to look for.
    if (graph === null) return;
    const look: MeasuresJob = {
      ...graph,
      meetingKey: job.meetingKey,
      session,
      from: closing.openedAt,
      to: closing.endedAt,
      transcript,
      attempt: 1,
      settled: [],
    };
    // Queued first: a crash before the summary says "not ready" costs a second chain of looks at
    // worst, never a summary that waits for looks nobody queued.
    await queue.enqueue(look, this.delays[0] ?? MEASURE_LOOK_DELAYS_S[0]);
    await this.write(
      look,
      wanted(look).map((source) => ({ source, gap: 'not-ready' as const })),
    );
  }

  /** One look. Idempotent: it rewrites the summary's measures from what it has. */
  async run(job: MeasuresJob): Promise<MeasuresOutcome> {
    // Erased meanwhile (by the organiser, or retention): nothing to fold into, nothing to read.
    if ((await this.deps.summaries.get(job.meetingKey, job.session)) === null) return 'no-summary';
    const settledSources = new Set(job.settled.map((outcome) => outcome.source));
    const pending = wanted(job).filter((source) => !settledSources.has(source));
    const found = await this.deps.artefacts.measure(job, pending);
    const waiting = found.filter(isWaiting);
    const settled = [...job.settled, ...found.filter((outcome) => !isWaiting(outcome))];
    const stored = await this.write(job, [...settled, ...waiting]);
    const delay = this.delays[job.attempt];
    if (!stored || waiting.length === 0 || delay === undefined) return 'done';
    await this.deps.queue.enqueue({ ...job, attempt: job.attempt + 1, settled }, delay);
    return 'looked-again-later';
  }

  private async write(job: MeasuresJob, outcomes: readonly MeasureOutcome[]): Promise<boolean> {
    const stored = await this.deps.summaries.get(job.meetingKey, job.session);
    if (stored === null) return false;
    const measures = outcomes.flatMap((outcome) => ('measure' in outcome ? [outcome.measure] : []));
    const gaps = outcomes.flatMap((outcome) =>
      'gap' in outcome ? [{ source: outcome.source, gap: outcome.gap }] : [],
    );
    const summary = withFloorMeasures(stored.summary, measures, gaps, {
      k: this.deps.settings.k ?? 3,
    });
    await this.deps.summaries.put({ ...stored, summary });
    return true;
  }
}

function wanted(job: Pick<MeasuresJob, 'transcript'>): FloorSource[] {
  return job.transcript ? ['transcript', 'microphone'] : ['microphone'];
}

const isWaiting = (outcome: MeasureOutcome) => 'gap' in outcome && outcome.gap === 'not-ready';
