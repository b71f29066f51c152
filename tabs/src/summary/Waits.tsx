// How long people waited between joining the queue and starting to speak.
import { useSummaryWords } from './SummaryWords.js';
import { Section } from './Section.js';
import { StatList } from './StatList.js';
import { useSummaryStyles } from './styles.js';

interface WaitsProps {
  readonly medianS: number | null;
  readonly p90S: number | null;
}

export function Waits({ medianS, p90S }: WaitsProps) {
  const styles = useSummaryStyles();
  const words = useSummaryWords();
  const { t } = words;
  return (
    <Section title={t('waits.title')}>
      {medianS === null || p90S === null ? (
        <p className={styles.text}>{t('waits.none')}</p>
      ) : (
        <StatList
          stats={[
            {
              label: t('waits.typical'),
              value: words.duration(medianS, 'minute'),
              meaning: t('waits.typical.meaning'),
            },
            {
              label: t('waits.longer'),
              value: words.duration(p90S, 'minute'),
              meaning: t('waits.longer.meaning'),
            },
          ]}
        />
      )}
    </Section>
  );
}
