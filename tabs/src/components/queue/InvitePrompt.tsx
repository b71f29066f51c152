// A host's private invitation to speak: gentle, and easy to decline.
import { Button, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { BusyButton } from '../BusyButton.js';
import type { PanelSectionProps } from '../panel-props.js';
import { SendProblem } from '../SendProblem.js';
import { useSectionStyles } from '../styles.js';
import { usePendingFocus } from '../hooks/use-pending-focus.js';
import { useSend } from '../hooks/use-send.js';
import { useRegionLabel } from '../region-label.js';
import { useI18n } from '../../i18n/I18n.js';

const useStyles = makeStyles({
  card: {
    backgroundColor: tokens.colorBrandBackground2,
    ...shorthands.borderColor(tokens.colorBrandStroke2),
    '@media (forced-colors: active)': { ...shorthands.borderColor('Highlight') },
  },
});

const REPLIES = {
  accepted: 'invite.accepted',
  declined: 'invite.declined',
} as const;

export function InvitePrompt({ view, controller }: PanelSectionProps) {
  const section = useSectionStyles();
  const styles = useStyles();
  const headingId = useId();
  const regionLabel = useRegionLabel(headingId);
  const sender = useSend(controller);
  const focus = usePendingFocus();
  const { t } = useI18n();
  const [reply, setReply] = useState<keyof typeof REPLIES | null>(null);

  async function respond(accept: boolean) {
    if (await sender.send({ type: 'respondInvite', accept }, accept ? 'accept' : 'decline')) {
      setReply(accept ? 'accepted' : 'declined');
      focus.focusWhenReady('reply');
    }
  }

  if (!view.you.invited) {
    if (reply === null) return null;
    // Replaces the card and takes focus from the button that made it go away; once focus moves
    // on, the line has done its job and goes too.
    return (
      <p
        className={section.hint}
        tabIndex={-1}
        ref={focus.refFor('reply')}
        onBlur={() => {
          setReply(null);
        }}
      >
        {t(REPLIES[reply])}
      </p>
    );
  }
  return (
    <section className={mergeClasses(section.section, styles.card)} aria-labelledby={regionLabel}>
      <h2 id={headingId} className={section.heading}>
        {t('invite.heading')}
      </h2>
      <p className={section.hint}>{t('invite.private')}</p>
      <div className={section.row}>
        <BusyButton
          appearance="primary"
          busy={sender.busyKey === 'accept'}
          onClick={() => void respond(true)}
        >
          {t('invite.accept')}
        </BusyButton>
        <Button disabledFocusable={sender.busyKey !== null} onClick={() => void respond(false)}>
          {t('invite.decline')}
        </Button>
      </div>
      <SendProblem message={sender.message} />
    </section>
  );
}
