// The open check-in: answer it, skip it (kept on this device only, never sent), then see thanks
// and the group's aggregate once enough people answered. A spoken round runs through the queue.
import { Button } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { CheckinAnswerForm } from './CheckinAnswerForm.js';
import { CheckinResults } from './CheckinResults.js';
import type { PanelSectionProps } from '../panel-props.js';
import { SendProblem } from '../SendProblem.js';
import { useSectionStyles } from '../styles.js';
import { usePendingFocus } from '../hooks/use-pending-focus.js';
import { useSend } from '../hooks/use-send.js';
import { useRegionLabel } from '../region-label.js';
import { useI18n } from '../../i18n/I18n.js';
import { checkinWords } from '../wording.js';

export function CheckinCard({ view, controller }: PanelSectionProps) {
  const section = useSectionStyles();
  const headingId = useId();
  const regionLabel = useRegionLabel(headingId);
  const sender = useSend(controller);
  const focus = usePendingFocus();
  const [skippedId, setSkippedId] = useState<string | null>(null);
  const i18n = useI18n();
  const { t } = i18n;
  const { checkin } = view;
  if (checkin === null) return null;

  async function answer(checkinId: string, value: number | string) {
    if (await sender.send({ type: 'answerCheckin', checkinId, value })) {
      focus.focusWhenReady('heading');
    }
  }

  if (skippedId === checkin.checkinId) {
    return (
      <p className={section.row}>
        <span className={section.hint}>{t('checkin.skipped')}</span>
        <Button
          ref={focus.refFor('show')}
          size="small"
          appearance="transparent"
          onClick={() => {
            setSkippedId(null);
            focus.focusWhenReady('heading');
          }}
        >
          {t('checkin.showAgain')}
        </Button>
      </p>
    );
  }

  const words = checkinWords(i18n, checkin);
  return (
    <section className={section.section} aria-labelledby={regionLabel}>
      <h2 id={headingId} ref={focus.refFor('heading')} tabIndex={-1} className={section.heading}>
        {t('checkin.heading')}
      </h2>
      <p>{words.text}</p>
      {checkin.scale === 'round' ? (
        <p className={section.hint}>{t('checkin.round')}</p>
      ) : view.you.answeredCheckin ? (
        <>
          <p className={section.subheading}>{t('checkin.thanks')}</p>
          <CheckinResults checkin={checkin} labels={words.labels} />
        </>
      ) : (
        <>
          <p className={section.hint}>{t('checkin.anonymous')}</p>
          <CheckinAnswerForm
            checkin={checkin}
            labels={words.labels}
            busy={sender.busyKey !== null}
            onAnswer={(value) => void answer(checkin.checkinId, value)}
            onSkip={() => {
              setSkippedId(checkin.checkinId);
              focus.focusWhenReady('show');
            }}
          />
          <SendProblem message={sender.message} />
        </>
      )}
    </section>
  );
}
