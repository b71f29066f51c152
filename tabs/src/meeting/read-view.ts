// One read of the person's view, said as what the session should do about it.
import type { ParticipantView } from '@roundtable/core';
import type { ApiClient } from '../api/client.js';
import { NetworkError, SignInError } from '../api/errors.js';
import { saidOfProblem, type Said } from '../i18n/translator.js';

export type ReadOutcome =
  | { readonly kind: 'view'; readonly view: ParticipantView; readonly etag: string | null }
  | { readonly kind: 'unchanged' }
  /** Once a meeting is forgotten nobody has a view of it any more. */
  | { readonly kind: 'ended' }
  /** `connectionLost`: the failure says the live stream is most likely gone too. */
  | { readonly kind: 'problem'; readonly detail: Said; readonly connectionLost: boolean }
  | { readonly kind: 'signed-out'; readonly error: SignInError };

export async function readView(
  client: ApiClient,
  meetingId: string,
  etag: string | null,
): Promise<ReadOutcome> {
  try {
    const result = await client.view(meetingId, etag);
    if (result.kind !== 'problem') return result;
    const { problem } = result;
    if (problem.code === 'meeting-ended') return { kind: 'ended' };
    // The API itself saying that storage (or another dependency) is away is an answer: the API
    // is there, and so is the live stream, which keeps working once storage is back.
    const connectionLost = problem.status >= 500 && problem.code !== 'unavailable';
    return { kind: 'problem', detail: saidOfProblem(problem), connectionLost };
  } catch (error) {
    if (error instanceof SignInError) return { kind: 'signed-out', error };
    if (!(error instanceof NetworkError)) throw error;
    return {
      kind: 'problem',
      detail: {
        key: 'send.unreachable',
        english: 'Roundtable cannot be reached right now. Nothing you typed is lost.',
      },
      connectionLost: true,
    };
  }
}
