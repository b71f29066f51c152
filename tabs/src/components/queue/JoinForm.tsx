// Join the queue: a kind, an optional short note, and "Join". A refused join keeps what was typed.
import { Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { EntryKind } from '@roundtable/core';
import { ENTRY_KINDS, NOTE_MAX_LENGTH } from '@roundtable/core';
import { BusyButton } from '../BusyButton.js';
import { SendProblem } from '../SendProblem.js';
import type { JoinFormState } from '../hooks/use-join-form.js';
import { useI18n } from '../../i18n/I18n.js';
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
  const i18n = useI18n();
  const { t } = i18n;
  const kindHint = locked ? { hint: t('join.locked') } : {};
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit();
      }}
    >
      <Field label={t('join.what')} {...kindHint}>
        <Select
          value={form.kind ?? ''}
          onChange={(_, data) => {
            if (isEntryKind(data.value)) form.chooseKind(data.value);
          }}
        >
          {form.kind === null ? <option value="">{t('join.nothingLeft')}</option> : null}
          {JOIN_KINDS.map((kind) => (
            <option key={kind} value={kind} disabled={!form.isAvailable(kind)}>
              {form.isHeld(kind)
                ? t('join.held', { kind: t(KIND_LABELS[kind]) })
                : t(KIND_LABELS[kind])}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t('join.note')}
        hint={t('join.noteLeft', {
          left: i18n.number(form.noteLeft),
          max: i18n.number(NOTE_MAX_LENGTH),
        })}
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
        {t('join.submit')}
      </BusyButton>
      <SendProblem message={form.message} />
    </form>
  );
}
