// The join form's state: which kinds may be chosen now, the note, and what happens on submit.
import type { Said } from '../../i18n/translator.js';
import type { EntryKind, ParticipantView } from '@roundtable/core';
import { NOTE_MAX_LENGTH } from '@roundtable/core';
import { useState } from 'react';
import type { MeetingController } from '../../meeting/controller.js';
import { useSend } from './use-send.js';
import { JOIN_KINDS } from '../wording.js';

export interface JoinFormState {
  readonly kind: EntryKind | null;
  readonly note: string;
  readonly noteLeft: number;
  readonly busy: boolean;
  readonly message: Said | null;
  isAvailable(kind: EntryKind): boolean;
  isHeld(kind: EntryKind): boolean;
  chooseKind(kind: EntryKind): void;
  setNote(note: string): void;
  submit(): Promise<void>;
}

export function useJoinForm(
  view: ParticipantView,
  controller: MeetingController,
  onJoined: (kind: EntryKind) => void,
): JoinFormState {
  const sender = useSend(controller);
  const [chosen, setChosen] = useState<EntryKind>('point');
  const [note, setNote] = useState('');
  const held = new Set(view.you.entries.map((entry) => entry.kind));
  const isHeld = (kind: EntryKind) => held.has(kind);
  const isAvailable = (kind: EntryKind) => !isHeld(kind) && (!view.locked || kind === 'order');
  // The choice follows the queue: locking it, or joining with a kind, moves to one still open.
  const kind = isAvailable(chosen) ? chosen : (JOIN_KINDS.find(isAvailable) ?? null);

  async function submit() {
    if (kind === null || sender.busyKey !== null) return;
    const trimmed = note.trim();
    const joined = await sender.send({
      type: 'join',
      kind,
      ...(trimmed === '' ? {} : { note: trimmed }),
    });
    if (!joined) return;
    setNote('');
    onJoined(kind);
  }

  return {
    kind,
    note,
    noteLeft: NOTE_MAX_LENGTH - note.length,
    busy: sender.busyKey !== null,
    message: sender.message,
    isAvailable,
    isHeld,
    chooseKind: setChosen,
    setNote: (value) => {
      setNote(value.slice(0, NOTE_MAX_LENGTH));
    },
    submit,
  };
}
