// The four numbers an organiser looks at first, each with one line saying what it means.
import type { InclusionSummary } from '@roundtable/core';
import { oneDecimal } from './format.js';
import { useSummaryWords } from './SummaryWords.js';
import type { SummaryWords } from './summary-words.js';
import { Section } from './Section.js';
import { StatList, type Stat } from './StatList.js';
import { useSummaryStyles } from './styles.js';

export function HeadlineNumbers({ summary }: { summary: InclusionSummary }) {
  const styles = useSummaryStyles();
  const words = useSummaryWords();
  const { t } = words;
  return (
    <Section title={t('glance.title')}>
      <StatList stats={headlineStats(words, summary)} />
      <p className={styles.muted}>{t('glance.queueNote')}</p>
      <p className={styles.muted}>
        {summary.counted === 'meeting'
          ? t('glance.countedMeeting', { opened: summary.openedRoundtable })
          : t('glance.countedPanel')}{' '}
        {t('glance.whoCannot')}
      </p>
    </Section>
  );
}

function headlineStats(words: SummaryWords, summary: InclusionSummary): Stat[] {
  const { t } = words;
  const silent = summary.participants - summary.speakers;
  const stats: Stat[] = [
    {
      label: t('glance.whoSpoke'),
      value: t('glance.whoSpoke.value', {
        speakers: summary.speakers,
        participants: summary.participants,
      }),
      meaning:
        silent === 0
          ? t('glance.everyoneTurn', { turns: summary.turns })
          : t('glance.silent', { silent, turns: summary.turns }),
    },
  ];
  if (summary.balance !== null) {
    stats.push({
      label: t('glance.balance'),
      value: words.percent(summary.balance),
      meaning: t('glance.balance.meaning'),
    });
  }
  stats.push({
    label: t('glance.notReached'),
    value: words.number(summary.queuedNotReached),
    meaning:
      summary.queuedNotReached === 0 ? t('glance.notReached.none') : t('glance.notReached.some'),
  });
  if (!summary.protected) {
    stats.push(
      summary.feltHeard === null
        ? {
            label: t('glance.feltHeard'),
            value: t('glance.noResult'),
            meaning: t('glance.feltHeard.none'),
          }
        : {
            label: t('glance.feltHeard'),
            value: t('glance.feltHeard.value', { mean: oneDecimal(words, summary.feltHeard.mean) }),
            meaning: t('glance.feltHeard.meaning', { n: summary.feltHeard.n }),
          },
    );
  }
  return stats;
}
