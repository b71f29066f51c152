// One of the organiser's choices for the meeting, as a switch: presenters hosting, or an option
// (Teams' transcript for speaking time, carry-over). Everyone sees the result; only organisers
// see the switch.
import { Switch } from '@fluentui/react-components';
import type { PublicCommand } from '@roundtable/core';
import { useId, useState } from 'react';
import type { MeetingController } from '../../meeting/controller.js';
import { SendProblem } from '../SendProblem.js';
import { useSectionStyles } from '../styles.js';
import { useSend } from '../hooks/use-send.js';

export interface OrganiserSwitchProps {
  readonly label: string;
  readonly hint: string;
  readonly checked: boolean;
  readonly command: (enabled: boolean) => PublicCommand;
  readonly controller: MeetingController;
}

export function OrganiserSwitch({
  label,
  hint,
  checked,
  command,
  controller,
}: OrganiserSwitchProps) {
  const section = useSectionStyles();
  const hintId = useId();
  const sender = useSend(controller);
  const [pending, setPending] = useState<boolean | null>(null);

  async function choose(enabled: boolean) {
    setPending(enabled);
    await sender.send(command(enabled));
    setPending(null);
  }

  return (
    <>
      <Switch
        label={label}
        aria-describedby={hintId}
        checked={pending ?? checked}
        onChange={(_, data) => {
          if (sender.busyKey === null) void choose(data.checked);
        }}
      />
      <p id={hintId} className={section.hint}>
        {hint}
      </p>
      <SendProblem message={sender.message} />
    </>
  );
}
