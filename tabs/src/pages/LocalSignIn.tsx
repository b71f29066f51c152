// Outside Teams: choose which simulated person this page is.
import {
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Role } from '@roundtable/core';
import { useId, useState, type SyntheticEvent } from 'react';
import type { SimulatedPerson } from '../local/local-identity.js';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
});

const ROLE_LABELS: Record<Role, string> = {
  organizer: 'Organiser (hosts the meeting)',
  presenter: 'Presenter (can host too)',
  attendee: 'Attendee',
};

export function LocalSignIn({ onSignIn }: { onSignIn: (person: SimulatedPerson) => void }) {
  const styles = useStyles();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('attendee');
  const headingId = useId();
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (name.trim() !== '') onSignIn({ name: name.trim(), role });
  };
  return (
    <main>
      <form className={styles.form} onSubmit={submit} aria-labelledby={headingId}>
        <Text as="h1" size={500} weight="semibold" id={headingId}>
          Roundtable — local mode
        </Text>
        <Text>This page is not inside Teams. Choose who you are in this simulated meeting.</Text>
        <Field label="Your name" required>
          <Input
            value={name}
            onChange={(_, data) => {
              setName(data.value);
            }}
            maxLength={64}
          />
        </Field>
        <Field label="Your role in the meeting">
          <RadioGroup
            value={role}
            onChange={(_, data) => {
              setRole(data.value as Role);
            }}
          >
            {(Object.keys(ROLE_LABELS) as Role[]).map((value) => (
              <Radio key={value} value={value} label={ROLE_LABELS[value]} />
            ))}
          </RadioGroup>
        </Field>
        <Button appearance="primary" type="submit" disabled={name.trim() === ''}>
          Open the side panel
        </Button>
      </form>
    </main>
  );
}
