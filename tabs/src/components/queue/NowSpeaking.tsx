// Who speaks now, the timebox countdown, and the speaker's "I'm done" or everyone else's "Thank".
import { makeStyles, typographyStyles } from '@fluentui/react-components';
import { HandWave20Regular, Heart20Regular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { BusyButton } from '../BusyButton.js';
import { Countdown } from './Countdown.js';
import { KindBadge } from './KindBadge.js';
import type { PanelSectionProps } from '../panel-props.js';
import { SendProblem } from '../SendProblem.js';
import { useSectionStyles } from '../styles.js';
import { usePendingFocus } from '../hooks/use-pending-focus.js';
import { useSend } from '../hooks/use-send.js';
import { useRegionLabel } from '../region-label.js';
import { useI18n } from '../../i18n/I18n.js';

const useStyles = makeStyles({
  name: { ...typographyStyles.subtitle1, margin: 0, overflowWrap: 'anywhere' },
});

export function NowSpeaking({ view, controller }: PanelSectionProps) {
  const section = useSectionStyles();
  const styles = useStyles();
  const headingId = useId();
  const nameId = useId();
  const thankId = useId();
  const regionLabel = useRegionLabel(headingId);
  const sender = useSend(controller);
  const focus = usePendingFocus();
  const { t } = useI18n();
  const [thankedTurnId, setThankedTurnId] = useState<string | null>(null);
  const { current, timeboxSeconds } = view;
  const speaking = current !== null && current.participantId === view.you.participantId;

  // "I'm done" goes with the turn; focus moves to the section's heading, which now says who
  // speaks (nobody, or the next person), instead of falling to the page.
  async function finish(turnId: string) {
    if (await sender.send({ type: 'finish', turnId })) focus.focusWhenReady('heading');
  }

  async function thank(turnId: string) {
    if (await sender.send({ type: 'appreciate', turnId })) setThankedTurnId(turnId);
  }

  return (
    <section className={section.section} aria-labelledby={regionLabel}>
      <h2 id={headingId} ref={focus.refFor('heading')} tabIndex={-1} className={section.heading}>
        {t('now.heading')}
      </h2>
      {current === null ? (
        <p className={section.hint}>{t('now.nobody')}</p>
      ) : (
        <>
          <div className={section.row}>
            <p className={styles.name} id={nameId}>
              {speaking ? t('now.you') : current.displayName}
            </p>
            <KindBadge kind={current.kind} />
          </div>
          {timeboxSeconds === null ? null : (
            <Countdown
              // A new turn starts a new countdown, with its own set points.
              key={current.turnId}
              startedAt={current.startedAt}
              timeboxSeconds={timeboxSeconds}
              now={() => controller.now()}
              announce={speaking}
            />
          )}
          <div className={section.row}>
            {speaking ? (
              <BusyButton
                appearance="primary"
                icon={<HandWave20Regular />}
                busy={sender.busyKey !== null}
                onClick={() => void finish(current.turnId)}
              >
                {t('now.done')}
              </BusyButton>
            ) : (
              <BusyButton
                icon={<Heart20Regular />}
                busy={sender.busyKey !== null}
                disabledFocusable={thankedTurnId === current.turnId}
                // "Thank Ana", then "Thanked Ana": the visible word first (WCAG 2.5.3).
                id={thankId}
                aria-labelledby={`${thankId} ${nameId}`}
                onClick={() => void thank(current.turnId)}
              >
                {thankedTurnId === current.turnId ? t('now.thanked') : t('now.thank')}
              </BusyButton>
            )}
          </div>
        </>
      )}
      <SendProblem message={sender.message} />
    </section>
  );
}
