// How long people waited between joining the queue and starting to speak.
import { duration } from './format.js';
import { Section } from './Section.js';
import { StatList } from './StatList.js';
import { useSummaryStyles } from './styles.js';

interface WaitsProps {
  readonly medianS: number | null;
  readonly p90S: number | null;
}

export function Waits({ medianS, p90S }: WaitsProps) {
  const styles = useSummaryStyles();
  return (
    <Section title="Waiting to speak">
      {medianS === null || p90S === null ? (
        <p className={styles.text}>No one took a turn from the queue, so there are no waits.</p>
      ) : (
        <StatList
          stats={[
            {
              label: 'Typical wait',
              value: duration(medianS),
              meaning: 'Half of all turns started within this time (median).',
            },
            {
              label: 'Longer waits',
              value: duration(p90S),
              meaning: 'One turn in ten waited this long or longer (90th percentile).',
            },
          ]}
        />
      )}
    </Section>
  );
}
