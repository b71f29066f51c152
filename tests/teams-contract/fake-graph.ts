// A local server playing Entra ID's token endpoint and the Graph online-meeting artefact APIs
// (attendance reports, transcripts), in the shapes fake-graph-fixtures.ts names. Requests that do
// not match the documented shape are refused with 400 and recorded in `violations`; the tenant's
// switches produce the documented refusals (403 codes, 402, 404 before the report exists).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  attendanceRecord,
  GRAPH_ERRORS,
  GRAPH_MEETING_ID,
  GRAPH_TENANT,
  listedReport,
  listedTranscript,
  ORGANISER_OID,
  type FakeReport,
  type FakeTranscript,
} from './fake-graph-fixtures.js';

export const CLIENT_ID = '5a1b2c3d-0000-4000-8000-00000000b07a';
export const CLIENT_SECRET = 'fake-graph-client-secret';

/** How the tenant and the meeting answer. */
export interface GraphWorld {
  reports: FakeReport[];
  transcripts: FakeTranscript[];
  /** Graph access to transcripts (EnableGraphTranscriptAccess); off by default in Teams. */
  transcriptAccess: boolean;
  /** Speaker attribution through Graph (EnableAttributedTranscripts); off by default in Teams. */
  attribution: boolean;
  /** False: no application access policy and no RSC grant for this meeting. */
  permitted: boolean;
  /** False: the metered transcript content answers 402. */
  billed: boolean;
  /** Answers 429 with this Retry-After to the next N Graph calls. */
  throttleNext: number;
}

export interface GraphRequest {
  readonly path: string;
  readonly accept: string | undefined;
}

export interface FakeGraph {
  readonly loginHost: string;
  readonly graphHost: string;
  readonly world: GraphWorld;
  readonly requests: GraphRequest[];
  readonly tokenRequests: URLSearchParams[];
  readonly violations: string[];
  close(): Promise<void>;
}

