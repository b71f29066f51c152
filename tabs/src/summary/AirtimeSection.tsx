// Who had the airtime: a lazily loaded chart, always with a sentence and a table that say the same.
import { Component, Suspense, lazy, useState, type ReactNode } from 'react';
import { Spinner } from '@fluentui/react-components';
import { useVisuallyHiddenStyles } from '../components/styles.js';
import { airtimeBars, airtimeCaption, airtimeUnit, unitValue } from './airtime.js';
import { DataTable } from './DataTable.js';
import { useSummaryWords } from './SummaryWords.js';
import { Section } from './Section.js';
import { useSummaryStyles } from './styles.js';

const AirtimeChart = lazy(() => import('./AirtimeChart.js'));

export function AirtimeSection({ distributionMs }: { distributionMs: readonly number[] }) {
  const styles = useSummaryStyles();
  const hidden = useVisuallyHiddenStyles();
  const [chartFailed, setChartFailed] = useState(false);
  const words = useSummaryWords();
  const { t } = words;
  const bars = airtimeBars(distributionMs, words);
  const unit = airtimeUnit(bars);
  const anyoneSpoke = bars.some((bar) => bar.ms > 0);
  return (
    <Section title={t('airtime.title')}>
      <p className={styles.text}>{airtimeCaption(bars, words)}</p>
      {anyoneSpoke && !chartFailed && (
        <div className={styles.chart}>
          <ChartBoundary
            onError={() => {
              setChartFailed(true);
            }}
          >
            <Suspense fallback={<Spinner size="small" label={t('airtime.loadingChart')} />}>
              <AirtimeChart bars={bars} />
            </Suspense>
          </ChartBoundary>
        </div>
      )}
      {anyoneSpoke && (
        <DataTable
          label={t('airtime.tableLabel')}
          headers={[
            t('airtime.person'),
            t(unit.name === 'seconds' ? 'airtime.secondsSpeaking' : 'airtime.minutesSpeaking'),
            t('airtime.share'),
          ]}
          rows={bars.map((bar) => [
            bar.label,
            unitValue(bar.ms, unit, words),
            words.percent(bar.share),
          ])}
          // Read by screen readers next to the chart; on screen once the chart could not load.
          className={chartFailed ? undefined : hidden.hidden}
        />
      )}
    </Section>
  );
}

/** If the chart module cannot load or draw, the sentence and table above still tell the story. */
class ChartBoundary extends Component<{ children: ReactNode; onError: () => void }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch() {
    this.props.onError();
  }

  override render() {
    return this.state.failed ? null : this.props.children;
  }
}
