// How the queue is ordered, each mode explained in one plain line. Choosing does not send:
// stepping through radios with the arrow keys must not start a round by accident.
import { useHostWords } from './host-words.js';
import { Field, makeStyles, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import type { QueueMode } from '@roundtable/core';
import { QUEUE_MODES } from '@roundtable/core';
import { useId, useState } from 'react';
import { BusyButton } from '../BusyButton.js';
import type { PanelSectionProps } from '../panel-props.js';
import { SendProblem } from '../SendProblem.js';
import { useSend } from '../hooks/use-send.js';
import { MODE_OPTIONS } from '../wording.js';

const useStyles = makeStyles({
  explanation: { display: 'block', color: tokens.colorNeutralForeground3 },
  apply: { alignSelf: 'flex-start' },
});

function isQueueMode(value: string): value is QueueMode {
  return (QUEUE_MODES as readonly string[]).includes(value);
}

export function ModePicker({ view, controller }: PanelSectionProps) {
  const styles = useStyles();
  const sender = useSend(controller);
  const { t } = useHostWords();
  const [choice, setChoice] = useState<QueueMode | null>(null);
  const selected = choice ?? view.mode;
  const inUse = selected === view.mode;
  const ruleId = useId();
  const waiting = view.queue.length;

  async function apply() {
    if (await sender.send({ type: 'setMode', mode: selected })) setChoice(null);
  }

  return (
    <>
      <Field label={t('mode.label')}>
        <RadioGroup
          value={selected}
          onChange={(_, data) => {
            if (isQueueMode(data.value)) setChoice(data.value);
          }}
        >
          {MODE_OPTIONS.map((option) => (
            <Radio
              key={option.mode}
              value={option.mode}
              label={
                <>
                  {option.mode === view.mode
                    ? t('mode.now', { mode: t(option.label) })
                    : t(option.label)}
                  <span className={styles.explanation}>{t(option.explanation)}</span>
                </>
              }
            />
          ))}
        </RadioGroup>
      </Field>
      {selected === 'equity' && waiting > 0 ? (
        // The balanced order places each point as it joins; it never reshuffles the queue.
        <Text id={ruleId} size={200} className={styles.explanation}>
          {t('mode.equityRule')}
        </Text>
      ) : null}
      <BusyButton
        className={styles.apply}
        aria-describedby={selected === 'equity' && waiting > 0 ? ruleId : undefined}
        busy={sender.busyKey !== null}
        disabledFocusable={inUse && selected !== 'round'}
        onClick={() => void apply()}
      >
        {selected === 'round' ? t(inUse ? 'mode.startNewRound' : 'mode.startRound') : t('mode.use')}
      </BusyButton>
      <SendProblem message={sender.message} />
    </>
  );
}
