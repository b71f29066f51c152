// The side panel's words for domain values: catalogue keys (tabs/src/i18n/messages), kept in one
// place so every component says the same in every language.
import type { CheckinScale, EntryKind, EntryReason, QueueMode } from '@roundtable/core';
// The English catalogue is in the page's first bundle anyway; it lists every key there is.
import english, { type MessageKey } from '../i18n/messages/en.js';
import type { Translator } from '../i18n/translator.js';
import type { HostKey } from '../i18n/messages/host/en.js';

export const KIND_LABELS: Readonly<Record<EntryKind, MessageKey>> = {
  order: 'kind.order',
  clarify: 'kind.clarify',
  reply: 'kind.reply',
  point: 'kind.point',
};

/** The join picker's order: the everyday choice first, the rare one last. */
export const JOIN_KINDS: readonly EntryKind[] = ['point', 'reply', 'clarify', 'order'];

export const MODE_OPTIONS: readonly {
  readonly mode: QueueMode;
  readonly label: HostKey;
  readonly explanation: HostKey;
}[] = [
  { mode: 'fifo', label: 'mode.fifo', explanation: 'mode.fifo.explanation' },
  { mode: 'equity', label: 'mode.equity', explanation: 'mode.equity.explanation' },
  { mode: 'round', label: 'mode.round', explanation: 'mode.round.explanation' },
];

export const TIMEBOX_CHOICES: readonly (number | null)[] = [null, 60, 120, 180, 300];

export const SCALE_LABELS: Readonly<Record<Exclude<CheckinScale, 'round'>, HostKey>> = {
  likert5: 'scale.likert5',
  energy5: 'scale.energy5',
  word: 'scale.word',
};

/** "You're next" for position 0, then "You're 2nd", "You're 3rd"… in the reader's language. */
export function placeText(t: Translator, position: number): string {
  return position === 0 ? t.t('place.next') : t.t('place.nth', { place: position + 1 });
}

/** A timebox in whole minutes when it is whole minutes ("2 minutes"), in seconds otherwise. */
export function durationText(t: Pick<Translator, 'number'>, seconds: number): string {
  const unit = seconds % 60 === 0 ? 'minute' : 'second';
  const amount = unit === 'minute' ? seconds / 60 : seconds;
  return t.number(amount, { style: 'unit', unit, unitDisplay: 'long' });
}

/** Why a kind goes before new points, for someone whose entry is ahead for that reason. */
const KIND_REASONS: Readonly<Record<EntryKind, MessageKey>> = {
  order: 'why.kind.order',
  clarify: 'why.kind.clarify',
  reply: 'why.kind.reply',
  point: 'why.kind.point',
};

/** Why your own entry is where it is: only ever shown to you, and never about anyone else. */
export function reasonKey(why: EntryReason, kind: EntryKind): MessageKey {
  switch (why) {
    case 'carried':
      return 'why.carried';
    case 'moved':
      return 'why.moved';
    case 'kind':
      return KIND_REASONS[kind];
    case 'round':
      return 'why.round';
    case 'least-spoken':
      return 'why.leastSpoken';
    case 'joined-order':
      return 'why.joinedOrder';
  }
}

/** The words of a check-in: a built-in prompt in the reader's language, a host's own as written. */
export function checkinWords(
  t: Translator,
  checkin: {
    readonly promptId: string | null;
    readonly text: string;
    readonly scale: CheckinScale;
    readonly labels: { readonly low: string; readonly high: string } | null;
  },
): { text: string; labels: { low: string; high: string } | null } {
  const known = checkin.promptId === null ? undefined : promptKey(checkin.promptId);
  const text = known === undefined ? checkin.text : t.t(known);
  if (checkin.labels === null) return { text, labels: null };
  const own = known === undefined ? undefined : endKeys(known);
  const scale = checkin.scale === 'energy5' ? 'energy5' : 'likert5';
  return {
    text,
    labels: {
      low: t.t(own?.low ?? `scale.${scale}.low`),
      high: t.t(own?.high ?? `scale.${scale}.high`),
    },
  };
}

/** The catalogue key of a built-in prompt's text, if the catalogue has the prompt. */
export function promptKey(promptId: string): MessageKey | undefined {
  const key = `prompt.${promptId}`;
  return key in english ? (key as MessageKey) : undefined;
}

function endKeys(key: MessageKey): { low: MessageKey; high: MessageKey } | undefined {
  const low = `${key}.low`;
  const high = `${key}.high`;
  return low in english && high in english
    ? { low: low as MessageKey, high: high as MessageKey }
    : undefined;
}

/** A library prompt in the reader's language (its English text if the catalogue lacks it). */
export function builtInPromptText(
  t: Translator,
  prompt: { readonly id: string; readonly text: string },
): string {
  const key = promptKey(prompt.id);
  return key === undefined ? prompt.text : t.t(key);
}
