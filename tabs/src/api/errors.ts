// The two ways a call can fail before the API's answer means anything.
/** The network failed before any answer arrived. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

/**
 * No token to send (Teams refused one: `cause` says why), or the API refused a fresh one
 * (`apiRefused`). Retrying cannot help until the person acts, so callers stop and say so.
 */
export class SignInError extends Error {
  override readonly name = 'SignInError';

  constructor(
    message: string,
    options: { readonly cause?: unknown; readonly apiRefused?: boolean } = {},
  ) {
    super(message, { cause: options.cause });
    this.apiRefused = options.apiRefused ?? false;
  }

  readonly apiRefused: boolean;
}
