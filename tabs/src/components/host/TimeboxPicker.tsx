// The speaking timebox: none, or a few minutes. It shows the new choice at once and falls back
// to the server's value if the server refuses.
import { Field, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type { PanelSectionProps } from '../panel-props.js';
import { SendProblem } from '../SendProblem.js';
import { useSend } from '../hooks/use-send.js';
import { useHostWords } from './host-words.js';
import { durationText, TIMEBOX_CHOICES } from '../wording.js';

const NO_TIMEBOX = 'none';

function optionValue(seconds: number | null): string {
  return seconds === null ? NO_TIMEBOX : String(seconds);
}

export function TimeboxPicker({ view, controller }: PanelSectionProps) {
  const sender = useSend(controller);
  const i18n = useHostWords();
  const [pending, setPending] = useState<string | null>(null);
  // A timebox set elsewhere (e.g. 90 seconds) still shows as itself.
  const choices = TIMEBOX_CHOICES.includes(view.timeboxSeconds)
    ? TIMEBOX_CHOICES
    : [...TIMEBOX_CHOICES, view.timeboxSeconds];

  async function choose(value: string) {
    setPending(value);
    await sender.send({ type: 'setTimebox', seconds: value === NO_TIMEBOX ? null : Number(value) });
    setPending(null);
  }

  return (
    <>
      <Field label={i18n.t('timebox.label')} hint={i18n.t('timebox.hint')}>
        <Select
          value={pending ?? optionValue(view.timeboxSeconds)}
          onChange={(_, data) => {
            if (sender.busyKey === null) void choose(data.value);
          }}
        >
          {choices.map((seconds) => (
            <option key={optionValue(seconds)} value={optionValue(seconds)}>
              {seconds === null ? i18n.t('timebox.none') : durationText(i18n, seconds)}
            </option>
          ))}
        </Select>
      </Field>
      <SendProblem message={sender.message} />
    </>
  );
}
