// The host's most used control: end the current turn and start the next one.
import { makeStyles, tokens } from '@fluentui/react-components';
import { Next20Regular } from '@fluentui/react-icons';
import { BusyButton } from '../BusyButton.js';
import type { PanelSectionProps } from '../panel-props.js';
import { SendProblem } from '../SendProblem.js';
import { useSectionStyles } from '../styles.js';
import { useSend } from '../hooks/use-send.js';
import { useI18n } from '../../i18n/I18n.js';

const useStyles = makeStyles({
  bar: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export function NextSpeakerButton({ view, controller }: PanelSectionProps) {
  const section = useSectionStyles();
  const styles = useStyles();
  const sender = useSend(controller);
  const { t } = useI18n();
  const upNext = view.queue[0];
  const nothingToDo = view.current === null && upNext === undefined;
  return (
    <div className={styles.bar}>
      <div className={section.row}>
        <BusyButton
          appearance="primary"
          icon={<Next20Regular />}
          busy={sender.busyKey !== null}
          disabledFocusable={nothingToDo}
          onClick={() =>
            void sender.send({ type: 'next', currentTurnId: view.current?.turnId ?? null })
          }
        >
          {t('host.next')}
        </BusyButton>
        <span className={section.hint}>
          {upNext === undefined
            ? view.current === null
              ? t('host.nobodyWaiting')
              : t('host.nobodyWaitingEnds')
            : t('host.upNext', { name: upNext.displayName })}
        </span>
      </div>
      <SendProblem message={sender.message} />
    </div>
  );
}
