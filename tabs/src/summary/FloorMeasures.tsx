// Who held the floor by what Teams recorded, beside the queue's own figures: each measure named,
// never blended into the queue's, and every measure that was wanted but missing said with why.
import type { FloorMeasure, FloorSource, InclusionSummary, MeasureGap } from '@roundtable/core';
import { useSummaryWords } from './SummaryWords.js';
import type { SummaryWords } from './summary-words.js';
import type { SummaryKey } from '../i18n/messages/summary/en.js';
import { isLocalMode } from '../teams/page-mode.js';
import { Section } from './Section.js';
import { StatList, type Stat } from './StatList.js';
import { useSummaryStyles } from './styles.js';

const SOURCE_NAMES: Readonly<Record<FloorSource, SummaryKey>> = {
  transcript: 'floor.source.transcript',
  microphone: 'floor.source.microphone',
};

const GAP_REASONS: Readonly<Record<MeasureGap, SummaryKey>> = {
  'not-ready': 'floor.gap.not-ready',
  'not-permitted': 'floor.gap.not-permitted',
  'transcripts-off': 'floor.gap.transcripts-off',
  'speaker-attribution-off': 'floor.gap.speaker-attribution-off',
  'not-billed': 'floor.gap.not-billed',
  'no-data': 'floor.gap.no-data',
};

function statsOf(words: SummaryWords, measure: FloorMeasure): Stat[] {
  const { t } = words;
  const stats: Stat[] = [
    {
      label: t('glance.whoSpoke'),
      value: t('floor.whoSpoke.value', {
        speakers: measure.speakers,
        attendees: measure.attendees,
      }),
      meaning: t('floor.whoSpoke.meaning', { total: words.duration(measure.totalS, 'minute') }),
    },
  ];
  if (measure.balance !== null)
    stats.push({
      label: t('floor.balance'),
      value: words.percent(measure.balance),
      meaning: t('floor.balance.meaning'),
    });
  if (measure.largestShare !== null)
    stats.push({
      label: t('floor.largest'),
      value: words.percent(measure.largestShare),
      meaning: t('floor.largest.meaning'),
    });
  return stats;
}

export function FloorMeasures({ summary }: { summary: InclusionSummary }) {
  const styles = useSummaryStyles();
  const words = useSummaryWords();
  const { t } = words;
  const { floor, floorGaps: gaps } = summary;
  if (floor.length === 0 && gaps.length === 0) return null;
  return (
    <Section title={t('floor.title')}>
      {isLocalMode() && <p className={styles.notice}>{t('floor.simulated')}</p>}
      <p className={styles.muted}>{t('floor.note')}</p>
      {floor.map((measure) => (
        <div key={measure.source}>
          <h3>{t(SOURCE_NAMES[measure.source])}</h3>
          <StatList stats={statsOf(words, measure)} />
        </div>
      ))}
      {gaps.map((gap) => (
        <p key={gap.source} className={styles.muted}>
          {t('floor.unavailable', {
            source: t(SOURCE_NAMES[gap.source]),
            reason: t(GAP_REASONS[gap.gap]),
          })}
        </p>
      ))}
    </Section>
  );
}
