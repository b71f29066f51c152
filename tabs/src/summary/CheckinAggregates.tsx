// Check-in results that reached k answers, and a count of those held back to keep answers anonymous.
import { labelsFor, type InclusionSummary } from '@roundtable/core';
import { Subtitle2 } from '@fluentui/react-components';
import { DataTable } from './DataTable.js';
import { oneDecimal, promptText } from './format.js';
import { useSummaryWords } from './SummaryWords.js';
import { useI18n } from '../i18n/I18n.js';
import { checkinWords } from '../components/wording.js';
import type { Translator } from '../i18n/translator.js';
import type { SummaryWords } from './summary-words.js';
import { Section } from './Section.js';
import { useSummaryStyles } from './styles.js';

type ShownCheckin = InclusionSummary['checkins'][number];

interface CheckinAggregatesProps {
  readonly checkins: readonly ShownCheckin[];
  readonly withheld: number;
  readonly k: number;
}

export function CheckinAggregates({ checkins, withheld, k }: CheckinAggregatesProps) {
  const styles = useSummaryStyles();
  const { t } = useSummaryWords();
  return (
    <Section title={t('checkins.title')}>
      {checkins.length === 0 && withheld === 0 && (
        <p className={styles.text}>{t('checkins.none')}</p>
      )}
      {checkins.map((checkin, index) => (
        <CheckinResult key={index} checkin={checkin} />
      ))}
      {withheld > 0 && <p className={styles.muted}>{t('checkins.withheld', { withheld, k })}</p>}
    </Section>
  );
}

function CheckinResult({ checkin }: { checkin: ShownCheckin }) {
  const styles = useSummaryStyles();
  const words = useSummaryWords();
  const i18n = useI18n();
  const { t } = words;
  const { aggregate } = checkin;
  const text = promptText(i18n, checkin.promptId);
  const answers: [string, number][] =
    aggregate.scale === 'word'
      ? aggregate.words.map(({ word, count: people }) => [word, people])
      : aggregate.histogram.map((people, index) => [
          scaleAnswer(i18n, words, checkin, index + 1),
          people,
        ]);
  const share = (people: number) => words.percent(aggregate.n === 0 ? 0 : people / aggregate.n);
  return (
    <div className={styles.section}>
      <Subtitle2 as="h3" className={styles.heading}>
        {text}
      </Subtitle2>
      <p className={styles.muted}>
        {aggregate.scale === 'word'
          ? t('checkins.answers', { n: aggregate.n })
          : t('checkins.answersAverage', {
              n: aggregate.n,
              mean: oneDecimal(words, aggregate.mean),
            })}
      </p>
      <DataTable
        label={text}
        headers={[
          t(aggregate.scale === 'word' ? 'checkins.word' : 'checkins.answer'),
          t('checkins.people'),
        ]}
        rows={answers.map(([answer, people]) => [
          answer,
          t('checkins.cell', { people, share: share(people) }),
        ])}
      />
    </div>
  );
}

/** "1 · Disagree", "3", "5 · Agree": the ends carry the prompt's own words, translated. */
function scaleAnswer(
  i18n: Translator,
  words: SummaryWords,
  checkin: ShownCheckin,
  value: number,
): string {
  const { labels } = checkinWords(i18n, {
    promptId: checkin.promptId,
    text: '',
    scale: checkin.scale,
    labels: labelsFor(checkin.promptId, checkin.scale),
  });
  const number = words.number(value);
  if (labels !== null && value === 1)
    return words.t('checkins.end', { value: number, label: labels.low });
  if (labels !== null && value === 5)
    return words.t('checkins.end', { value: number, label: labels.high });
  return number;
}
