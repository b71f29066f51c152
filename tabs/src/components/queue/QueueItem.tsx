// One waiting entry: its kind in words, the person, their note as plain text, and host controls.
import {
  Badge,
  Button,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
} from '@fluentui/react-components';
import { ArrowDown20Regular, ArrowUp20Regular, Dismiss20Regular } from '@fluentui/react-icons';
import type { ParticipantView } from '@roundtable/core';
import { BusyButton } from '../BusyButton.js';
import { KindBadge } from './KindBadge.js';
import type { QueueReorder } from '../hooks/use-queue-reorder.js';
import { stepTarget } from '../hooks/use-queue-reorder.js';
import { useI18n } from '../../i18n/I18n.js';
import { placeText } from '../wording.js';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid transparent`,
    transitionProperty: 'background-color, border-color',
    transitionDuration: tokens.durationFast,
    '@media (prefers-reduced-motion: reduce)': { transitionDuration: '0.01ms' },
  },
  yours: {
    backgroundColor: tokens.colorBrandBackground2,
    ...shorthands.borderColor(tokens.colorBrandStroke2),
    '@media (forced-colors: active)': { ...shorthands.borderColor('Highlight') },
  },
  dropTarget: {
    ...shorthands.borderColor(tokens.colorBrandStroke1),
    ...shorthands.borderStyle('dashed'),
    '@media (forced-colors: active)': { ...shorthands.borderColor('Highlight') },
  },
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  who: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    flexGrow: 1,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  note: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  place: { margin: 0, fontWeight: tokens.fontWeightSemibold },
});

export interface QueueItemProps {
  readonly view: ParticipantView;
  readonly index: number;
  readonly reorder: QueueReorder;
}

export function QueueItem({ view, index, reorder }: QueueItemProps) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const entry = view.queue[index];
  if (entry === undefined) return null;
  const yours = entry.participantId === view.you.participantId;
  const hosting = view.you.isHost;
  const up = stepTarget(view.queue, index, -1);
  const down = stepTarget(view.queue, index, 1);
  const busy = reorder.busyKey === entry.entryId;
  const { entryId, displayName } = entry;
  return (
    <li
      ref={reorder.focus.refFor(`${entryId}:drag`)}
      tabIndex={-1}
      className={mergeClasses(
        styles.item,
        yours && styles.yours,
        reorder.dropTargetId === entryId && styles.dropTarget,
      )}
      {...(hosting ? reorder.dragHandlers(index) : {})}
    >
      <div className={styles.top}>
        <span className={styles.who}>
          <KindBadge kind={entry.kind} />
          <span>{displayName}</span>
          {yours ? (
            <Badge appearance="filled" color="brand" size="small">
              {t('queue.you')}
            </Badge>
          ) : null}
        </span>
        {hosting ? (
          <>
            <Button
              ref={reorder.focus.refFor(`${entryId}:up`)}
              size="small"
              appearance="subtle"
              icon={<ArrowUp20Regular />}
              aria-label={t('queue.moveUp', { name: displayName })}
              disabledFocusable={up === null || busy}
              onClick={() => up !== null && void reorder.move(entryId, up, `${entryId}:up`)}
            />
            <Button
              ref={reorder.focus.refFor(`${entryId}:down`)}
              size="small"
              appearance="subtle"
              icon={<ArrowDown20Regular />}
              aria-label={t('queue.moveDown', { name: displayName })}
              disabledFocusable={down === null || busy}
              onClick={() => down !== null && void reorder.move(entryId, down, `${entryId}:down`)}
            />
            <BusyButton
              size="small"
              appearance="subtle"
              icon={<Dismiss20Regular />}
              busy={busy}
              aria-label={t('queue.remove', { name: displayName })}
              onClick={() => void reorder.remove(entryId)}
            />
          </>
        ) : null}
      </div>
      {entry.note === undefined ? null : <p className={styles.note}>{entry.note}</p>}
      {yours ? <p className={styles.place}>{placeText(i18n, index)}</p> : null}
    </li>
  );
}
