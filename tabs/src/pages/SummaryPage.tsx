// The inclusion summary page (meeting chat and details tabs): loads one summary and shows it.
// The entry that renders it owns the page landmark (<main>); this is its content.
import { Button, Spinner, Title1 } from '@fluentui/react-components';
import { Section } from '../summary/Section.js';
import type { SummarySource } from '../summary/source.js';
import { useSummaryStyles } from '../summary/styles.js';
import { SummaryReport } from '../summary/SummaryReport.js';
import { useSummary } from '../summary/use-summary.js';

export type { SummarySource, SummaryState } from '../summary/source.js';

export interface SummaryPageProps {
  readonly source: SummarySource;
  /** How often to ask again while the summary is still to come (tests shorten it). */
  readonly pollMs?: number;
}

export function SummaryPage({ source, pollMs }: SummaryPageProps) {
  const styles = useSummaryStyles();
  const state = useSummary(source, pollMs);
  return (
    <div className={styles.page}>
      <Title1 as="h1" className={styles.heading}>
        Inclusion summary
      </Title1>
      {state.kind === 'loading' && <Spinner label="Loading the summary…" />}
      {state.kind === 'waiting' && (
        <div role="status">
          <Section title="The summary comes after the session">
            <p className={styles.text}>{state.message}</p>
            <p className={styles.text}>This page shows it by itself as soon as it is ready.</p>
          </Section>
        </div>
      )}
      {state.kind === 'unavailable' && (
        <div role="status">
          <Section title="There is no summary to show">
            <p className={styles.text}>{state.message}</p>
          </Section>
        </div>
      )}
      {state.kind === 'error' && (
        <div role="alert">
          <Section title="The summary did not load">
            <p className={styles.text}>{state.message}</p>
            <p className={styles.text}>Roundtable tries again by itself in a moment.</p>
            <div className={styles.actions}>
              <Button appearance="primary" onClick={state.retry}>
                Retry
              </Button>
            </div>
          </Section>
        </div>
      )}
      {state.kind === 'ready' && (
        <SummaryReport summary={state.summary} series={state.series} k={state.k} />
      )}
    </div>
  );
}
