// Answering an open check-in: five labelled choices for a scale, a short text box for words.
import {
  Button,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import type { ParticipantView } from '@roundtable/core';
import { WORD_ANSWER_MAX_LENGTH } from '@roundtable/core';
import { useState } from 'react';
import { BusyButton } from '../BusyButton.js';
import { useI18n } from '../../i18n/I18n.js';
import type { Translator } from '../../i18n/translator.js';

type OpenCheckin = NonNullable<ParticipantView['checkin']>;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  ends: {
    display: 'flex',
    justifyContent: 'space-between',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface CheckinAnswerFormProps {
  readonly checkin: OpenCheckin;
  /** The scale's ends in the reader's language (a built-in prompt's own, or plain ones). */
  readonly labels: OpenCheckin['labels'];
  readonly busy: boolean;
  readonly onAnswer: (value: number | string) => void;
  readonly onSkip: () => void;
}

function scaleChoiceName(i18n: Translator, value: number, labels: OpenCheckin['labels']): string {
  const number = i18n.number(value);
  if (labels === null) return number;
  if (value === 1) return i18n.t('checkin.choiceEnd', { value: number, label: labels.low });
  if (value === 5) return i18n.t('checkin.choiceEnd', { value: number, label: labels.high });
  return number;
}

export function CheckinAnswerForm({
  checkin,
  labels,
  busy,
  onAnswer,
  onSkip,
}: CheckinAnswerFormProps) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const [choice, setChoice] = useState('');
  const isWord = checkin.scale === 'word';
  const value = isWord ? choice.trim() : Number(choice);
  const ready = isWord ? value !== '' : choice !== '';

  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        if (ready && !busy) onAnswer(value);
      }}
    >
      {isWord ? (
        <Field label={t('checkin.answerWords')}>
          <Input
            value={choice}
            maxLength={WORD_ANSWER_MAX_LENGTH}
            onChange={(_, data) => {
              setChoice(data.value);
            }}
          />
        </Field>
      ) : (
        <Field label={t('checkin.answer')}>
          <RadioGroup
            layout="horizontal-stacked"
            value={choice}
            onChange={(_, data) => {
              setChoice(data.value);
            }}
          >
            {[1, 2, 3, 4, 5].map((option) => (
              <Radio
                key={option}
                value={String(option)}
                label={i18n.number(option)}
                aria-label={scaleChoiceName(i18n, option, labels)}
              />
            ))}
          </RadioGroup>
          {labels === null ? null : (
            <div className={styles.ends} aria-hidden>
              <span>{labels.low}</span>
              <span>{labels.high}</span>
            </div>
          )}
        </Field>
      )}
      <div className={styles.actions}>
        <BusyButton type="submit" appearance="primary" busy={busy} disabledFocusable={!ready}>
          {t('checkin.send')}
        </BusyButton>
        <Button onClick={onSkip}>{t('checkin.skip')}</Button>
      </div>
    </form>
  );
}
