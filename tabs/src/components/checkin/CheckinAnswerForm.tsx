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
  readonly busy: boolean;
  readonly onAnswer: (value: number | string) => void;
  readonly onSkip: () => void;
}

function scaleChoiceName(value: number, labels: OpenCheckin['labels']): string {
  if (labels === null) return String(value);
  if (value === 1) return `1, ${labels.low}`;
  if (value === 5) return `5, ${labels.high}`;
  return String(value);
}

export function CheckinAnswerForm({ checkin, busy, onAnswer, onSkip }: CheckinAnswerFormProps) {
  const styles = useStyles();
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
        <Field label="Your answer (one or two words)">
          <Input
            value={choice}
            maxLength={WORD_ANSWER_MAX_LENGTH}
            onChange={(_, data) => {
              setChoice(data.value);
            }}
          />
        </Field>
      ) : (
        <Field label="Your answer">
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
                label={String(option)}
                aria-label={scaleChoiceName(option, checkin.labels)}
              />
            ))}
          </RadioGroup>
          {checkin.labels === null ? null : (
            <div className={styles.ends} aria-hidden>
              <span>{checkin.labels.low}</span>
              <span>{checkin.labels.high}</span>
            </div>
          )}
        </Field>
      )}
      <div className={styles.actions}>
        <BusyButton type="submit" appearance="primary" busy={busy} disabledFocusable={!ready}>
          Send answer
        </BusyButton>
        <Button onClick={onSkip}>Skip</Button>
      </div>
    </form>
  );
}
