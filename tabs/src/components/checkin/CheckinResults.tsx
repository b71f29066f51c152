// What a check-in shows once you answered: a wait for enough answers, or the group's aggregate —
// a histogram as a real table (bars with their numbers) or the list of words.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ParticipantView } from '@roundtable/core';
import { useSectionStyles } from '../styles.js';
import { useI18n } from '../../i18n/I18n.js';
import type { Translator } from '../../i18n/translator.js';

type OpenCheckin = NonNullable<ParticipantView['checkin']>;
type Aggregate = NonNullable<OpenCheckin['aggregate']>;

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%' },
  caption: { textAlign: 'start', paddingBottom: tokens.spacingVerticalXS },
  label: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    paddingInlineEnd: tokens.spacingHorizontalS,
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

function scaleRowLabel(i18n: Translator, value: number, labels: OpenCheckin['labels']): string {
  const number = i18n.number(value);
  if (labels !== null && value === 1)
    return i18n.t('checkin.rowEnd', { value: number, label: labels.low });
  if (labels !== null && value === 5)
    return i18n.t('checkin.rowEnd', { value: number, label: labels.high });
  return number;
}

export function CheckinResults({
  checkin,
  labels,
}: {
  checkin: OpenCheckin;
  /** The scale's ends in the reader's language. */
  labels: OpenCheckin['labels'];
}) {
  const section = useSectionStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const { aggregate, answered, threshold } = checkin;
  if (aggregate === null) {
    return (
      <p className={section.hint}>
        {t('checkin.waitFor', {
          threshold: i18n.number(threshold),
          answered: i18n.number(answered),
        })}
      </p>
    );
  }
  return (
    <>
      {aggregate.scale === 'word' ? (
        <WordList aggregate={aggregate} />
      ) : (
        <Histogram aggregate={aggregate} labels={labels} />
      )}
      {answered > aggregate.n ? (
        <p className={section.hint}>
          {t('checkin.groups', {
            threshold: i18n.number(threshold),
            answered: i18n.number(answered),
          })}
        </p>
      ) : null}
    </>
  );
}

function WordList({ aggregate }: { aggregate: Extract<Aggregate, { scale: 'word' }> }) {
  const section = useSectionStyles();
  const i18n = useI18n();
  return (
    <>
      <p className={section.subheading}>{i18n.t('checkin.words', { count: aggregate.n })}</p>
      <ul className={section.list}>
        {aggregate.words.map(({ word, count }) => (
          <li key={word}>
            {word} <span className={section.hint}>× {i18n.number(count)}</span>
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
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>
        {t('checkin.summary', {
          count: aggregate.n,
          mean: i18n.number(aggregate.mean, {
            minimumFractionDigits: 1,
            maximumFractionDigits: 1,
          }),
        })}
      </caption>
      <thead>
        <tr>
          <th scope="col" className={styles.label}>
            {t('checkin.columnAnswer')}
          </th>
          <th scope="col" className={styles.label}>
            {t('checkin.columnPeople')}
          </th>
        </tr>
      </thead>
      <tbody>
        {aggregate.histogram.map((count, index) => (
          <tr key={index}>
            <th scope="row" className={styles.label}>
              {scaleRowLabel(i18n, index + 1, labels)}
            </th>
            <td className={styles.barCell}>
              <span className={styles.barRow}>
                <span
                  aria-hidden
                  className={styles.bar}
                  style={{ width: `${(count / largest) * 80}%` }}
                />
                <span>{i18n.number(count)}</span>
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
