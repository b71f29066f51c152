// Simulated people talking to the built API over HTTP the way the side panel does: every command
// gets one id, and an answer that says "try again" (503, 429, no answer at all) is retried under
// that same id until the API gives a real answer. Everything unexpected is written down.
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { CommandBody, ParticipantView, PublicCommand, Role } from '@roundtable/core';

export interface Person {
  readonly name: string;
  readonly role: Role;
  readonly token: string;
  /** The newest view this person received. */
  view: ParticipantView;
}

/** What the API finally answered for one command id. */
export interface Settled {
  readonly person: Person;
  readonly body: CommandBody;
  readonly status: number;
  /** Null for answers that are not a decision (unexpected statuses, or no answer before the end). */
  readonly outcome: { ok: true; version: number } | { ok: false; code: string } | null;
  readonly attempts: number;
}

export interface Tally {
  sent: number;
  attempts: number;
  retried: number;
  accepted: number;
  refused: number;
  unavailable: number;
  rateLimited: number;
  noAnswer: number;
  slowestMs: number;
  /** Anything that breaks a rule: 5xx other than 503, a 503 without Retry-After, a hang. */
  readonly problems: string[];
}

export interface HttpPeopleOptions {
  readonly base: string;
  readonly meetingId: string;
  /** An answer taking longer than this is a hang (a problem) and the attempt is abandoned. */
  readonly answerBoundMs: number;
}

export class HttpPeople {
  readonly tally: Tally = {
    sent: 0,
    attempts: 0,
    retried: 0,
    accepted: 0,
    refused: 0,
    unavailable: 0,
    rateLimited: 0,
    noAnswer: 0,
    slowestMs: 0,
    problems: [],
  };
  readonly settled: Settled[] = [];
  /** Commands keep being retried until this time (ms since epoch), then count as unanswered. */
  giveUpAt = Infinity;

  constructor(private readonly options: HttpPeopleOptions) {}

  private get meetingPath(): string {
    return `${this.options.base}/api/meetings/${encodeURIComponent(this.options.meetingId)}`;
  }

  async person(name: string, role: Role): Promise<Person> {
    const response = await fetch(`${this.options.base}/api/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, role }),
    });
    const { token } = (await response.json()) as { token: string };
    const view = await this.read(token);
    return { name, role, token, view };
  }

  /** The caller's view, read once (throws on anything but 200). */
  async read(token: string): Promise<ParticipantView> {
    const response = await fetch(this.meetingPath, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.status !== 200)
      throw new Error(`Reading the view answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as ParticipantView;
  }

  /** Sends one command under one id until the API decides it (or until `giveUpAt`). */
  async send(person: Person, command: PublicCommand): Promise<Settled> {
    const body = { ...command, id: randomUUID() } as CommandBody;
    this.tally.sent += 1;
    let attempts = 0;
    for (;;) {
      if (attempts > 0) this.tally.retried += 1;
      attempts += 1;
      this.tally.attempts += 1;
      const answer = await this.attempt(person, body);
      if (answer.kind === 'decided') {
        const settled = { person, body, status: answer.status, outcome: answer.outcome, attempts };
        this.settled.push(settled);
        return settled;
      }
      if (Date.now() > this.giveUpAt) {
        this.tally.problems.push(`${body.type} ${body.id} was never answered`);
        const settled = { person, body, status: 0, outcome: null, attempts };
        this.settled.push(settled);
        return settled;
      }
      await delay(answer.waitMs);
    }
  }

  private async attempt(
    person: Person,
    body: CommandBody,
  ): Promise<
    | { kind: 'decided'; status: number; outcome: Settled['outcome'] }
    | { kind: 'again'; waitMs: number }
  > {
    const started = Date.now();
    let response: Response;
    try {
      response = await fetch(`${this.meetingPath}/commands`, {
        method: 'POST',
        headers: { authorization: `Bearer ${person.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.answerBoundMs),
      });
    } catch (error) {
      const name = error instanceof Error ? error.name : typeof error;
      if (name === 'TimeoutError' || name === 'AbortError') {
        this.tally.problems.push(
          `${body.type} hung for more than ${this.options.answerBoundMs} ms`,
        );
      }
      this.tally.noAnswer += 1;
      return { kind: 'again', waitMs: 500 };
    }
    const text = await response.text();
    this.tally.slowestMs = Math.max(this.tally.slowestMs, Date.now() - started);
    const status = response.status;
    if (status === 200) {
      const view = JSON.parse(text) as ParticipantView;
      this.adopt(person, view);
      this.tally.accepted += 1;
      return { kind: 'decided', status, outcome: { ok: true, version: view.version } };
    }
    const problem = parseProblem(text);
    if (status === 409 || status === 403) {
      if (problem?.view !== undefined) this.adopt(person, problem.view);
      this.tally.refused += 1;
      return { kind: 'decided', status, outcome: { ok: false, code: problem?.code ?? '?' } };
    }
    if (status === 503 || status === 429) {
      const retryAfter = response.headers.get('retry-after') ?? '';
      const contentType = response.headers.get('content-type') ?? '';
      if (!/^\d+$/.test(retryAfter) || Number(retryAfter) < 1)
        this.tally.problems.push(`${status} without a usable Retry-After (${retryAfter})`);
      if (!contentType.startsWith('application/problem+json') || problem === null)
        this.tally.problems.push(`${status} without a problem+json body: ${text.slice(0, 200)}`);
      else if (problem.status !== status || problem.detail.trim() === '')
        this.tally.problems.push(`${status} problem without status or detail: ${text}`);
      if (status === 503) this.tally.unavailable += 1;
      else this.tally.rateLimited += 1;
      return { kind: 'again', waitMs: Math.max(1, Number(retryAfter) || 1) * 1000 };
    }
    this.tally.problems.push(`${body.type} answered ${status}: ${text.slice(0, 300)}`);
    return { kind: 'decided', status, outcome: null };
  }

  private adopt(person: Person, view: ParticipantView): void {
    if (view.version >= person.view.version) person.view = view;
  }
}

interface ProblemBody {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly code?: string;
  readonly view?: ParticipantView;
}

function parseProblem(text: string): ProblemBody | null {
  try {
    const body = JSON.parse(text) as Partial<ProblemBody>;
    return typeof body.status === 'number' &&
      typeof body.title === 'string' &&
      typeof body.detail === 'string'
      ? (body as ProblemBody)
      : null;
  } catch {
    return null;
  }
}
