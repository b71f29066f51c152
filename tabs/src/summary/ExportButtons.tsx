// Download the aggregates: the summary object as JSON, or as a metric,value CSV.
import { useState } from 'react';
import type { InclusionSummary } from '@roundtable/core';
import { Button } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { downloadText } from './download.js';
import { summaryFileName, summaryToCsv, summaryToJson } from './export.js';
import { Section } from './Section.js';
import { useSummaryStyles } from './styles.js';
import { useSummaryWords } from './SummaryWords.js';

/** Lets spreadsheet apps read the CSV as UTF-8: prompt texts have dashes and accents. */
const BYTE_ORDER_MARK = '\uFEFF';

const FORMATS = [
  { extension: 'json', type: 'application/json', contents: summaryToJson },
  {
    extension: 'csv',
    type: 'text/csv;charset=utf-8',
    contents: (summary: InclusionSummary) => BYTE_ORDER_MARK + summaryToCsv(summary),
  },
] as const;

export function ExportButtons({ summary }: { summary: InclusionSummary }) {
  const styles = useSummaryStyles();
  const { t } = useSummaryWords();
  const [status, setStatus] = useState('');
  return (
    <Section title={t('export.title')}>
      <p className={styles.text}>{t('export.note')}</p>
      <div className={styles.actions}>
        {FORMATS.map(({ extension, type, contents }) => (
          <Button
            key={extension}
            icon={<ArrowDownloadRegular />}
            onClick={() => {
              const fileName = summaryFileName(summary, extension);
              setStatus(
                downloadText(fileName, contents(summary), type) ? '' : t('export.cannotSave'),
              );
            }}
          >
            {t('export.download', { format: extension.toUpperCase() })}
          </Button>
        ))}
      </div>
      <p role="status" className={styles.muted}>
        {status}
      </p>
    </Section>
  );
}
