// Who had the airtime: a lazily loaded chart, always with a sentence and a table that say the same.
import { Component, Suspense, lazy, useState, type ReactNode } from 'react';
import { Spinner } from '@fluentui/react-components';
import { useVisuallyHiddenStyles } from '../components/styles.js';
import { airtimeBars, airtimeCaption, airtimeUnit, inUnit } from './airtime.js';
import { DataTable } from './DataTable.js';
import { percent } from './format.js';
import { Section } from './Section.js';
import { useSummaryStyles } from './styles.js';

const AirtimeChart = lazy(() => import('./AirtimeChart.js'));

export function AirtimeSection({ distributionMs }: { distributionMs: readonly number[] }) {
  const styles = useSummaryStyles();
  const hidden = useVisuallyHiddenStyles();
  const [chartFailed, setChartFailed] = useState(false);
  const bars = airtimeBars(distributionMs);
  const unit = airtimeUnit(bars);
  const anyoneSpoke = bars.some((bar) => bar.ms > 0);
  return (
    <Section title="Who had the airtime">
      <p className={styles.text}>{airtimeCaption(bars)}</p>
      {anyoneSpoke && !chartFailed && (
        <div className={styles.chart}>
          <ChartBoundary
            onError={() => {
              setChartFailed(true);
            }}
          >
            <Suspense fallback={<Spinner size="small" label="Loading the chart…" />}>
              <AirtimeChart bars={bars} />
            </Suspense>
          </ChartBoundary>
        </div>
      )}
      {anyoneSpoke && (
        <DataTable
          label="Airtime per person, most first"
          headers={[
            'Person',
            unit.name === 'seconds' ? 'Seconds speaking' : 'Minutes speaking',
            'Share of airtime',
          ]}
          rows={bars.map((bar) => [
            bar.label,
            inUnit(bar.ms, unit).toFixed(unit.decimals),
            percent(bar.share),
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
