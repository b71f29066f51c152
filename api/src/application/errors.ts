// Failures the application reports; the HTTP layer maps each to one status code.

/** The token is missing, malformed, expired, or not for this API (401). */
export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
}

/** A genuine sign-in from an organisation this deployment does not serve (403, not 401). */
export class TenantNotAllowedError extends Error {
  override readonly name = 'TenantNotAllowedError';
  constructor() {
    super(
      'Your organisation is not one this Roundtable deployment serves. Ask whoever runs Roundtable for your organisation.',
    );
  }
}

/**
 * A genuine Bot Framework token that does not vouch for this activity: its key is not endorsed for
 * Teams, or it was minted for another serviceUrl (403, as the Bot Framework documents).
 */
export class NotFromTeamsError extends Error {
  override readonly name = 'NotFromTeamsError';
}

/** The caller is not a participant of this meeting (403). */
export class NotParticipantError extends Error {
  override readonly name = 'NotParticipantError';
}

/** Teams answers that Roundtable is not added to this meeting (or is blocked there) (403). */
export class AppNotInstalledError extends Error {
  override readonly name = 'AppNotInstalledError';
  constructor() {
    super(
      'Roundtable is not added to this meeting. Ask the organiser to add Roundtable to the meeting, then open it again.',
    );
  }
}

/** Teams no longer knows the meeting: it has expired (404 from the meeting APIs). */
export class MeetingExpiredError extends Error {
  override readonly name = 'MeetingExpiredError';
  constructor() {
    super(
      'Teams no longer knows this meeting: it has expired. Its organiser can still read and erase its summaries.',
    );
  }
}

/** The caller has left the meeting: they may look, but not act (403). */
export class NotInMeetingError extends Error {
  override readonly name = 'NotInMeetingError';
  constructor() {
    super('You are not in the meeting right now. Join the meeting in Teams to take part.');
  }
}

/** Only a meeting's organisers may read, export or erase its summaries (403). */
export class NotOrganiserError extends Error {
  override readonly name = 'NotOrganiserError';
  constructor() {
    super(
      'Summaries are for the organisers of the session they describe. Ask the organiser if you need one.',
    );
  }
}

/** The session is running, or its summary is still being built (409). */
export class SummaryNotReadyError extends Error {
  override readonly name = 'SummaryNotReadyError';
  constructor() {
    super('The summary is ready a few moments after the session ends.');
  }
}

/** No summary the caller may read (404). */
export class SummaryNotFoundError extends Error {
  override readonly name = 'SummaryNotFoundError';
  constructor(named: boolean) {
    super(
      named
        ? 'There is no summary of that session for you: it was erased, it has expired, someone else organised it, or nothing happened in it.'
        : 'There is no summary here for you yet. One is kept when a session in which people used Roundtable ends; erased and expired ones are gone.',
    );
  }
}

/** Storage, the role directory or another dependency cannot be reached now (503). */
/** What did not answer, in words the person waiting can use. */
const DEPENDENCIES = {
  storage: 'Roundtable cannot reach its storage right now.',
  teams: 'Roundtable cannot reach Microsoft Teams right now.',
  'sign-in': 'Roundtable cannot check sign-ins right now.',
  live: 'Live updates cannot be set up right now.',
  busy: 'This meeting is very busy right now.',
} as const;

export type Dependency = keyof typeof DEPENDENCIES;

/**
 * Something Roundtable depends on did not answer (503 with Retry-After). The message is for the
 * operator's log (status codes, error codes, never secrets or request data); people get `advice`.
 */
export class DependencyUnavailableError extends Error {
  override readonly name = 'DependencyUnavailableError';
  constructor(
    readonly dependency: Dependency,
    message: string,
    readonly retryAfterSeconds = 2,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }

  get advice(): string {
    return `${DEPENDENCIES[this.dependency]} Try again in ${this.retryAfterSeconds} s; nothing you sent is lost.`;
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
  constructor(
    readonly retryAfterSeconds: number,
    what = 'commands',
  ) {
    super(`You are sending ${what} faster than Roundtable accepts; wait ${retryAfterSeconds} s.`);
  }
}
