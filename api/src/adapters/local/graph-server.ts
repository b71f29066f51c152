// A loopback server playing Entra ID's token endpoint and the Graph online-meeting artefact APIs
// (attendance reports, transcripts) in the shapes graph-shapes.ts names: the local stand-in for
// Microsoft's cloud, and the tests' fake Graph. Requests that do not match the documented shape are
// refused with 400 and recorded in `violations`; the switches produce the documented refusals
// (403 codes, 402); a meeting it does not know answers 404, as Graph does.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TokenEndpoint } from './entra-token-endpoint.js';
import {
  attendanceRecord,
  GRAPH_ERRORS,
  listedReport,
  listedTranscript,
  type GraphMeetingIds,
  type GraphReport,
  type GraphTranscript,
} from './graph-shapes.js';

/** How the tenant answers: Teams' defaults are off for the first two, the last two are ours. */
export interface GraphSwitches {
  /** Graph access to transcripts (EnableGraphTranscriptAccess); off by default in Teams. */
  transcriptAccess: boolean;
  /** Speaker attribution through Graph (EnableAttributedTranscripts); off by default in Teams. */
  attribution: boolean;
  /** False: no application access policy and no RSC grant for this meeting. */
  permitted: boolean;
  /** False: the metered transcript content answers 402. */
  billed: boolean;
  /** Answers 429 (Retry-After: 1) to the next N Graph calls. */
  throttleNext: number;
}

export interface GraphArtefactsOf {
  readonly ids: GraphMeetingIds;
  readonly reports: readonly GraphReport[];
  readonly transcripts: readonly GraphTranscript[];
}

export interface GraphServerOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly switches: GraphSwitches;
  /** Whether the tenant's token endpoint answers (a tenant Entra knows). */
  readonly knowsTenant: (tenantId: string) => boolean;
  /** A meeting's artefacts as they are now, or null for a meeting Graph does not know. */
  readonly meeting: (organiserId: string, graphMeetingId: string) => GraphArtefactsOf | null;
}

export interface GraphRequest {
  readonly path: string;
  readonly accept: string | undefined;
}

export interface GraphServer {
  readonly loginHost: string;
  readonly graphHost: string;
  readonly requests: GraphRequest[];
  readonly tokenRequests: URLSearchParams[];
  readonly violations: string[];
  close(): Promise<void>;
}

// `/users/{id}/onlineMeetings/{id}` or, in a nextLink, the OData key syntax `users('…')/…('…')`.
const MEETING =
  /^\/graph\/v1\.0\/users(?:\/([^/]+)|\('([^']+)'\))\/onlineMeetings(?:\/([^/]+)|\('([^']+)'\))(\/.*)?$/;

