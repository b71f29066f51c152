// The Roundtable API as the Teams browser tests meet it: answered inside the browser's network
// layer (route interception; nothing on the network), with the real domain core deciding every
// command and every answer checked against the contract's zod schemas, so the tab reads the
// documented shapes. Identity is the bearer token the emulated Teams issued; anything else is 401,
// as the real API answers a missing or invalid token.
import {
  decide,
  evolveAll,
  initialMeetingState,
  participantView,
  participantViewSchema,
  publicCommandSchema,
  publicView,
  recordsOf,
  summarize,
  type InclusionSummary,
  type MeetingCommand,
  type MeetingEvent,
  type MeetingState,
  type Role,
} from '@roundtable/core';

export interface Person {
  readonly oid: string;
  readonly name: string;
  readonly role: Role;
}

export interface ApiRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | null;
  readonly at: number;
}

export interface ApiAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

interface Meeting {
  state: MeetingState;
  events: MeetingEvent[];
  version: number;
  summary: InclusionSummary | null;
  /** When the ending job will have stored the summary. */
  summaryAt: number;
}

/** The token the emulated Teams hands out for a person; the fake API knows no other. */
export const tokenFor = (person: Person): string => `sso.${person.oid}`;

const problem = (status: number, detail: string, code?: string): ApiAnswer => ({
  status,
  body: { type: 'about:blank', title: 'Problem', status, detail, ...(code ? { code } : {}) },
  headers: { 'content-type': 'application/problem+json' },
});

export class FakeApi {
  readonly requests: ApiRequest[] = [];
  /** How /live answers: a Web PubSub URL (live) or a refusal (the tab polls). */
  live: 'webpubsub' | 'refused' = 'webpubsub';
  /** How long the ending job takes to store a summary after the session ends. */
  endingJobMs = 6_000;
  /** Told after every accepted command, with the meeting's public view (live updates). */
  readonly listeners = new Set<(meetingId: string, view: unknown) => void>();
  private readonly meetings = new Map<string, Meeting>();

  constructor(private readonly people: readonly Person[]) {}

  handle(
    method: string,
    path: string,
    authorization: string | null,
    body: string | null,
  ): ApiAnswer {
    this.requests.push({ method, path, authorization, at: Date.now() });
    const person = this.people.find((p) => authorization === `Bearer ${tokenFor(p)}`);
    if (person === undefined)
      return problem(401, 'Sign in through Teams to use Roundtable.', 'unauthenticated');
    const match = /^\/api\/meetings\/([^/]+)(\/[a-z]+)?$/.exec(path);
    if (match === null) return problem(404, 'No such route.');
    const meetingId = decodeURIComponent(match[1] ?? '');
    const route = match[2] ?? '';
    const meeting = this.arrive(meetingId, person);
    if (route === '' && method === 'GET') return this.view(meetingId, person);
    if (route === '/commands' && method === 'POST') {
      const parsed = publicCommandSchema.safeParse(JSON.parse(body ?? '{}'));
      if (!parsed.success) return problem(400, 'That command is not one Roundtable knows.');
      const refused = this.apply(meetingId, person.oid, parsed.data);
      return refused === null ? this.view(meetingId, person) : problem(409, refused, 'refused');
    }
    if (route === '/live' && method === 'GET') {
      if (this.live === 'refused') return problem(403, 'Live updates are off here.', 'live-ticket');
      return {
        status: 200,
        body: {
          transport: 'webpubsub',
          url: `wss://roundtable.webpubsub.azure.com/client/hubs/meetings?access_token=${person.oid}.${encodeURIComponent(meetingId)}`,
          expiresAt: Date.now() + 60 * 60_000,
        },
      };
    }
    // As api/README.md documents them: {session, summary}, and {sessions: [{session, summary}]}.
    if (route === '/summaries' && method === 'GET') {
      const { session } = meeting.state;
      const sessions = meeting.summary === null ? [] : [{ session, summary: meeting.summary }];
      return { status: 200, body: { sessions } };
    }
    if (route === '/summary' && method === 'GET') {
      if (meeting.summary !== null)
        return { status: 200, body: { session: meeting.state.session, summary: meeting.summary } };
      return problem(
        409,
        'The summary is ready a few moments after the session ends.',
        'summary-not-ready',
      );
    }
    return problem(404, 'No such route.');
  }

  /** Someone acts in a meeting outside the browser (another person's panel). */
  act(meetingId: string, person: Person, command: MeetingCommand): void {
    this.arrive(meetingId, person);
    const refused = this.apply(meetingId, person.oid, command);
    if (refused !== null) throw new Error(refused);
  }

  requestsSince(at: number): ApiRequest[] {
    return this.requests.filter((request) => request.at >= at);
  }

  private meeting(meetingId: string): Meeting {
    let meeting = this.meetings.get(meetingId);
    if (meeting === undefined) {
      meeting = {
        state: initialMeetingState(),
        events: [],
        version: 0,
        summary: null,
        summaryAt: 0,
      };
      this.meetings.set(meetingId, meeting);
    }
    return meeting;
  }

  private arrive(meetingId: string, person: Person): Meeting {
    const meeting = this.meeting(meetingId);
    if (meeting.state.participants[person.oid] === undefined)
      this.apply(meetingId, person.oid, {
        type: 'arrive',
        displayName: person.name,
        role: person.role,
      });
    return meeting;
  }

  private apply(meetingId: string, participantId: string, command: MeetingCommand): string | null {
    const meeting = this.meeting(meetingId);
    const decision = decide(command, meeting.state, {
      now: Date.now(),
      actor: { kind: 'participant', participantId },
      random: () => 0.5,
    });
    if (!decision.ok) return decision.error.message;
    meeting.state = evolveAll(meeting.state, decision.events);
    meeting.events.push(...decision.events);
    meeting.version += 1;
    if (meeting.state.phase === 'ended' && meeting.summary === null) {
      meeting.summary = summarize(recordsOf(meeting.events), { k: 3 });
      meeting.summaryAt = Date.now() + this.endingJobMs;
    }
    const view = publicView(meeting.state, { meetingId, version: meeting.version });
    for (const listener of this.listeners) listener(meetingId, view);
    return null;
  }

  private view(meetingId: string, person: Person): ApiAnswer {
    const meeting = this.meeting(meetingId);
    const view = participantView(
      meeting.state,
      { meetingId, version: meeting.version },
      person.oid,
    );
    // The documented shape, or the test fails here rather than in the tab.
    return {
      status: 200,
      body: participantViewSchema.parse(view),
      headers: { etag: `"${String(meeting.version)}"`, 'cache-control': 'private, no-cache' },
    };
  }
}
