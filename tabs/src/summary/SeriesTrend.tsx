// The same headline numbers for each meeting of a recurring series, oldest first.
import type { InclusionSummary } from '@roundtable/core';
import { DataTable } from './DataTable.js';
import { meetingDate, oneDecimal } from './format.js';
import { useSummaryWords } from './SummaryWords.js';
import { Section } from './Section.js';
import { useSummaryStyles } from './styles.js';

export function SeriesTrend({ series }: { series: readonly InclusionSummary[] }) {
  const styles = useSummaryStyles();
  const words = useSummaryWords();
  const { t } = words;
  const meetings = [...series].sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0));
  return (
    <Section title={t('series.title')}>
      {meetings.length === 0 ? (
        <p className={styles.text}>{t('series.none')}</p>
      ) : (
        <DataTable
          label={t('series.label')}
          headers={[
            t('series.meeting'),
            t('series.people'),
            t('series.spoke'),
            t('series.balance'),
            t('series.feltHeard'),
          ]}
          rows={meetings.map((meeting) => [
            meetingDate(words, meeting.startedAt),
            words.number(meeting.participants),
            meeting.spokeShare === null ? t('series.noOne') : words.percent(meeting.spokeShare),
            meeting.balance === null ? t('series.small') : words.percent(meeting.balance),
            meeting.feltHeard === null
              ? t('glance.noResult')
              : t('series.feltHeard.value', {
                  mean: oneDecimal(words, meeting.feltHeard.mean),
                  n: meeting.feltHeard.n,
                }),
          ])}
        />
      )}
    </Section>
  );
}
