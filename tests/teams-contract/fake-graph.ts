// The tests' Graph: the local Graph server (api/src/adapters/local/graph-server.ts, which refuses
// requests off the documented shape and records them in `violations`) serving one meeting whose
// reports, transcripts and tenant switches a test sets directly.
import {
  startGraphServer,
  type GraphRequest,
  type GraphSwitches,
} from '../../api/src/adapters/local/graph-server.js';
import {
  GRAPH_IDS,
  GRAPH_MEETING_ID,
  GRAPH_TENANT,
  ORGANISER_OID,
  type FakeReport,
  type FakeTranscript,
} from './fake-graph-fixtures.js';

export type { GraphRequest } from '../../api/src/adapters/local/graph-server.js';

export const CLIENT_ID = '5a1b2c3d-0000-4000-8000-00000000b07a';
export const CLIENT_SECRET = 'fake-graph-client-secret';

/** How the tenant and the meeting answer. */
export interface GraphWorld extends GraphSwitches {
  reports: FakeReport[];
  transcripts: FakeTranscript[];
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
  const server = await startGraphServer({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    switches: state,
    knowsTenant: (tenant) => tenant === GRAPH_TENANT,
    meeting: (organiserId, graphMeetingId) =>
      organiserId === ORGANISER_OID && graphMeetingId === GRAPH_MEETING_ID
        ? { ids: GRAPH_IDS, reports: state.reports, transcripts: state.transcripts }
        : null,
  });
  return { ...server, world: state, close: () => server.close() };
}
