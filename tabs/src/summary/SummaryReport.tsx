// A ready summary, top to bottom: what happened, what it means, what to try, and the raw numbers.
import { DEFAULT_K, type InclusionSummary } from '@roundtable/core';
import { AirtimeSection } from './AirtimeSection.js';
import { AlongTheWay } from './AlongTheWay.js';
import { CheckinAggregates } from './CheckinAggregates.js';
import { ExportButtons } from './ExportButtons.js';
import { FloorMeasures } from './FloorMeasures.js';
import { meetingDate, meetingLength, oneDecimal } from './format.js';
import { useSummaryWords } from './SummaryWords.js';
import type { SummaryWords } from './summary-words.js';
import { HeadlineNumbers } from './HeadlineNumbers.js';
import { Section } from './Section.js';
import { SeriesTrend } from './SeriesTrend.js';
import { useSummaryStyles } from './styles.js';
import { Waits } from './Waits.js';

interface SummaryReportProps {
  readonly summary: InclusionSummary;
  readonly series: readonly InclusionSummary[] | null;
  readonly k?: number | undefined;
}

export function SummaryReport({ summary, series, k = DEFAULT_K }: SummaryReportProps) {
  const styles = useSummaryStyles();
  const words = useSummaryWords();
  const { t } = words;
  if (summary.participants === 0) {
    return <p className={styles.notice}>{t('report.nobody')}</p>;
  }
  return (
    <>
      <p className={styles.muted}>
        {t('report.when', {
          date: meetingDate(words, summary.startedAt),
          length: meetingLength(words, summary.durationMs),
        })}
      </p>
      {summary.protected && <p className={styles.notice}>{t('report.protected', { k })}</p>}
      <HeadlineNumbers summary={summary} />
      <FloorMeasures summary={summary} />
      {summary.airtimeDistributionMs !== null && (
        <AirtimeSection distributionMs={summary.airtimeDistributionMs} />
      )}
      {!summary.protected && <Waits medianS={summary.waitMedianS} p90S={summary.waitP90S} />}
      {!summary.protected && (
        <CheckinAggregates checkins={summary.checkins} withheld={summary.checkinsWithheld} k={k} />
      )}
      <Section title={t('report.ideas')}>
        <ul className={styles.list}>
          {summary.suggestions.map((suggestion) => (
            <li key={suggestion.id}>{suggestionText(words, suggestion)}</li>
          ))}
        </ul>
      </Section>
      <AlongTheWay summary={summary} />
      {series !== null && <SeriesTrend series={series} />}
      <ExportButtons summary={summary} />
    </>
  );
}

/**
 * A tip in the reader's words, from its id and figures; the stored English where the summary
 * predates the figures or the catalogue does not know the tip.
 */
function suggestionText(words: SummaryWords, suggestion: InclusionSummary['suggestions'][number]) {
  const key = `tip.${suggestion.id}`;
  const { params } = suggestion;
  if (params === undefined || !words.has(key)) return suggestion.text;
  const balance = params.balance;
  const mean = params.mean;
  return words.say({
    key,
    english: suggestion.text,
    values: {
      ...params,
      ...(typeof balance === 'number' ? { balance: words.percent(balance) } : {}),
      ...(typeof mean === 'number' ? { mean: oneDecimal(words, mean) } : {}),
    },
  });
}
