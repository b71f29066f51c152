// The speaking queue in order, with the airtime footnote.
import { useId } from 'react';
import type { PanelSectionProps } from '../panel-props.js';
import { QueueItem } from './QueueItem.js';
import { SendProblem } from '../SendProblem.js';
import { useSectionStyles } from '../styles.js';
import { useQueueReorder } from '../hooks/use-queue-reorder.js';
import { useRegionLabel } from '../region-label.js';

export function Queue({ view, controller }: PanelSectionProps) {
  const section = useSectionStyles();
  const headingId = useId();
  const regionLabel = useRegionLabel(headingId);
  const reorder = useQueueReorder(view, controller);
  const count = view.queue.length;
  return (
    <section className={section.section} aria-labelledby={regionLabel}>
      <h2
        id={headingId}
        ref={reorder.focus.refFor('heading')}
        tabIndex={-1}
        className={section.heading}
      >
        Queue ({count} waiting)
      </h2>
      {view.you.isHost && count > 1 ? (
        <p className={section.hint}>Drag, or use the arrows, to reorder within a kind.</p>
      ) : null}
      {count === 0 ? (
        <p className={section.hint}>Nobody is waiting.</p>
      ) : (
        <ol className={section.list} aria-labelledby={headingId}>
          {view.queue.map((entry, index) => (
            <QueueItem key={entry.entryId} view={view} index={index} reorder={reorder} />
          ))}
        </ol>
      )}
      <SendProblem message={reorder.message} />
      <p className={section.hint}>
        Airtime is measured from queue turns: Teams doesn't share who is talking.
      </p>
    </section>
  );
}
