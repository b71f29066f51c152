// How Table Storage failures become the application's errors (errors.ts).
import {
  DependencyUnavailableError,
  DuplicateCommandError,
  StoreConflictError,
} from '../../application/errors.js';
import type { MeetingCommit } from '../../application/ports.js';

const RETRY_AFTER_SECONDS = 2;

interface StorageFailure {
  /** Undefined when no response arrived (refused, reset, DNS). */
  readonly statusCode?: number;
  readonly code?: string;
  readonly message: string;
}

/** The SDK's RestError, recognised by shape: core-client may load its own copy of the class. */
function asStorageFailure(error: unknown): StorageFailure | null {
  return error instanceof Error && error.name === 'RestError' ? error : null;
}

function isNotFound(error: unknown): boolean {
  return asStorageFailure(error)?.statusCode === 404;
}

/** Storage could not be reached, timed out (our abort signal) or cannot serve requests now. */
function isUnavailable(error: unknown): boolean {
  if (error instanceof Error && error.name === 'AbortError') return true;
  const failure = asStorageFailure(error);
  if (failure === null) return false;
  const status = failure.statusCode;
  return status === undefined || status === 408 || status === 429 || status >= 500;
}

export function unavailable(cause: unknown): DependencyUnavailableError {
  return new DependencyUnavailableError(
    'storage',
    'Meeting storage cannot be reached right now.',
    RETRY_AFTER_SECONDS,
    { cause },
  );
}

/** The error to surface for a failed read or write that is not a commit conflict. */
export function storageError(error: unknown): unknown {
  return isUnavailable(error) ? unavailable(error) : error;
}

/**
 * The error to surface for a failed commit transaction. Actions are ordered state, commands,
 * records; the service starts a failed action's message with its index ("2:The specified entity
 * already exists."), which tells a repeated command apart from a concurrent create.
 */
export function commitError(error: unknown, commit: MeetingCommit): unknown {
  if (isUnavailable(error)) return unavailable(error);
  const failure = asStorageFailure(error);
  if (failure === null) return error;
  const conflict = new StoreConflictError('Someone else changed this meeting first.', {
    cause: error,
  });
  // 412: the ETag moved on. 404 on the state row: the meeting was erased since it was loaded.
  if (failure.statusCode === 412) return conflict;
  if (failure.statusCode === 404 && failure.code !== 'TableNotFound') return conflict;
  if (failure.statusCode !== 409) return error;

  const index = failedActionIndex(failure.message);
  if (index === null) {
    // Without an index, only an existing meeting can hold an earlier command id.
    return commit.expected === null ? conflict : new DuplicateCommandError();
  }
  const command = commit.commands[index - 1];
  if (command !== undefined) return new DuplicateCommandError([command.commandId]);
  // The state row (a concurrent create) or the records row of a version someone else wrote.
  return conflict;
}

function failedActionIndex(message: string): number | null {
  const match = /^(\d+):/.exec(message);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** The read's value, or null when the row (or table) does not exist. */
export async function unlessMissing<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
