// Who held the floor by what Teams recorded, beside the queue's own figures: each measure named,
// never blended into the queue's, and every measure that was wanted but missing said with why.
import type { FloorMeasure, FloorSource, InclusionSummary, MeasureGap } from '@roundtable/core';
import { SIMULATED_MEASURES } from '../components/wording.js';
import { isLocalMode } from '../teams/page-mode.js';
import { count, duration, percent } from './format.js';
import { Section } from './Section.js';
import { StatList, type Stat } from './StatList.js';
import { useSummaryStyles } from './styles.js';

const SOURCE_NAMES: Readonly<Record<FloorSource, string>> = {
  transcript: "From Teams' transcript",
  microphone: 'From microphone time (Teams attendance report)',
};

const GAP_REASONS: Readonly<Record<MeasureGap, string>> = {
  'not-ready': 'Teams had not produced it yet when Roundtable last looked.',
  'not-permitted':
    'Roundtable is not allowed to read it here (permissions, the access policy, or a channel meeting).',
  'transcripts-off': 'Your organisation keeps transcripts out of reach of apps.',
  'speaker-attribution-off':
    'Your organisation keeps speaker names out of transcripts that apps read, so no one’s time can be told apart.',
  'not-billed':
    'Reading transcripts is billed by Microsoft, and billing is not set up for Roundtable.',
  'no-data': 'Teams recorded nothing to measure (no transcript, or no microphone events).',
};

function statsOf(measure: FloorMeasure): Stat[] {
  const stats: Stat[] = [
    {
      label: 'Who spoke',
      value: `${measure.speakers} of ${count(measure.attendees, 'person', 'people')}`,
      meaning: `${duration(measure.totalS)} of speaking in all, by everyone Teams counted as attending.`,
    },
  ];
  if (measure.balance !== null)
    stats.push({
      label: 'Balance',
      value: percent(measure.balance),
      meaning:
        '100% = everyone in the meeting spoke equally long (people who did not speak count).',
    });
  if (measure.largestShare !== null)
    stats.push({
      label: 'Largest share',
      value: percent(measure.largestShare),
      meaning: 'Of all the speaking time, the part of the one who spoke most.',
    });
  return stats;
}

export function FloorMeasures({ summary }: { summary: InclusionSummary }) {
  const styles = useSummaryStyles();
  const { floor, floorGaps: gaps } = summary;
  if (floor.length === 0 && gaps.length === 0) return null;
  return (
    <Section title="What Teams recorded">
      {isLocalMode() && <p className={styles.notice}>{SIMULATED_MEASURES}</p>}
      <p className={styles.muted}>
        These come from Teams, not the queue, so they also see people who spoke without queuing.
        Each is shown on its own; none is mixed into the queue&apos;s figures above.
      </p>
      {floor.map((measure) => (
        <div key={measure.source}>
          <h4>{SOURCE_NAMES[measure.source]}</h4>
          <StatList stats={statsOf(measure)} />
        </div>
      ))}
      {gaps.map((gap) => (
        <p key={gap.source} className={styles.muted}>
          {SOURCE_NAMES[gap.source]}: not available. {GAP_REASONS[gap.gap]}
        </p>
      ))}
    </Section>
  );
}
