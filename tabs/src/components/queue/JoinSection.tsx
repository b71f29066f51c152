// Your places in the queue and the join form, with focus moving between Join and Leave.
import type { EntryKind } from '@roundtable/core';
import { useId } from 'react';
import { JoinForm } from './JoinForm.js';
import type { PanelSectionProps } from '../panel-props.js';
import { useSectionStyles } from '../styles.js';
import { useJoinForm } from '../hooks/use-join-form.js';
import { usePendingFocus } from '../hooks/use-pending-focus.js';
import { YourEntries } from './YourEntries.js';
import { useRegionLabel } from '../region-label.js';
import { useI18n } from '../../i18n/I18n.js';

export function JoinSection({ view, controller }: PanelSectionProps) {
  const section = useSectionStyles();
  const headingId = useId();
  const regionLabel = useRegionLabel(headingId);
  const focus = usePendingFocus();
  const { t } = useI18n();
  const form = useJoinForm(view, controller, (kind) => {
    focus.focusWhenReady(kind);
  });
  return (
    <section className={section.section} aria-labelledby={regionLabel}>
      <h2 id={headingId} className={section.heading}>
        {t('join.heading')}
      </h2>
      <YourEntries
        view={view}
        controller={controller}
        leaveButtonRef={(kind: EntryKind) => focus.refFor(kind)}
        onLeft={() => {
          focus.focusWhenReady('join');
        }}
      />
      <JoinForm form={form} locked={view.locked} joinButtonRef={focus.refFor('join')} />
    </section>
  );
}
