// Hosts open a check-in from the built-in library or write their own, and close the open one.
import { useI18n } from '../../i18n/I18n.js';
import { useHostWords } from './host-words.js';
import { Field, Input, makeStyles, Select } from '@fluentui/react-components';
import type { CheckinScale, PublicCommand } from '@roundtable/core';
import {
  CHECKIN_PROMPTS,
  CUSTOM_PROMPT_MAX_LENGTH,
  CUSTOM_PROMPT_MIN_LENGTH,
} from '@roundtable/core';
import { useState } from 'react';
import { BusyButton } from '../BusyButton.js';
import type { PanelSectionProps } from '../panel-props.js';
import { SendProblem } from '../SendProblem.js';
import { useSectionStyles } from '../styles.js';
import { usePendingFocus } from '../hooks/use-pending-focus.js';
import { useSend } from '../hooks/use-send.js';
import { builtInPromptText, checkinWords, SCALE_LABELS } from '../wording.js';

const CUSTOM = 'custom';
type TypedScale = Exclude<CheckinScale, 'round'>;
const SCALES = Object.keys(SCALE_LABELS) as TypedScale[];
const MOMENTS = [
  ['opening', 'checkinTools.opening'],
  ['any', 'checkinTools.any'],
  ['closing', 'checkinTools.closing'],
] as const;

const useStyles = makeStyles({
  // Long prompts must not widen the narrow panel; the select shrinks and shows an ellipsis.
  fit: { minWidth: 0, '& select': { minWidth: 0, textOverflow: 'ellipsis' } },
});

export function CheckinTools({ view, controller }: PanelSectionProps) {
  const section = useSectionStyles();
  const styles = useStyles();
  const sender = useSend(controller);
  const focus = usePendingFocus();
  const i18n = useI18n();
  const words = useHostWords();
  const { t } = words;
  const [promptId, setPromptId] = useState(CHECKIN_PROMPTS[0]?.id ?? CUSTOM);
  const [text, setText] = useState('');
  const [scale, setScale] = useState<TypedScale>('likert5');
  const { checkin } = view;

  if (checkin !== null) {
    const close = async () => {
      const closed = await sender.send({ type: 'closeCheckin', checkinId: checkin.checkinId });
      if (closed) focus.focusWhenReady('prompt');
    };
    return (
      <>
        <p className={section.hint}>
          {t('checkinTools.open', {
            text: checkinWords(i18n, checkin).text,
            answered: i18n.number(checkin.answered),
          })}
        </p>
        <BusyButton
          ref={focus.refFor('close')}
          busy={sender.busyKey !== null}
          onClick={() => void close()}
        >
          {t('checkinTools.close')}
        </BusyButton>
        <SendProblem message={sender.message} />
      </>
    );
  }

  const custom = promptId === CUSTOM;
  const trimmed = text.trim();
  const textFits =
    trimmed.length >= CUSTOM_PROMPT_MIN_LENGTH && trimmed.length <= CUSTOM_PROMPT_MAX_LENGTH;
  const command: PublicCommand = custom
    ? { type: 'openCheckin', text: trimmed, scale }
    : { type: 'openCheckin', promptId };

  async function start() {
    if (await sender.send(command)) {
      setText('');
      focus.focusWhenReady('close');
    }
  }

  return (
    <>
      <Field label={t('checkinTools.prompt')}>
        <Select
          className={styles.fit}
          ref={focus.refFor('prompt')}
          value={promptId}
          onChange={(_, data) => {
            setPromptId(data.value);
          }}
        >
          {MOMENTS.map(([when, label]) => (
            <optgroup key={when} label={t(label)}>
              {CHECKIN_PROMPTS.filter((prompt) => prompt.when === when).map((prompt) => (
                <option key={prompt.id} value={prompt.id}>
                  {builtInPromptText(i18n, prompt)}
                </option>
              ))}
            </optgroup>
          ))}
          <option value={CUSTOM}>{t('checkinTools.writeOwn')}</option>
        </Select>
      </Field>
      {custom ? (
        <>
          <Field
            label={t('checkinTools.yourPrompt')}
            hint={t('checkinTools.promptLength', {
              min: i18n.number(CUSTOM_PROMPT_MIN_LENGTH),
              max: i18n.number(CUSTOM_PROMPT_MAX_LENGTH),
              length: i18n.number(trimmed.length),
            })}
          >
            <Input
              value={text}
              maxLength={CUSTOM_PROMPT_MAX_LENGTH}
              onChange={(_, data) => {
                setText(data.value);
              }}
            />
          </Field>
          <Field label={t('checkinTools.scale')}>
            <Select
              value={scale}
              onChange={(_, data) => {
                setScale(SCALES.find((s) => s === data.value) ?? 'likert5');
              }}
            >
              {SCALES.map((option) => (
                <option key={option} value={option}>
                  {t(SCALE_LABELS[option])}
                </option>
              ))}
            </Select>
          </Field>
        </>
      ) : null}
      <BusyButton
        appearance="primary"
        busy={sender.busyKey !== null}
        disabledFocusable={custom && !textFits}
        onClick={() => void start()}
      >
        {t('checkinTools.start')}
      </BusyButton>
      <SendProblem message={sender.message} />
    </>
  );
}
