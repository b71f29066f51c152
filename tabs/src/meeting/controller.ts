// The one seam between the side panel's components and everything that talks to the API.
// Components receive a MeetingController; tests hand them a fake one.
import type { ParticipantView, PublicCommand } from '@roundtable/core';
import type { Said } from '../i18n/translator.js';

/** How live the view is: streaming, polling as a fallback, or trying to get back. */
export type ConnectionStatus = 'connecting' | 'live' | 'polling' | 'reconnecting';

export type SendOutcome =
  | { readonly ok: true }
  /** `message` is written for the person; `retrying` says the client keeps trying by itself. */
  | { readonly ok: false; readonly message: Said; readonly retrying: boolean };

export interface MeetingController {
  /** The server's view of the meeting for this person; null until the first answer. */
  readonly view: ParticipantView | null;
  readonly status: ConnectionStatus;
  /** A calm, specific sentence when something is wrong (e.g. the API cannot be reached). */
  readonly problem: Said | null;
  /** Sends one command. Resolves when the server answered; never throws. */
  send(command: PublicCommand): Promise<SendOutcome>;
  /** Milliseconds since the epoch, from the same clock the countdown uses. */
  now(): number;
}
