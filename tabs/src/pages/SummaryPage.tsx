// The inclusion summary page (meeting chat and details tabs): loads one summary and shows it.
// The entry that renders it owns the page landmark (<main>); this is its content.
import { Button, Spinner, Title1 } from '@fluentui/react-components';
import { Section } from '../summary/Section.js';
import type { SummarySource } from '../summary/source.js';
import { useSummaryStyles } from '../summary/styles.js';
import { SummaryReport } from '../summary/SummaryReport.js';
import { useSummary } from '../summary/use-summary.js';
import { SummaryWordsProvider, useSummaryWords } from '../summary/SummaryWords.js';
import { useI18n } from '../i18n/I18n.js';

export type { SummarySource, SummaryState } from '../summary/source.js';

export interface SummaryPageProps {
  readonly source: SummarySource;
  /** How often to ask again while the summary is still to come (tests shorten it). */
  readonly pollMs?: number;
}

export function SummaryPage(props: SummaryPageProps) {
  return (
    <SummaryWordsProvider>
      <SummaryContent {...props} />
    </SummaryWordsProvider>
  );
}

function SummaryContent({ source, pollMs }: SummaryPageProps) {
  const styles = useSummaryStyles();
  const state = useSummary(source, pollMs);
  const { t } = useSummaryWords();
  const { say } = useI18n();
  return (
    <div className={styles.page}>
      <Title1 as="h1" className={styles.heading}>
        {t('page.title')}
      </Title1>
      {state.kind === 'loading' && <Spinner label={t('page.loading')} />}
      {state.kind === 'waiting' && (
        <div role="status">
          <Section title={t('page.waiting.title')}>
            <p className={styles.text}>{say(state.message)}</p>
            <p className={styles.text}>{t('page.waiting.auto')}</p>
          </Section>
        </div>
      )}
      {state.kind === 'unavailable' && (
        <div role="status">
          <Section title={t('page.none.title')}>
            <p className={styles.text}>{say(state.message)}</p>
          </Section>
        </div>
      )}
      {state.kind === 'error' && (
        <div role="alert">
          <Section title={t('page.error.title')}>
            <p className={styles.text}>{say(state.message)}</p>
            <p className={styles.text}>{t('page.error.auto')}</p>
            <div className={styles.actions}>
              <Button appearance="primary" onClick={state.retry}>
                {t('page.retry')}
              </Button>
            </div>
          </Section>
        </div>
      )}
      {state.kind === 'ready' && (
        <SummaryReport summary={state.summary} series={state.series} k={state.k} />
      )}
    </div>
  );
}
