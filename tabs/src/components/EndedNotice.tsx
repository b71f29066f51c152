// Shown instead of every action once the session has ended.
import { useEffect, useId, useRef } from 'react';
import { useI18n } from '../i18n/I18n.js';
import { useSectionStyles } from './styles.js';

export function EndedNotice() {
  const styles = useSectionStyles();
  const { t } = useI18n();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // The control that ended the session is gone; keep keyboard focus inside the panel.
  useEffect(() => {
    if (document.activeElement === null || document.activeElement === document.body) {
      heading.current?.focus();
    }
  }, []);
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1} className={styles.heading}>
        {t('ended.heading')}
      </h2>
      <p className={styles.hint}>{t('ended.body')}</p>
    </section>
  );
}
