// A whole-panel notice: a heading that takes focus, what happened in plain words, what to do.
// Polite (`status`) when nothing went wrong; an `alert` when something did.
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useId, useRef, type ReactNode } from 'react';

const useStyles = makeStyles({
  notice: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`,
    maxWidth: '36rem',
    boxSizing: 'border-box',
  },
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    '& p': { margin: 0 },
  },
  heading: { ...typographyStyles.subtitle1, margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface NoticeProps {
  readonly title: string;
  readonly urgent?: boolean;
  readonly children: ReactNode;
  readonly actions?: ReactNode;
}

export function Notice({ title, urgent = false, children, actions }: NoticeProps) {
  const styles = useStyles();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // The panel's content was replaced under the person's keyboard (the control they used is gone):
  // bring focus to what replaced it. Focus elsewhere, in Teams around the tab above all, stays.
  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (lost && document.hasFocus()) heading.current?.focus();
  }, [title]);
  return (
    <main className={styles.notice} aria-labelledby={headingId}>
      <div role={urgent ? 'alert' : 'status'} className={styles.body}>
        <h1 id={headingId} ref={heading} tabIndex={-1} className={styles.heading}>
          {title}
        </h1>
        {children}
      </div>
      {actions === undefined ? null : <div className={styles.actions}>{actions}</div>}
    </main>
  );
}
