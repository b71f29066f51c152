// The airtime bar chart, in its own module so the charts package loads only on the summary page.
import { VerticalBarChart, type VerticalBarChartDataPoint } from '@fluentui/react-charts';
import { makeStyles, tokens } from '@fluentui/react-components';
import { airtimeUnit, formatInUnit, inUnit, type AirtimeBar } from './airtime.js';
import { percent } from './format.js';

export interface AirtimeChartProps {
  readonly bars: readonly AirtimeBar[];
}

const useChartStyles = makeStyles({
  chart: {
    // The chart paints bars with a fill attribute, which forced colours leave alone.
    '@media (forced-colors: active)': { '& rect[role="option"]': { fill: 'CanvasText' } },
  },
});

export default function AirtimeChart({ bars }: AirtimeChartProps) {
  const styles = useChartStyles();
  const unit = airtimeUnit(bars);
  const data: VerticalBarChartDataPoint[] = bars.map((bar, index) => ({
    x: String(index + 1),
    y: inUnit(bar.ms, unit),
    yAxisCalloutData: `${formatInUnit(bar.ms, unit)} (${percent(bar.share)})`,
    callOutAccessibilityData: {
      ariaLabel: `${bar.label}: ${inUnit(bar.ms, unit).toFixed(unit.decimals)} ${unit.name}, ${percent(bar.share)} of airtime`,
    },
  }));
  return (
    <div className={styles.chart}>
      <VerticalBarChart
        data={data}
        chartTitle="Airtime per person, most first"
        xAxisTitle="People, most airtime first"
        yAxisTitle={unit.name === 'seconds' ? 'Seconds' : 'Minutes'}
        height={260}
        barWidth="auto"
        maxBarWidth={48}
        hideLegend
        useSingleColor
        colors={[tokens.colorBrandBackground]}
      />
    </div>
  );
}
