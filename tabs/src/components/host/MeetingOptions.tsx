// The organiser's options for this meeting, kept for its next sessions too: speaking time from
// Teams' transcript, and carrying people still waiting over to the next session.
import { useHostWords } from './host-words.js';
import type { MeetingOption } from '@roundtable/core';
import type { HostKey } from '../../i18n/messages/host/en.js';
import type { PanelSectionProps } from '../panel-props.js';
import { OrganiserSwitch } from './OrganiserSwitch.js';

const OPTIONS: readonly { option: MeetingOption; label: HostKey; hint: HostKey }[] = [
  { option: 'transcript', label: 'options.transcript', hint: 'options.transcript.hint' },
  { option: 'carryOver', label: 'options.carryOver', hint: 'options.carryOver.hint' },
];

export function MeetingOptions({ view, controller }: PanelSectionProps) {
  const { t } = useHostWords();
  return (
    <>
      {OPTIONS.map(({ option, label, hint }) => (
        <OrganiserSwitch
          key={option}
          label={t(label)}
          hint={t(hint)}
          checked={view.options[option]}
          command={(enabled) => ({ type: 'setOption', option, enabled })}
          controller={controller}
        />
      ))}
    </>
  );
}
