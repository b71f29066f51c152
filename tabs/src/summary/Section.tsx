// A titled part of the summary: a second-level heading that also names the region.
import { useId, type ReactNode } from 'react';
import { Subtitle1 } from '@fluentui/react-components';
import { useSummaryStyles } from './styles.js';

export function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useSummaryStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {title}
      </Subtitle1>
      {children}
    </section>
  );
}
