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

export function CheckinCard({ view, controller }: PanelSectionProps) {
  const section = useSectionStyles();
  const headingId = useId();
  const regionLabel = useRegionLabel(headingId);
  const sender = useSend(controller);
  const focus = usePendingFocus();
  const [skippedId, setSkippedId] = useState<string | null>(null);
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
        <span className={section.hint}>You skipped this check-in.</span>
        <Button
          ref={focus.refFor('show')}
          size="small"
          appearance="transparent"
          onClick={() => {
            setSkippedId(null);
            focus.focusWhenReady('heading');
          }}
        >
          Show it again
        </Button>
      </p>
    );
  }

  return (
    <section className={section.section} aria-labelledby={regionLabel}>
      <h2 id={headingId} ref={focus.refFor('heading')} tabIndex={-1} className={section.heading}>
        Check-in
      </h2>
      <p>{checkin.text}</p>
      {checkin.scale === 'round' ? (
        <p className={section.hint}>
          A spoken round: it runs through the queue. When your turn comes, share — or simply pass.
        </p>
      ) : view.you.answeredCheckin ? (
        <>
          <p className={section.subheading}>Thank you for answering. Answers are anonymous.</p>
          <CheckinResults checkin={checkin} />
        </>
      ) : (
        <>
          <p className={section.hint}>Anonymous: only the group's totals are kept.</p>
          <CheckinAnswerForm
            checkin={checkin}
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
