// The simulator's bar: add a person with a role, or start a new meeting (in a chat or a channel).
import {
  Button,
  Dropdown,
  Field,
  Input,
  Option,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Role } from '@roundtable/core';
import { useState, type SyntheticEvent } from 'react';
import type { SimulatedPerson } from '../local/local-identity.js';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
});

export interface SimulatorBarProps {
  readonly people: readonly SimulatedPerson[];
  readonly onAdd: (person: SimulatedPerson) => void;
  readonly onNewMeeting: () => void;
  /** A channel meeting: Teams sends no join or leave events for it, and no in-meeting notices. */
  readonly onNewChannelMeeting: () => void;
}

export function SimulatorBar({
  people,
  onAdd,
  onNewMeeting,
  onNewChannelMeeting,
}: SimulatorBarProps) {
  const styles = useStyles();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('attendee');
  const add = (event: SyntheticEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '' || people.some((p) => p.name.toLowerCase() === trimmed.toLowerCase()))
      return;
    onAdd({ name: trimmed, role });
    setName('');
  };
  return (
    <form className={styles.bar} onSubmit={add} aria-label="Add a person">
      <Field label="Name">
        <Input
          value={name}
          onChange={(_, data) => {
            setName(data.value);
          }}
          maxLength={64}
        />
      </Field>
      <Field label="Role">
        <Dropdown
          value={role}
          selectedOptions={[role]}
          onOptionSelect={(_, data) => {
            setRole((data.optionValue ?? 'attendee') as Role);
          }}
        >
          <Option value="attendee">attendee</Option>
          <Option value="presenter">presenter</Option>
          <Option value="organizer">organizer</Option>
        </Dropdown>
      </Field>
      <Button type="submit" disabled={name.trim() === ''}>
        Add person
      </Button>
      <Button onClick={onNewMeeting}>Start a new meeting</Button>
      <Button onClick={onNewChannelMeeting}>Start a new channel meeting</Button>
    </form>
  );
}
