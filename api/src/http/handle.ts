// Wraps every handler: known failures become problem responses; nothing personal is logged.
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { DomainError } from '@roundtable/core';
import { bearerToken } from '../adapters/jwt-token-verifier.js';
import { TooManyStreamsError } from '../adapters/local/sse-hub.js';
import {
  AppNotInstalledError,
  AuthenticationError,
  DependencyUnavailableError,
  MeetingExpiredError,
  NotFromTeamsError,
  NotInMeetingError,
  NotOrganiserError,
  NotParticipantError,
  RateLimitedError,
  SummaryNotFoundError,
  SummaryNotReadyError,
  TenantNotAllowedError,
} from '../application/errors.js';
import type { Caller } from '../application/ports.js';
import type { Services } from '../services.js';
import { ConfigError } from '../config.js';
import { HttpProblem, problem } from './responses.js';

export type HttpHandler = (
  request: HttpRequest,
  context: InvocationContext,
) => Promise<HttpResponseInit>;

export function handled(work: HttpHandler): HttpHandler {
  return async (request, context) => {
    try {
      return await work(request, context);
    } catch (error) {
      return toProblem(error, context);
    }
  };
}

/** The caller a valid token names, within their request budget. */
export async function authenticate(services: Services, request: HttpRequest): Promise<Caller> {
  const caller = await services.verifier.verify(bearerToken(request.headers.get('authorization')));
  const wait = services.callerLimiter.take(
    JSON.stringify([caller.tenantId, caller.userId]),
    services.clock(),
  );
  if (wait > 0) throw new RateLimitedError(wait, 'requests');
  return caller;
}

export function refused(
  error: DomainError,
  members: Record<string, unknown> = {},
): HttpResponseInit {
  const forbidden = error.category === 'forbidden';
  return problem(
    forbidden ? 403 : 409,
    forbidden ? 'Not allowed' : 'Not possible right now',
    error.message,
    {
      code: error.code,
      members,
    },
  );
}

function toProblem(error: unknown, context: InvocationContext): HttpResponseInit {
  if (error instanceof HttpProblem) return error.toResponse();
  if (error instanceof AuthenticationError) {
    return problem(401, 'Sign-in needed', error.message, {
      code: 'unauthenticated',
      headers: { 'www-authenticate': 'Bearer' },
    });
  }
  if (error instanceof NotParticipantError) {
    return problem(403, 'Not a participant', error.message, { code: 'not-participant' });
  }
  if (error instanceof TenantNotAllowedError) {
    return problem(403, 'Organisation not served here', error.message, {
      code: 'tenant-not-allowed',
    });
  }
  if (error instanceof NotFromTeamsError) {
    return problem(403, 'Not from Teams', error.message, { code: 'not-from-teams' });
  }
  if (error instanceof NotInMeetingError) {
    return problem(403, 'Not in the meeting', error.message, { code: 'not-in-meeting' });
  }
  if (error instanceof AppNotInstalledError) {
    return problem(403, 'Roundtable is not in this meeting', error.message, {
      code: 'app-not-installed',
    });
  }
  if (error instanceof MeetingExpiredError) {
    return problem(404, 'Meeting expired', error.message, { code: 'meeting-expired' });
  }
  if (error instanceof NotOrganiserError) {
    return problem(403, 'Not allowed', error.message, { code: 'not-organizer' });
  }
  if (error instanceof SummaryNotReadyError) {
    return problem(409, 'Not ready yet', error.message, { code: 'summary-not-ready' });
  }
  if (error instanceof SummaryNotFoundError) {
    return problem(404, 'No summary', error.message, { code: 'summary-not-found' });
  }
  if (error instanceof RateLimitedError) {
    return problem(429, 'Too many requests', error.message, {
      code: 'rate-limited',
      headers: { 'retry-after': String(error.retryAfterSeconds) },
    });
  }
  if (error instanceof TooManyStreamsError) {
    return problem(429, 'Too many live connections', error.message, {
      code: 'too-many-streams',
      headers: { 'retry-after': String(error.retryAfterSeconds) },
    });
  }
  if (error instanceof DependencyUnavailableError) {
    // The detail (a status or error code, never request data) is for the log, not the caller.
    context.warn(`${error.dependency} unavailable in ${context.functionName}: ${error.message}`);
    return problem(503, 'Temporarily unavailable', error.advice, {
      code: 'unavailable',
      // Which part is away, so a client can say it in its reader's language.
      members: { dependency: error.dependency },
      headers: { 'retry-after': String(error.retryAfterSeconds) },
    });
  }
  // A configuration error names settings, never their values, and says what to set: log it whole.
  if (error instanceof ConfigError) {
    context.error(`Roundtable is not configured: ${error.message}`);
    return problem(
      503,
      'Not configured',
      'Roundtable is not fully configured here yet. Tell whoever runs Roundtable for you.',
      { code: 'not-configured', headers: { 'retry-after': '300' } },
    );
  }
  // Only the kind of failure is logged: messages of unknown errors might carry request data.
  context.error(
    `Unhandled ${error instanceof Error ? error.name : typeof error} in ${context.functionName}`,
  );
  return problem(
    500,
    'Something went wrong',
    'Roundtable hit an unexpected error. Try again; if it keeps happening, tell whoever runs Roundtable for you.',
    { code: 'internal' },
  );
}
