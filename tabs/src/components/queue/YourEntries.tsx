// Your own waiting entries, each with your place, why it is there, and a "Leave" button.
import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { EntryKind, ParticipantView } from '@roundtable/core';
import type { MeetingController } from '../../meeting/controller.js';
import { BusyButton } from '../BusyButton.js';
import { KindBadge } from './KindBadge.js';
import { SendProblem } from '../SendProblem.js';
import { useSectionStyles } from '../styles.js';
import { useSend } from '../hooks/use-send.js';
import { useI18n } from '../../i18n/I18n.js';
import { KIND_LABELS, placeText, reasonKey } from '../wording.js';

const useStyles = makeStyles({
  entry: { justifyContent: 'space-between', paddingBlock: tokens.spacingVerticalXXS },
  place: { display: 'flex', flexDirection: 'column' },
  why: { color: tokens.colorNeutralForeground3 },
});

export interface YourEntriesProps {
  readonly view: ParticipantView;
  readonly controller: MeetingController;
  readonly leaveButtonRef: (kind: EntryKind) => (element: HTMLElement | null) => void;
  readonly onLeft: () => void;
}

export function YourEntries({ view, controller, leaveButtonRef, onLeft }: YourEntriesProps) {
  const section = useSectionStyles();
  const styles = useStyles();
  const sender = useSend(controller);
  const i18n = useI18n();
  const { t } = i18n;
  if (view.you.entries.length === 0) return null;

  async function leave(kind: EntryKind) {
    if (await sender.send({ type: 'leave', kind }, kind)) onLeft();
  }

  return (
    <>
      <ul className={section.list} aria-label={t('yours.label')}>
        {view.you.entries.map((entry) => (
          <li key={entry.entryId} className={mergeClasses(section.row, styles.entry)}>
            <span className={section.row}>
              <KindBadge kind={entry.kind} />
              <span className={styles.place}>
                <span>{placeText(i18n, entry.position)}</span>
                {entry.why === undefined ? null : (
                  <Caption1 className={styles.why}>
                    {i18n.t(reasonKey(entry.why, entry.kind))}
                  </Caption1>
                )}
              </span>
            </span>
            <BusyButton
              ref={leaveButtonRef(entry.kind)}
              size="small"
              busy={sender.busyKey === entry.kind}
              aria-label={t('yours.leaveKind', { kind: t(KIND_LABELS[entry.kind]) })}
              onClick={() => void leave(entry.kind)}
            >
              {t('yours.leave')}
            </BusyButton>
          </li>
        ))}
      </ul>
      <SendProblem message={sender.message} />
    </>
  );
}
