// The Roundtable API as the tab sees it: one attempt per call, typed results, problems as values.
import type { CommandBody, InclusionSummary, ParticipantView } from '@roundtable/core';
import { NetworkError, SignInError } from './errors.js';
import type { CommandResult, LiveAccess, OutboxCard, Problem, ViewResult } from './types.js';

export type { CommandResult, LiveAccess, OutboxCard, Problem, ViewResult } from './types.js';

interface RequestShape {
  readonly method?: string;
  readonly body?: string;
  readonly headers: Record<string, string>;
}

export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    /** `fresh` asks for a new token after the API refused the last one. */
    private readonly getToken: (fresh: boolean) => Promise<string>,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  async view(meetingId: string, etag: string | null = null): Promise<ViewResult> {
    const response = await this.request(`meetings/${encodeURIComponent(meetingId)}`, {
      headers: etag === null ? {} : { 'if-none-match': etag },
    });
    if (response.status === 304) return { kind: 'unchanged' };
    if (!response.ok) return { kind: 'problem', problem: await problemOf(response) };
    return {
      kind: 'view',
      view: (await response.json()) as ParticipantView,
      etag: response.headers.get('etag'),
    };
  }

  async command(meetingId: string, body: CommandBody): Promise<CommandResult> {
    const response = await this.request(`meetings/${encodeURIComponent(meetingId)}/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) return { kind: 'problem', problem: await problemOf(response) };
    return { kind: 'view', view: (await response.json()) as ParticipantView };
  }

  async live(meetingId: string): Promise<LiveAccess | Problem> {
    const response = await this.request(`meetings/${encodeURIComponent(meetingId)}/live`, {
      headers: {},
    });
    if (!response.ok) return problemOf(response);
    return (await response.json()) as LiveAccess;
  }

  /** The latest summary the caller organised in this meeting, else the problem the API gave. */
  async summary(
    meetingId: string,
  ): Promise<
    { kind: 'summary'; session: number; body: unknown } | { kind: 'problem'; problem: Problem }
  > {
    const response = await this.request(`meetings/${encodeURIComponent(meetingId)}/summary`, {
      headers: {},
    });
    if (!response.ok) return { kind: 'problem', problem: await problemOf(response) };
    const { session, summary } = (await response.json()) as { session: number; summary: unknown };
    return { kind: 'summary', session, body: summary };
  }

  /**
   * Every session of this meeting the caller organised, oldest first: a recurring meeting's
   * occurrences share one Teams meeting id. Null when not allowed.
   */
  async series(meetingId: string): Promise<InclusionSummary[] | null> {
    const response = await this.request(`meetings/${encodeURIComponent(meetingId)}/summaries`, {
      headers: {},
    });
    if (!response.ok) return null;
    const { sessions } = (await response.json()) as { sessions: { summary: InclusionSummary }[] };
    return sessions.map((entry) => entry.summary);
  }

  /**
   * Local mode only: hands the API an activity exactly as Teams would send it to the bot (a
   * meeting starting or ending, people joining or leaving). Resolves to the status it answered.
   */
  async teamsActivity(activity: Record<string, unknown>): Promise<number> {
    const response = await this.request('dev/activities', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    return response.status;
  }

  /** Local mode only: the cards that would have been sent to the organiser. */
  async outbox(meetingId: string): Promise<OutboxCard[]> {
    const response = await this.request(`dev/outbox?meetingId=${encodeURIComponent(meetingId)}`, {
      headers: {},
    });
    if (!response.ok) return [];
    return ((await response.json()) as { entries: OutboxCard[] }).entries;
  }

  private async request(path: string, init: RequestShape): Promise<Response> {
    const first = await this.send(path, init, await this.token(false));
    if (first.status !== 401) return first;
    // An expired or rotated token: ask for a fresh one once. Refused again, the sign-in itself
    // is the problem, and asking again and again would not change the answer.
    await first.body?.cancel();
    const second = await this.send(path, init, await this.token(true));
    if (second.status !== 401) return second;
    throw new SignInError((await problemOf(second)).detail, { apiRefused: true });
  }

  private async token(fresh: boolean): Promise<string> {
    try {
      return await this.getToken(fresh);
    } catch (error) {
      if (error instanceof NetworkError || error instanceof SignInError) throw error;
      throw new SignInError('Roundtable could not sign you in.', { cause: error });
    }
  }

  private async send(path: string, init: RequestShape, token: string): Promise<Response> {
    try {
      return await this.fetchImpl(`${this.baseUrl}/api/${path}`, {
        method: init.method ?? 'GET',
        headers: { ...init.headers, authorization: `Bearer ${token}` },
        ...(init.body === undefined ? {} : { body: init.body }),
      });
    } catch (error) {
      throw new NetworkError('Roundtable cannot be reached right now.', { cause: error });
    }
  }
}

async function problemOf(response: Response): Promise<Problem> {
  const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
  const base = { status: response.status, ...(Number.isFinite(retryAfter) ? { retryAfter } : {}) };
  try {
    const body = (await response.json()) as Partial<Problem>;
    return {
      ...base,
      title: body.title ?? response.statusText,
      detail: body.detail ?? 'Something went wrong; try again.',
      ...(body.code === undefined ? {} : { code: body.code }),
      ...(typeof body.dependency === 'string' ? { dependency: body.dependency } : {}),
      ...(body.view === undefined ? {} : { view: body.view }),
    };
  } catch {
    return {
      ...base,
      title: response.statusText,
      detail: 'Roundtable answered with an error; try again in a moment.',
    };
  }
}
