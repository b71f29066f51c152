// The organiser's options for this meeting, kept for its next sessions too: speaking time from
// Teams' transcript, and carrying people still waiting over to the next session.
import type { MeetingOption } from '@roundtable/core';
import type { PanelSectionProps } from '../panel-props.js';
import { OrganiserSwitch } from './OrganiserSwitch.js';

const OPTIONS: readonly { option: MeetingOption; label: string; hint: string }[] = [
  {
    option: 'transcript',
    label: "Measure speaking time from Teams' transcript",
    hint:
      'After each session Roundtable reads the transcript, if your organisation allows it, and keeps ' +
      'only how long each person spoke, without names. Microsoft bills reading transcripts per minute.',
  },
  {
    option: 'carryOver',
    label: 'Carry waiting people over to the next session',
    hint:
      'People still waiting at the end start the next session at the front of the queue, and are ' +
      'told why. Nothing else is kept between sessions.',
  },
];

export function MeetingOptions({ view, controller }: PanelSectionProps) {
  return (
    <>
      {OPTIONS.map(({ option, label, hint }) => (
        <OrganiserSwitch
          key={option}
          label={label}
          hint={hint}
          checked={view.options[option]}
          command={(enabled) => ({ type: 'setOption', option, enabled })}
          controller={controller}
        />
      ))}
    </>
  );
}
