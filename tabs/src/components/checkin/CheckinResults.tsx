// What a check-in shows once you answered: a wait for enough answers, or the group's aggregate —
// a histogram as a real table (bars with their numbers) or the list of words.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ParticipantView } from '@roundtable/core';
import { useSectionStyles } from '../styles.js';

type OpenCheckin = NonNullable<ParticipantView['checkin']>;
type Aggregate = NonNullable<OpenCheckin['aggregate']>;

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%' },
  caption: { textAlign: 'start', paddingBottom: tokens.spacingVerticalXS },
  label: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    paddingRight: tokens.spacingHorizontalS,
    whiteSpace: 'nowrap',
  },
  barCell: { width: '100%' },
  barRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  bar: {
    height: tokens.spacingVerticalM,
    minWidth: tokens.strokeWidthThick,
    backgroundColor: tokens.colorBrandBackground,
    borderRadius: tokens.borderRadiusSmall,
    transitionProperty: 'width',
    transitionDuration: tokens.durationNormal,
    '@media (prefers-reduced-motion: reduce)': { transitionDuration: '0.01ms' },
    '@media (forced-colors: active)': { forcedColorAdjust: 'none', backgroundColor: 'CanvasText' },
  },
});

function scaleRowLabel(value: number, labels: OpenCheckin['labels']): string {
  if (labels !== null && value === 1) return `1 · ${labels.low}`;
  if (labels !== null && value === 5) return `5 · ${labels.high}`;
  return String(value);
}

export function CheckinResults({ checkin }: { checkin: OpenCheckin }) {
  const section = useSectionStyles();
  const { aggregate, answered, threshold } = checkin;
  if (aggregate === null) {
    return (
      <p className={section.hint}>
        Results appear after {threshold} answers ({answered} so far).
      </p>
    );
  }
  return (
    <>
      {aggregate.scale === 'word' ? (
        <WordList aggregate={aggregate} />
      ) : (
        <Histogram aggregate={aggregate} labels={checkin.labels} />
      )}
      {answered > aggregate.n ? (
        <p className={section.hint}>
          {`Results update in groups of ${threshold}, so no single answer can be worked out (${answered} answers so far).`}
        </p>
      ) : null}
    </>
  );
}

function WordList({ aggregate }: { aggregate: Extract<Aggregate, { scale: 'word' }> }) {
  const section = useSectionStyles();
  return (
    <>
      <p className={section.subheading}>What people said ({aggregate.n} answers)</p>
      <ul className={section.list}>
        {aggregate.words.map(({ word, count }) => (
          <li key={word}>
            {word} <span className={section.hint}>× {count}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

interface HistogramProps {
  readonly aggregate: Extract<Aggregate, { scale: 'likert5' | 'energy5' }>;
  readonly labels: OpenCheckin['labels'];
}

function Histogram({ aggregate, labels }: HistogramProps) {
  const styles = useStyles();
  const largest = Math.max(1, ...aggregate.histogram);
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>
        {aggregate.n} answers, average {aggregate.mean.toFixed(1)}
      </caption>
      <thead>
        <tr>
          <th scope="col" className={styles.label}>
            Answer
          </th>
          <th scope="col" className={styles.label}>
            People
          </th>
        </tr>
      </thead>
      <tbody>
        {aggregate.histogram.map((count, index) => (
          <tr key={index}>
            <th scope="row" className={styles.label}>
              {scaleRowLabel(index + 1, labels)}
            </th>
            <td className={styles.barCell}>
              <span className={styles.barRow}>
                <span
                  aria-hidden
                  className={styles.bar}
                  style={{ width: `${(count / largest) * 80}%` }}
                />
                <span>{count}</span>
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
