// Reading requests defensively: size before parsing, JSON before schema, schema before use.
import type { HttpRequest } from '@azure/functions';
import type { z } from 'zod';
import { HttpProblem } from './responses.js';

export const MAX_BODY_BYTES = 16 * 1024;
const MAX_MEETING_ID_LENGTH = 512;
const LONE_SURROGATE = /\p{Cs}/u;

export async function readJsonBody(request: HttpRequest): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpProblem(
      415,
      'Unsupported media type',
      'Send the body as JSON with the header "Content-Type: application/json".',
    );
  }
  const bytes = await readLimited(request);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpProblem(400, 'Invalid body', 'The body is not valid UTF-8 text.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpProblem(400, 'Invalid body', 'The body is not valid JSON.');
  }
}

/**
 * Reads the body while counting, and stops at the limit: a body is never held whole before its size
 * is known (with streaming on, the host hands it over as it arrives, chunked or not).
 */
async function readLimited(request: HttpRequest): Promise<Uint8Array> {
  const stream = request.body as ReadableStream<Uint8Array> | null;
  if (stream === null) return new Uint8Array();
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(): HttpProblem {
  return new HttpProblem(
    413,
    'Body too large',
    `Request bodies are limited to ${MAX_BODY_BYTES / 1024} KiB; shorten the note or prompt text.`,
  );
}

/** Validates with a zod schema; the 400 names the first field at fault and why. */
export function parseWith<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = result.error.issues.slice(0, 10).map((issue) => ({
    field: issue.path.length === 0 ? '(body)' : issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = errors[0] ?? { field: '(body)', message: 'Invalid value.' };
  throw new HttpProblem(400, 'Invalid request', `${first.field}: ${first.message}`, {
    code: 'invalid-request',
    members: { errors },
  });
}

export function meetingIdFrom(request: HttpRequest): string {
  const meetingId = request.params.meetingId ?? '';
  if (meetingId.length === 0 || meetingId.length > MAX_MEETING_ID_LENGTH) {
    throw new HttpProblem(
      400,
      'Invalid meeting id',
      `The meeting id must be 1 to ${MAX_MEETING_ID_LENGTH} characters; open Roundtable from the meeting.`,
    );
  }
  // Half a surrogate pair is no text at all: it cannot be put back into a URL or a stored key.
  if (LONE_SURROGATE.test(meetingId)) {
    throw new HttpProblem(
      400,
      'Invalid meeting id',
      'The meeting id is not valid text; open Roundtable from the meeting.',
    );
  }
  return meetingId;
}

/** The optional `?session=` of a summary request: a whole number from 1. */
export function sessionFrom(request: HttpRequest): number | undefined {
  const text = request.query.get('session');
  if (text === null) return undefined;
  const session = Number(text);
  if (!/^[1-9][0-9]{0,8}$/.test(text) || !Number.isSafeInteger(session)) {
    throw new HttpProblem(
      400,
      'Invalid request',
      'session: give the session as a whole number from 1, or leave it out for the latest.',
      { code: 'invalid-request' },
    );
  }
  return session;
}
