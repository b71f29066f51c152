// Check-in results that reached k answers, and a count of those held back to keep answers anonymous.
import { labelsFor, type InclusionSummary } from '@roundtable/core';
import { Subtitle2 } from '@fluentui/react-components';
import { DataTable } from './DataTable.js';
import { count, oneDecimal, percent, promptText } from './format.js';
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
  return (
    <Section title="Check-ins">
      {checkins.length === 0 && withheld === 0 && (
        <p className={styles.text}>No check-ins were run in this meeting.</p>
      )}
      {checkins.map((checkin, index) => (
        <CheckinResult key={index} checkin={checkin} />
      ))}
      {withheld > 0 && (
        <p className={styles.muted}>
          {count(withheld, 'check-in is', 'check-ins are')} not shown because fewer than {k} people
          answered. That keeps every answer anonymous.
        </p>
      )}
    </Section>
  );
}

function CheckinResult({ checkin }: { checkin: ShownCheckin }) {
  const styles = useSummaryStyles();
  const { aggregate } = checkin;
  const text = promptText(checkin.promptId);
  const answers: [string, number][] =
    aggregate.scale === 'word'
      ? aggregate.words.map(({ word, count: people }) => [word, people])
      : aggregate.histogram.map((people, index) => [scaleAnswer(checkin, index + 1), people]);
  const share = (people: number) => percent(aggregate.n === 0 ? 0 : people / aggregate.n);
  return (
    <div className={styles.section}>
      <Subtitle2 as="h3" className={styles.heading}>
        {text}
      </Subtitle2>
      <p className={styles.muted}>
        {count(aggregate.n, 'answer', 'answers')}
        {aggregate.scale === 'word' ? '' : `, average ${oneDecimal(aggregate.mean)} out of 5`}
      </p>
      <DataTable
        label={text}
        headers={[aggregate.scale === 'word' ? 'Word' : 'Answer', 'People']}
        rows={answers.map(([answer, people]) => [answer, `${people} (${share(people)})`])}
      />
    </div>
  );
}

/** "1 · Disagree", "3", "5 · Agree": the ends carry the prompt's own words. */
function scaleAnswer(checkin: ShownCheckin, value: number): string {
  const labels = labelsFor(checkin.promptId, checkin.scale);
  if (labels !== null && value === 1) return `1 · ${labels.low}`;
  if (labels !== null && value === 5) return `5 · ${labels.high}`;
  return String(value);
}
