// A ready summary, top to bottom: what happened, what it means, what to try, and the raw numbers.
import { DEFAULT_K, type InclusionSummary } from '@roundtable/core';
import { AirtimeSection } from './AirtimeSection.js';
import { AlongTheWay } from './AlongTheWay.js';
import { CheckinAggregates } from './CheckinAggregates.js';
import { ExportButtons } from './ExportButtons.js';
import { FloorMeasures } from './FloorMeasures.js';
import { meetingDate, meetingLength } from './format.js';
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
  if (summary.participants === 0) {
    return (
      <p className={styles.notice}>
        No one was counted in this meeting, so there is nothing to summarise.
      </p>
    );
  }
  return (
    <>
      <p className={styles.muted}>
        {meetingDate(summary.startedAt)} · {meetingLength(summary.durationMs)}
      </p>
      {summary.protected && (
        <p className={styles.notice}>
          Fewer than {k} people took part, so only counts are shown, to protect everyone&apos;s
          privacy.
        </p>
      )}
      <HeadlineNumbers summary={summary} />
      <FloorMeasures summary={summary} />
      {summary.airtimeDistributionMs !== null && (
        <AirtimeSection distributionMs={summary.airtimeDistributionMs} />
      )}
      {!summary.protected && <Waits medianS={summary.waitMedianS} p90S={summary.waitP90S} />}
      {!summary.protected && (
        <CheckinAggregates checkins={summary.checkins} withheld={summary.checkinsWithheld} k={k} />
      )}
      <Section title="Ideas for next time">
        <ul className={styles.list}>
          {summary.suggestions.map((suggestion) => (
            <li key={suggestion.id}>{suggestion.text}</li>
          ))}
        </ul>
      </Section>
      <AlongTheWay summary={summary} />
      {series !== null && <SeriesTrend series={series} />}
      <ExportButtons summary={summary} />
    </>
  );
}
