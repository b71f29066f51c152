// One command to the API, retried under one id with backoff while the API is away or busy, so a
// retry never applies a command twice. Refusals come back at once with the API's own sentence.
import type { ParticipantView, PublicCommand } from '@roundtable/core';
import type { ApiClient } from '../api/client.js';
import { NetworkError, SignInError } from '../api/errors.js';
import type { SendOutcome } from './controller.js';
import { saidOfProblem, type Said } from '../i18n/translator.js';

const UNREACHABLE_NOW: Said = {
  key: 'send.unreachableNow',
  english: 'Roundtable cannot be reached right now.',
};
const UNREACHABLE: Said = {
  key: 'send.unreachable',
  english: 'Roundtable cannot be reached right now. Nothing you typed is lost.',
};

export interface SendHooks {
  readonly attempts: number;
  readonly sleep: (ms: number) => Promise<void>;
  /** A view that came with the answer (a refusal carries the current one too). */
  onView(view: ParticipantView): void;
  /** The sentence to show while waiting, or null once the command went through. */
  onProblem(problem: Said | null): void;
  /** Teams could not sign the person in; nothing is retried until they act. */
  onSignInLost(error: SignInError): void;
}

/** Said while a command waits to be sent again, so the person knows it is still on its way. */
function retrying(reason: Said, waitMs: number): Said {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  // The reason is said first, in whichever words it has; the catalogue adds the rest.
  const english = typeof reason === 'string' ? reason : reason.english;
  return {
    key: 'send.retrying',
    values: { reason: english, seconds },
    english: `${english} Trying again in ${seconds} s; nothing you typed is lost.`,
    nested: { reason },
  };
}

export async function sendCommand(
  client: ApiClient,
  meetingId: string,
  command: PublicCommand,
  hooks: SendHooks,
): Promise<SendOutcome> {
  const body = { ...command, id: crypto.randomUUID() };
  for (let attempt = 0; attempt < hooks.attempts; attempt++) {
    let waitMs = Math.min(8_000, 500 * 2 ** attempt);
    let reason: Said;
    try {
      const result = await client.command(meetingId, body);
      if (result.kind === 'view') {
        hooks.onView(result.view);
        hooks.onProblem(null);
        return { ok: true };
      }
      const { problem } = result;
      if (problem.view) hooks.onView(problem.view);
      if (problem.status !== 429 && problem.status < 500)
        return { ok: false, message: saidOfProblem(problem), retrying: false };
      waitMs = (problem.retryAfter ?? waitMs / 1000) * 1000;
      reason = saidOfProblem(problem);
    } catch (error) {
      if (error instanceof SignInError) {
        hooks.onSignInLost(error);
        return { ok: false, message: error.message, retrying: false };
      }
      if (!(error instanceof NetworkError)) throw error;
      reason = UNREACHABLE_NOW;
    }
    if (attempt === hooks.attempts - 1) {
      hooks.onProblem(reason === UNREACHABLE_NOW ? UNREACHABLE : reason);
      break;
    }
    hooks.onProblem(retrying(reason, waitMs));
    await hooks.sleep(waitMs);
  }
  return {
    ok: false,
    message: {
      key: 'send.gaveUp',
      english: 'Roundtable could not be reached. What you typed is kept; try again in a moment.',
    },
    retrying: false,
  };
}
