// Sends one command for a control: a busy flag while the server answers, and its message when it
// refuses. The controller never throws, but a bug elsewhere must not break the panel either.
import { useEffect, useRef, useState } from 'react';
import type { PublicCommand } from '@roundtable/core';
import type { MeetingController } from '../../meeting/controller.js';
import type { Said } from '../../i18n/translator.js';

const UNEXPECTED: Said = {
  key: 'send.unexpected',
  english: 'That did not go through. Please try again in a moment.',
};

export interface Sender {
  /** Which control is waiting (its key), or null. */
  readonly busyKey: string | null;
  /** The last refusal, written for the person. */
  readonly message: Said | null;
  /** Resolves to true when the server accepted the command. */
  send(command: PublicCommand, key?: string): Promise<boolean>;
  clearMessage(): void;
}

export function useSend(controller: MeetingController): Sender {
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [message, setMessage] = useState<Said | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  async function send(command: PublicCommand, key: string = command.type): Promise<boolean> {
    setBusyKey(key);
    setMessage(null);
    let failure: Said | null;
    try {
      const outcome = await controller.send(command);
      failure = outcome.ok ? null : outcome.message;
    } catch {
      failure = UNEXPECTED;
    }
    if (mounted.current) {
      setBusyKey(null);
      setMessage(failure);
    }
    return failure === null;
  }

  return {
    busyKey,
    message,
    send,
    clearMessage: () => {
      setMessage(null);
    },
  };
}
