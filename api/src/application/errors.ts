// Failures the application reports; the HTTP layer maps each to one status code.

/** The token is missing, malformed, expired, or not for this API (401). */
export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
}

/** The caller is not a participant of this meeting (403). */
export class NotParticipantError extends Error {
  override readonly name = 'NotParticipantError';
}

/** Storage, the role directory or another dependency cannot be reached now (503). */
export class DependencyUnavailableError extends Error {
  override readonly name = 'DependencyUnavailableError';
  constructor(
    message: string,
    readonly retryAfterSeconds = 2,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Someone else committed to the meeting first (ETag mismatch or concurrent create). */
export class StoreConflictError extends Error {
  override readonly name = 'StoreConflictError';
}

/** A command id in the commit was stored before; the commit wrote nothing. */
export class DuplicateCommandError extends Error {
  override readonly name = 'DuplicateCommandError';
  constructor(readonly commandIds: readonly string[] = []) {
    super('A command id in this commit was already stored.');
  }
}

/** The person sent too many commands too fast (429). */
export class RateLimitedError extends Error {
  override readonly name = 'RateLimitedError';
  constructor(readonly retryAfterSeconds: number) {
    super(`You are sending commands faster than Roundtable accepts; wait ${retryAfterSeconds} s.`);
  }
}
