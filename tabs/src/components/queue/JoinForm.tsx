// Join the queue: a kind, an optional short note, and "Join". A refused join keeps what was typed.
import { Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { EntryKind } from '@roundtable/core';
import { ENTRY_KINDS, NOTE_MAX_LENGTH } from '@roundtable/core';
import { BusyButton } from '../BusyButton.js';
import { SendProblem } from '../SendProblem.js';
import type { JoinFormState } from '../hooks/use-join-form.js';
import { JOIN_KINDS, KIND_LABELS } from '../wording.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

function isEntryKind(value: string): value is EntryKind {
  return (ENTRY_KINDS as readonly string[]).includes(value);
}

export interface JoinFormProps {
  readonly form: JoinFormState;
  readonly locked: boolean;
  readonly joinButtonRef: (element: HTMLElement | null) => void;
}

export function JoinForm({ form, locked, joinButtonRef }: JoinFormProps) {
  const styles = useStyles();
  const kindHint = locked
    ? { hint: 'The host has locked the queue for now. A point of order is still welcome.' }
    : {};
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit();
      }}
    >
      <Field label="What would you like to add?" {...kindHint}>
        <Select
          value={form.kind ?? ''}
          onChange={(_, data) => {
            if (isEntryKind(data.value)) form.chooseKind(data.value);
          }}
        >
          {form.kind === null ? <option value="">Nothing left to join</option> : null}
          {JOIN_KINDS.map((kind) => (
            <option key={kind} value={kind} disabled={!form.isAvailable(kind)}>
              {form.isHeld(kind) ? `${KIND_LABELS[kind]} (you're in)` : KIND_LABELS[kind]}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Note (optional)"
        hint={`${form.noteLeft} of ${NOTE_MAX_LENGTH} characters left`}
      >
        <Input
          value={form.note}
          maxLength={NOTE_MAX_LENGTH}
          onChange={(_, data) => {
            form.setNote(data.value);
          }}
        />
      </Field>
      <BusyButton
        ref={joinButtonRef}
        type="submit"
        appearance="primary"
        busy={form.busy}
        disabledFocusable={form.kind === null}
      >
        Join
      </BusyButton>
      <SendProblem message={form.message} />
    </form>
  );
}
