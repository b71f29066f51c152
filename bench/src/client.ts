// Simulated people talking to the API over real HTTP (node:http: cheaper per request than fetch,
// which matters when one process plays a thousand people on a small machine).
import { randomUUID } from 'node:crypto';
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import type { ParticipantView, PublicCommand, Role } from '@roundtable/core';
import { mapLimit, now, sleep } from './stats.js';

/** One pool for every simulated person: enough sockets that nobody waits for a free one. */
const agent = new Agent({ keepAlive: true, maxSockets: 4_000 });

export interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/**
 * Requests resent because a kept-alive connection had just been closed by the server as the
 * request went out. Browsers resend these silently; so does this client, and counts them here.
 */
export const resends = { staleConnection: 0 };

export function call(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; timeoutMs?: number; agent?: Agent } = {},
): Promise<Reply> {
  return send(base, method, path, options).catch((error: unknown) => {
    if (!(error instanceof StaleConnectionError)) throw error;
    resends.staleConnection += 1;
    return send(base, method, path, options);
  });
}

class StaleConnectionError extends Error {}

function send(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; timeoutMs?: number; agent?: Agent },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers: Record<string, string> = {};
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    const pool = options.agent ?? agent;
    let answered = false;
    const outgoing = request(`${base}${path}`, { method, headers, agent: pool }, (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
      });
      response.on('error', reject);
    });
    outgoing.setTimeout(options.timeoutMs ?? 20_000, () => {
      outgoing.destroy(new Error('timed out'));
    });
    outgoing.on('error', (error: Error & { code?: string }) => {
      const stale =
        outgoing.reusedSocket && !answered && ['ECONNRESET', 'EPIPE'].includes(error.code ?? '');
      reject(stale ? new StaleConnectionError(error.message) : error);
    });
    outgoing.end(payload);
  });
}

export interface Person {
  readonly name: string;
  readonly role: Role;
  readonly token: string;
}

export async function signIn(base: string, name: string, role: Role): Promise<Person> {
  const reply = await call(base, 'POST', '/api/dev/token', { body: { name, role } });
  if (reply.status !== 200) throw new Error(`Sign-in answered ${reply.status}: ${reply.body}`);
  return { name, role, token: (JSON.parse(reply.body) as { token: string }).token };
}

export function signInAll(
  base: string,
  people: readonly { name: string; role: Role }[],
): Promise<Person[]> {
  return mapLimit(people, 16, (person) => signIn(base, person.name, person.role));
}

const meetingPath = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;

/**
 * Opens the meeting as this person and returns their view once they are in its session: an
 * organiser's first command opens the session (a read opens nothing); everyone else's first read
 * after that records their arrival.
 */
export async function open(base: string, meetingId: string, person: Person) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const reply = await call(base, 'GET', meetingPath(meetingId), { token: person.token });
    if (reply.status !== 200) throw new Error(`Opening the meeting answered ${reply.status}.`);
    const view = JSON.parse(reply.body) as ParticipantView;
    if (view.you.participantId !== '') return view;
    if (person.role === 'organizer') {
      const opened = await command(base, meetingId, person, { type: 'unlock' });
      if (opened.status !== 200) throw new Error(`Opening the session answered ${opened.status}.`);
    } else {
      await sleep(50);
    }
  }
  throw new Error('The session did not open within 10 s: is its organiser opening it?');
}

/** The live stream's URL for this person (a signed ticket, as the side panel gets it). */
export async function liveUrl(base: string, meetingId: string, person: Person): Promise<string> {
  const reply = await call(base, 'GET', `${meetingPath(meetingId)}/live`, { token: person.token });
  if (reply.status !== 200) throw new Error(`/live answered ${reply.status}.`);
  return (JSON.parse(reply.body) as { url: string }).url;
}

export interface Sent {
  /** Answered 200 (applied) or 403/409 (refused by a rule): the API did its job. */
  readonly answered: boolean;
  readonly refused: boolean;
  readonly status: number;
  readonly attempts: number;
  /** Attempts that met a 5xx, a 429, a timeout or a broken connection. */
  readonly errors: number;
  /** What each failed attempt met: "503", "429", "ECONNRESET", … */
  readonly problems: readonly string[];
  /** From the first attempt to the final answer, retries and waits included. */
  readonly latencyMs: number;
  /** When the first attempt went out (performance.now()). */
  readonly startedAt: number;
  /** The public version the answer shows, from its ETag (no need to parse the view). */
  readonly version: number | null;
  /** The view the answer holds, parsed when first read. */
  readonly view: ParticipantView | null;
}

/**
 * The answer's view, parsed only if someone reads it: in a meeting of 1 000 a view is tens of
 * kilobytes, and one process parsing a thousand people's answers would crowd out the API it
 * measures on a small machine (real panels parse their own, elsewhere).
 */
function lazyView(status: number, body: string): () => ParticipantView | null {
  let parsed: ParticipantView | null | undefined;
  return () => {
    if (parsed === undefined) {
      const json = JSON.parse(body) as ParticipantView & { view?: ParticipantView };
      parsed = status === 200 ? json : (json.view ?? null);
    }
    return parsed;
  };
}

/** The public version from an ETag `"{version}.{digest}"`. */
function etagVersion(etag: string | undefined): number | null {
  const version = Number(/^(?:W\/)?"(\d+)\./.exec(etag ?? '')?.[1] ?? Number.NaN);
  return Number.isInteger(version) ? version : null;
}

const MAX_ATTEMPTS = 4;

/**
 * Sends one command as the side panel does: one id for every attempt, a retry after a 5xx, a 429
 * or a network failure (after Retry-After when given), at most four attempts.
 */
export async function command(
  base: string,
  meetingId: string,
  person: Person,
  body: PublicCommand,
  pool?: Agent,
): Promise<Sent> {
  const started = now();
  const withId = { ...body, id: randomUUID() };
  const problems: string[] = [];
  let status = 0;
  let attempts = 0;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    let wait = 100 * attempt;
    try {
      const reply = await call(base, 'POST', `${meetingPath(meetingId)}/commands`, {
        token: person.token,
        body: withId,
        ...(pool === undefined ? {} : { agent: pool }),
      });
      status = reply.status;
      if (status === 200 || status === 403 || status === 409) {
        const latencyMs = now() - started;
        const view = lazyView(status, reply.body);
        return {
          answered: true,
          refused: status !== 200,
          status,
          attempts: attempt,
          errors: problems.length,
          problems,
          latencyMs,
          startedAt: started,
          version: status === 200 ? etagVersion(reply.headers.etag) : null,
          get view() {
            return view();
          },
        };
      }
      // Any other 4xx is the benchmark's own mistake: retrying would not help.
      if (status < 500 && status !== 429) {
        problems.push(String(status));
        attempts = attempt;
        break;
      }
      problems.push(String(status));
      const retryAfter = Number(reply.headers['retry-after'] ?? Number.NaN);
      if (Number.isFinite(retryAfter)) wait = retryAfter * 1000;
    } catch (error) {
      status = 0;
      problems.push((error as { code?: string }).code ?? (error as Error).message);
    }
    attempts = attempt;
    if (attempt < MAX_ATTEMPTS) await sleep(wait);
  }
  return {
    answered: false,
    refused: false,
    status,
    attempts,
    errors: problems.length,
    problems,
    latencyMs: now() - started,
    startedAt: started,
    version: null,
    view: null,
  };
}
