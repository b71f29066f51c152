// Locking the queue: while locked, only a point of order can join.
import { Switch } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { PanelSectionProps } from '../panel-props.js';
import { SendProblem } from '../SendProblem.js';
import { useSectionStyles } from '../styles.js';
import { useSend } from '../hooks/use-send.js';
import { useHostWords } from './host-words.js';

export function LockSwitch({ view, controller }: PanelSectionProps) {
  const section = useSectionStyles();
  const hintId = useId();
  const sender = useSend(controller);
  const { t } = useHostWords();
  const [pending, setPending] = useState<boolean | null>(null);

  async function setLocked(locked: boolean) {
    setPending(locked);
    await sender.send({ type: locked ? 'lock' : 'unlock' });
    setPending(null);
  }

  return (
    <>
      <Switch
        label={t('lock.label')}
        aria-describedby={hintId}
        checked={pending ?? view.locked}
        onChange={(_, data) => {
          if (sender.busyKey === null) void setLocked(data.checked);
        }}
      />
      <p id={hintId} className={section.hint}>
        {t('lock.hint')}
      </p>
      <SendProblem message={sender.message} />
    </>
  );
}
