// Shown instead of every action once the session has ended.
import { useEffect, useId, useRef } from 'react';
import { useI18n } from '../i18n/I18n.js';
import { useSectionStyles } from './styles.js';
import { useRegionLabel } from './region-label.js';
import { focusFellOut } from './hooks/focus-fell-out.js';

export function EndedNotice() {
  const styles = useSectionStyles();
  const { t } = useI18n();
  const headingId = useId();
  const regionLabel = useRegionLabel(headingId);
  const heading = useRef<HTMLHeadingElement>(null);
  // The control that ended the session is gone, and so is the confirmation dialog if focus was in
  // it (it closes with the host tools): keep keyboard focus inside the panel. Fluent's dialog
  // hands focus back to its trigger as it goes, after this runs; with the trigger gone that lands
  // on the page, so look once more when the dialog has finished.
  useEffect(() => {
    if (!focusFellOut()) return;
    heading.current?.focus();
    const again = setTimeout(() => {
      if (focusFellOut()) heading.current?.focus();
    }, 100);
    return () => {
      clearTimeout(again);
    };
  }, []);
  return (
    <section className={styles.section} aria-labelledby={regionLabel}>
      <h2 id={headingId} ref={heading} tabIndex={-1} className={styles.heading}>
        {t('ended.heading')}
      </h2>
      <p className={styles.hint}>{t('ended.body')}</p>
    </section>
  );
}
