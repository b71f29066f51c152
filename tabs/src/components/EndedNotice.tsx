// Shown instead of every action once the session has ended.
import { useEffect, useId, useRef } from 'react';
import { useSectionStyles } from './styles.js';
import { useRegionLabel } from './region-label.js';

export function EndedNotice() {
  const styles = useSectionStyles();
  const headingId = useId();
  const regionLabel = useRegionLabel(headingId);
  const heading = useRef<HTMLHeadingElement>(null);
  // The control that ended the session is gone; keep keyboard focus inside the panel.
  useEffect(() => {
    if (document.activeElement === null || document.activeElement === document.body) {
      heading.current?.focus();
    }
  }, []);
  return (
    <section className={styles.section} aria-labelledby={regionLabel}>
      <h2 id={headingId} ref={heading} tabIndex={-1} className={styles.heading}>
        This session has ended
      </h2>
      <p className={styles.hint}>
        Thank you for taking part. The queue and check-ins are closed, and names are no longer kept.
      </p>
    </section>
  );
}
