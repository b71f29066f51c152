// Local mode only: simulated people sign in through the local API's /api/dev/token.
import type { Role } from '@roundtable/core';
import { ApiClient } from '../api/client.js';
import { API_BASE_URL } from '../build-settings.js';
import { NetworkError } from '../api/errors.js';

export interface SimulatedPerson {
  readonly name: string;
  readonly role: Role;
}

export async function signInAs(person: SimulatedPerson, baseUrl = API_BASE_URL): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/api/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(person),
    });
  } catch (error) {
    // Like any call the API did not answer: the panel says so and tries again.
    throw new NetworkError('The local API cannot be reached. Is `npm start` running?', {
      cause: error,
    });
  }
  const body = (await response.json()) as { token?: string; detail?: string };
  if (!response.ok || body.token === undefined) {
    throw new Error(
      body.detail ?? 'The local API did not sign this person in. Is `npm start` running?',
    );
  }
  return body.token;
}

/** An API client for one simulated person; the token is fetched once and reused. */
export function clientFor(person: SimulatedPerson, baseUrl = API_BASE_URL): ApiClient {
  let token: Promise<string> | undefined;
  return new ApiClient(baseUrl, (fresh) => {
    if (fresh) token = undefined;
    token ??= signInAs(person, baseUrl).catch((error: unknown) => {
      token = undefined;
      throw error;
    });
    return token;
  });
}

/** The meeting a standalone page joins: `?meeting=` or a shared default. */
export function meetingFromUrl(fallback: string): string {
  return new URLSearchParams(window.location.search).get('meeting') ?? fallback;
}