export async function startGraphServer(options: GraphServerOptions): Promise<GraphServer> {
  const { switches } = options;
  const requests: GraphRequest[] = [];
  const violations: string[] = [];
  const server = createServer((request, response) => {
    void handle(request, response).catch(() => {
      send(response, 500, { error: { code: 'InternalServerError' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const graphHost = `${origin}/graph`;
  const entra = new TokenEndpoint({ ...options, scope: `${graphHost}/.default` });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<unknown> {
    const url = new URL(request.url ?? '/', origin);
    const refuse = (why: string) => {
      violations.push(why);
      return send(response, 400, { error: { code: 'BadRequest', message: why } });
    };
    const token = /^\/login\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
    if (token !== null) {
      const answer = await entra.answer(request, decodeURIComponent(token[1] ?? ''));
      return 'violation' in answer
        ? refuse(answer.violation)
        : send(response, answer.status, answer.body);
    }
    if (request.method !== 'GET') return refuse(`${request.method ?? '?'}: only GET is read`);
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    // Standard Graph behaviour: no valid bearer token, no answer.
    if (bearer === undefined || !entra.isIssued(bearer))
      return send(response, 401, { error: { code: 'InvalidAuthenticationToken', message: 'no' } });
    const path = MEETING.exec(url.pathname);
    if (path === null) return refuse(`unknown path ${url.pathname}`);
    const rest = path[5] ?? '';
    const accept = request.headers.accept;
    requests.push({ path: rest + url.search, accept });
    if (switches.throttleNext > 0) {
      switches.throttleNext -= 1;
      response.setHeader('retry-after', '1');
      return send(response, 429, { error: { code: 'TooManyRequests', message: 'slow down' } });
    }
    if (!switches.permitted) return send(response, 403, GRAPH_ERRORS.noAccessPolicy);
    const meeting = options.meeting(
      decodeURIComponent(path[1] ?? path[2] ?? ''),
      decodeURIComponent(path[3] ?? path[4] ?? ''),
    );
    if (meeting === null) return send(response, 404, { error: { code: 'NotFound' } });
    const { ids, reports, transcripts } = meeting;
    const keyed = `users('${ids.organiserId}')/onlineMeetings('${ids.graphMeetingId}')`;
    if (rest === '/attendanceReports') {
      // Reports exist "only … when the meeting ends"; before that the list is empty (our choice).
      return send(response, 200, {
        '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#${keyed}/attendanceReports`,
        value: reports.map(listedReport),
      });
    }
    const report = /^\/attendanceReports\/([^/]+)$/.exec(rest);
    if (report !== null) {
      const found = reports.find((r) => r.id === decodeURIComponent(report[1] ?? ''));
      if (found === undefined) return send(response, 404, { error: { code: 'NotFound' } });
      // meetingattendancereport-get.md: records only with $expand=attendanceRecords.
      const expand = url.searchParams.get('$expand') === 'attendanceRecords';
      return send(response, 200, {
        ...listedReport(found),
        attendanceRecords: expand ? found.attendees.map(attendanceRecord) : [],
      });
    }
    if (rest.startsWith('/transcripts') && !switches.transcriptAccess)
      return send(response, 403, GRAPH_ERRORS.transcriptsOff);
    if (rest === '/transcripts') {
      // "Default page limit is 10" with `@odata.nextLink` and `$skiptoken` (api-transcripts.md).
      const skip = Number(
        Buffer.from(url.searchParams.get('$skiptoken') ?? '', 'base64').toString() || 0,
      );
      const more = skip + 10 < transcripts.length;
      const next = encodeURIComponent(Buffer.from(String(skip + 10)).toString('base64'));
      return send(response, 200, {
        '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#${keyed}/transcripts`,
        '@odata.count': transcripts.length,
        value: transcripts.slice(skip, skip + 10).map((t) => listedTranscript(t, keyed, ids)),
        ...(more
          ? {
              '@odata.nextLink': `https://graph.microsoft.com/v1.0/${keyed}/transcripts?$skiptoken=${next}`,
            }
          : {}),
      });
    }
    const content = /^\/transcripts\/([^/]+)\/content$/.exec(rest);
    if (content === null) return refuse(`unknown path ${url.pathname}`);
    const found = transcripts.find((t) => t.id === decodeURIComponent(content[1] ?? ''));
    if (found === undefined) return send(response, 404, { error: { code: 'NotFound' } });
    // calltranscript-get.md: `$format` wins over Accept; without either, 400 "Invalid format".
    const format = url.searchParams.get('$format') ?? accept;
    if (format !== 'text/vtt') {
      violations.push(`content asked as ${format ?? 'nothing'}`);
      return send(response, 400, GRAPH_ERRORS.invalidFormat);
    }
    if (!switches.attribution) return send(response, 403, GRAPH_ERRORS.attributionOff);
    if (!switches.billed) return send(response, 402, GRAPH_ERRORS.notBilled);
    response.writeHead(200, { 'content-type': 'text/vtt' });
    return response.end(found.vtt);
  }

  return {
    loginHost: `${origin}/login`,
    graphHost,
    requests,
    tokenRequests: entra.requests,
    violations,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Answers; `true` so a handler can `return send(…)`. */
function send(response: ServerResponse, status: number, body: unknown): true {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
  return true;
}