export async function startFakeGraph(world: Partial<GraphWorld> = {}): Promise<FakeGraph> {
  const state: GraphWorld = {
    reports: [],
    transcripts: [],
    transcriptAccess: true,
    attribution: true,
    permitted: true,
    billed: true,
    throttleNext: 0,
    ...world,
  };
  const issued = new Set<string>();
  const requests: GraphRequest[] = [];
  const tokenRequests: URLSearchParams[] = [];
  const violations: string[] = [];
  const server = createServer((request, response) => {
    void handle(request, response).catch(() => {
      send(response, 500, { error: 'fake failed' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const graphHost = `${origin}/graph`;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    const refuse = (why: string) => {
      violations.push(why);
      send(response, 400, { error: { code: 'BadRequest', message: why } });
    };
    const token = /^\/login\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
    if (token !== null) {
      // graph-api auth-v2-service.md: a form POST to the tenant's endpoint, client credentials.
      if (request.method !== 'POST') {
        refuse('token: not a POST');
        return;
      }
      if (request.headers['content-type'] !== 'application/x-www-form-urlencoded') {
        refuse('token: not a form');
        return;
      }
      const form = new URLSearchParams(await bodyOf(request));
      tokenRequests.push(form);
      if (decodeURIComponent(token[1] ?? '') !== GRAPH_TENANT) {
        refuse('token: wrong tenant');
        return;
      }
      if (form.get('grant_type') !== 'client_credentials') {
        refuse('token: grant_type');
        return;
      }
      if (form.get('scope') !== `${graphHost}/.default`) {
        refuse('token: scope');
        return;
      }
      if (form.get('client_id') !== CLIENT_ID || form.get('client_secret') !== CLIENT_SECRET) {
        send(response, 401, { error: 'invalid_client' });
        return;
      }
      const accessToken = `graph-token-${issued.size + 1}`;
      issued.add(accessToken);
      send(response, 200, {
        token_type: 'Bearer',
        expires_in: 3599,
        access_token: accessToken,
      });
      return;
    }
    if (request.method !== 'GET') {
      refuse(`${request.method ?? '?'}: only GET is read`);
      return;
    }
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    // Standard Graph behaviour: no valid bearer token, no answer.
    if (bearer === undefined || !issued.has(bearer)) {
      send(response, 401, { error: { code: 'InvalidAuthenticationToken', message: 'no' } });
      return;
    }
    const meeting = `/graph/v1.0/users/${ORGANISER_OID}/onlineMeetings/${GRAPH_MEETING_ID}`;
    // A nextLink names the meeting in OData key syntax (onlinemeeting-list-transcripts, paging).
    const keyed = `/graph/v1.0/users('${ORGANISER_OID}')/onlineMeetings('${GRAPH_MEETING_ID}')`;
    if (url.pathname.startsWith(keyed)) url.pathname = meeting + url.pathname.slice(keyed.length);
    if (!url.pathname.startsWith(meeting)) {
      refuse(`unknown path ${url.pathname}`);
      return;
    }
    const rest = url.pathname.slice(meeting.length);
    const accept = request.headers.accept;
    requests.push({ path: rest + url.search, accept });
    if (state.throttleNext > 0) {
      state.throttleNext -= 1;
      response.setHeader('retry-after', '1');
      send(response, 429, { error: { code: 'TooManyRequests', message: 'slow down' } });
      return;
    }
    if (!state.permitted) {
      send(response, 403, GRAPH_ERRORS.noAccessPolicy);
      return;
    }
    if (rest === '/attendanceReports') {
      // Reports exist "only … when the meeting ends"; before that the list is empty (our choice).
      send(response, 200, {
        '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${ORGANISER_OID}')/onlineMeetings('${GRAPH_MEETING_ID}')/attendanceReports`,
        value: state.reports.map(listedReport),
      });
      return;
    }
    const report = /^\/attendanceReports\/([^/]+)$/.exec(rest);
    if (report !== null) {
      const found = state.reports.find((r) => r.id === decodeURIComponent(report[1] ?? ''));
      if (found === undefined) {
        send(response, 404, { error: { code: 'NotFound' } });
        return;
      }
      // meetingattendancereport-get.md: records only with $expand=attendanceRecords.
      const expand = url.searchParams.get('$expand') === 'attendanceRecords';
      send(response, 200, {
        ...listedReport(found),
        attendanceRecords: expand ? found.attendees.map(attendanceRecord) : [],
      });
      return;
    }
    if (rest.startsWith('/transcripts') && !state.transcriptAccess) {
      send(response, 403, GRAPH_ERRORS.transcriptsOff);
      return;
    }
    if (rest === '/transcripts') {
      const path = `users('${ORGANISER_OID}')/onlineMeetings('${GRAPH_MEETING_ID}')`;
      // "Default page limit is 10" with `@odata.nextLink` and `$skiptoken` (api-transcripts.md).
      const skip = Number(
        Buffer.from(url.searchParams.get('$skiptoken') ?? '', 'base64').toString() || 0,
      );
      const page = state.transcripts.slice(skip, skip + 10);
      const more = skip + 10 < state.transcripts.length;
      const token = Buffer.from(String(skip + 10)).toString('base64');
      send(response, 200, {
        '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#${path}/transcripts`,
        '@odata.count': state.transcripts.length,
        value: page.map((t) => listedTranscript(t, path)),
        ...(more
          ? {
              '@odata.nextLink': `https://graph.microsoft.com/v1.0/${path}/transcripts?$skiptoken=${encodeURIComponent(token)}`,
            }
          : {}),
      });
      return;
    }
    const content = /^\/transcripts\/([^/]+)\/content$/.exec(rest);
    if (content !== null) {
      const found = state.transcripts.find((t) => t.id === decodeURIComponent(content[1] ?? ''));
      if (found === undefined) {
        send(response, 404, { error: { code: 'NotFound' } });
        return;
      }
      // calltranscript-get.md: `$format` wins over Accept; without either, 400 "Invalid format".
      const format = url.searchParams.get('$format') ?? accept;
      if (format !== 'text/vtt') {
        violations.push(`content asked as ${format ?? 'nothing'}`);
        send(response, 400, GRAPH_ERRORS.invalidFormat);
        return;
      }
      if (!state.attribution) {
        send(response, 403, GRAPH_ERRORS.attributionOff);
        return;
      }
      if (!state.billed) {
        send(response, 402, GRAPH_ERRORS.notBilled);
        return;
      }
      response.writeHead(200, { 'content-type': 'text/vtt' });
      return void response.end(found.vtt);
    }
    refuse(`unknown path ${url.pathname}`);
  }

  return {
    loginHost: `${origin}/login`,
    graphHost,
    world: state,
    requests,
    tokenRequests,
    violations,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
