// The speaking queue in order, with the airtime footnote.
import { useId } from 'react';
import type { PanelSectionProps } from '../panel-props.js';
import { QueueItem } from './QueueItem.js';
import { SendProblem } from '../SendProblem.js';
import { useSectionStyles } from '../styles.js';
import { useQueueReorder } from '../hooks/use-queue-reorder.js';
import { useRegionLabel } from '../region-label.js';
import { useI18n } from '../../i18n/I18n.js';

export function Queue({ view, controller }: PanelSectionProps) {
  const section = useSectionStyles();
  const headingId = useId();
  const regionLabel = useRegionLabel(headingId);
  const reorder = useQueueReorder(view, controller);
  const { t } = useI18n();
  const count = view.queue.length;
  return (
    <section className={section.section} aria-labelledby={regionLabel}>
      <h2
        id={headingId}
        ref={reorder.focus.refFor('heading')}
        tabIndex={-1}
        className={section.heading}
      >
        {t('queue.heading', { count })}
      </h2>
      {view.you.isHost && count > 1 ? (
        <p className={section.hint}>{t('queue.reorderHint')}</p>
      ) : null}
      {count === 0 ? (
        <p className={section.hint}>{t('queue.empty')}</p>
      ) : (
        <ol className={section.list} aria-labelledby={headingId}>
          {view.queue.map((entry, index) => (
            <QueueItem key={entry.entryId} view={view} index={index} reorder={reorder} />
          ))}
        </ol>
      )}
      <SendProblem message={reorder.message} />
      <p className={section.hint}>{t('queue.airtime')}</p>
    </section>
  );
}
