// The airtime bar chart, in its own module so the charts package loads only on the summary page.
import { VerticalBarChart, type VerticalBarChartDataPoint } from '@fluentui/react-charts';
import { makeStyles, tokens } from '@fluentui/react-components';
import { airtimeUnit, formatInUnit, inUnit, unitValue, type AirtimeBar } from './airtime.js';
import { useSummaryWords } from './SummaryWords.js';

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
  const words = useSummaryWords();
  const { t } = words;
  const unit = airtimeUnit(bars);
  const data: VerticalBarChartDataPoint[] = bars.map((bar, index) => ({
    x: words.number(index + 1),
    y: inUnit(bar.ms, unit),
    yAxisCalloutData: `${formatInUnit(bar.ms, unit, words)} (${words.percent(bar.share)})`,
    callOutAccessibilityData: {
      ariaLabel: t('airtime.barLabel', {
        person: bar.label,
        value: unitValue(bar.ms, unit, words),
        unit: unit.name,
        share: words.percent(bar.share),
      }),
    },
  }));
  return (
    <div className={styles.chart}>
      <VerticalBarChart
        data={data}
        chartTitle={t('airtime.tableLabel')}
        xAxisTitle={t('airtime.xAxis')}
        yAxisTitle={t(unit.name === 'seconds' ? 'airtime.yAxis.seconds' : 'airtime.yAxis.minutes')}
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
