// A few plain tips for the host, each backed by a number from this meeting. Rules, not judgement:
// every tip says what was seen and one thing to try. Each comes as a stable id with its figures
// (`params`), which a reader's language words; `text` is the English, kept for stored summaries
// and for readers without a catalogue.
import { bestFloorMeasure } from './floor.js';
import type { InclusionSummary } from './summarize.js';

/** The figures a tip quotes, by name; `measure` is 'transcript', 'microphone' or 'queue'. */
export type SuggestionParams = Readonly<Record<string, string | number>>;

export interface Suggestion {
  id: string;
  text: string;
  /** Absent in summaries stored before tips carried their figures. */
  params?: SuggestionParams;
}

/** Everything the summary knows before suggestions are added. */
export type SummaryFacts = Omit<InclusionSummary, 'suggestions'>;

/** The facts a tip reads, with the measure they come from named. */
type Measured = SummaryFacts & { readonly measuredBy: string; readonly measure: Measure };

type Measure = 'transcript' | 'microphone' | 'queue';

interface SuggestionRule {
  readonly id: string;
  /** Rules that only count things may fire in a small, protected group; the rest stay silent. */
  readonly countsOnly: boolean;
  applies(summary: Measured): boolean;
  text(summary: Measured): string;
  params(summary: Measured): SuggestionParams;
}

export const MAX_SUGGESTIONS = 4;
const UNEVEN_AIRTIME_GINI = 0.4;
const LOW_SPOKE_SHARE = 0.5;
const LONG_WAIT_SECONDS = 300;
const LOW_FELT_HEARD = 3.5;

const rules: readonly SuggestionRule[] = [
  {
    id: 'try-equity',
    countsOnly: false,
    applies: (summary) =>
      summary.airtimeGini !== null &&
      summary.airtimeGini > UNEVEN_AIRTIME_GINI &&
      !summary.modesUsed.includes('equity'),
    text: (summary) =>
      `Speaking time (by ${summary.measuredBy}) was uneven: balance ` +
      `${percent(summary.balance ?? 0)}, where 100% means ` +
      'everyone spoke equally long. Next time, try equity mode: people who have spoken least ' +
      'go first.',
    params: (summary) => ({ measure: summary.measure, balance: summary.balance ?? 0 }),
  },
  {
    id: 'protect-queue-time',
    countsOnly: true,
    applies: (summary) => summary.queuedNotReached > 0,
    text: (summary) =>
      `${count(summary.queuedNotReached, 'queue entry was', 'queue entries were')} still ` +
      'waiting at the end: people wanted to speak and did not get to. Keep the last 10 minutes ' +
      'for the queue.',
    params: (summary) => ({ entries: summary.queuedNotReached }),
  },
  {
    id: 'open-with-round',
    countsOnly: false,
    applies: (summary) =>
      summary.participants >= 3 &&
      summary.spokeShare !== null &&
      summary.spokeShare < LOW_SPOKE_SHARE,
    text: (summary) =>
      `${summary.speakers} of ${summary.participants} people took a turn. Opening with a ` +
      'check-in round, or round mode, gives everyone an easy first moment to speak.',
    params: (summary) => ({ speakers: summary.speakers, participants: summary.participants }),
  },
  {
    id: 'invite-quieter',
    countsOnly: false,
    applies: (summary) => summary.speakers < summary.participants && summary.invitesSent === 0,
    text: (summary) =>
      `${count(summary.participants - summary.speakers, 'person', 'people')} did not take a ` +
      'turn. The private "not heard yet" list lets you invite someone quietly — they can ' +
      'always decline.',
    params: (summary) => ({ silent: summary.participants - summary.speakers }),
  },
  {
    id: 'set-timebox',
    countsOnly: false,
    applies: (summary) => summary.waitP90S !== null && summary.waitP90S > LONG_WAIT_SECONDS,
    text: (summary) =>
      'Some people waited over five minutes for their turn (one in ten waited ' +
      `${Math.floor((summary.waitP90S ?? 0) / 60)} minutes or longer). A gentle speaking ` +
      'timebox keeps the queue moving.',
    params: (summary) => ({ minutes: Math.floor((summary.waitP90S ?? 0) / 60) }),
  },
  {
    id: 'felt-heard-low',
    countsOnly: false,
    applies: (summary) => summary.feltHeard !== null && summary.feltHeard.mean < LOW_FELT_HEARD,
    text: (summary) =>
      `"Did you feel heard?" averaged ${(summary.feltHeard?.mean ?? 0).toFixed(1)} out of 5. A ` +
      'closing round, or more time for replies, can help everyone feel heard.',
    params: (summary) => ({ mean: summary.feltHeard?.mean ?? 0 }),
  },
];

const keepGoing: Suggestion = {
  id: 'keep-going',
  text: 'Nothing here needs changing. Thank you for making room for everyone — keep going.',
  params: {},
};

export function suggestionsFor(summary: SummaryFacts): Suggestion[] {
  const facts = byBestMeasure(summary);
  const fired = rules
    .filter((rule) => (rule.countsOnly || !facts.protected) && rule.applies(facts))
    .slice(0, MAX_SUGGESTIONS)
    .map((rule) => ({ id: rule.id, text: rule.text(facts), params: rule.params(facts) }));
  return fired.length > 0 ? fired : [{ ...keepGoing }];
}

/**
 * Who spoke and how evenly, by the most direct measure the summary has: Teams' transcript, then
 * microphone time, then the queue's own turns. The tips say which one they read.
 */
function byBestMeasure(summary: SummaryFacts): Measured {
  const best = bestFloorMeasure(summary.floor);
  if (best === null) return { ...summary, measuredBy: 'queue turns', measure: 'queue' };
  return {
    ...summary,
    measuredBy: best.source === 'transcript' ? "Teams' transcript" : 'microphone time',
    measure: best.source === 'transcript' ? 'transcript' : 'microphone',
    participants: best.attendees,
    speakers: best.speakers,
    spokeShare: best.spokeShare,
    balance: best.balance,
    airtimeGini: best.balance === null ? null : 1 - best.balance,
  };
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
