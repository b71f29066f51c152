// The tests' Graph meeting: our own ids. The documented shapes its answers take (and the page each
// follows) live in api/src/adapters/local/graph-shapes.ts, shared with the local Graph.
import type {
  GraphAttendee,
  GraphReport,
  GraphTranscript,
} from '../../api/src/adapters/local/graph-shapes.js';

export const GRAPH_TENANT = '6f0c1c3e-8a51-4d5e-9c4b-2a1f7e0d9b11';
export const ORGANISER_OID = '2b7e9a40-5c1d-4f3e-8a6b-0c9d1e2f3a4b';
/** Shaped like the meeting details' msGraphResourceId (meeting-apps-apis.md example). */
export const GRAPH_MEETING_ID =
  'MSoyYjdlOWE0MC01YzFkLTRmM2UtOGE2Yi0wYzlkMWUyZjNhNGIqMCoqMTk6bWVldGluZ19aR1ZtWVhWc2RAdGhyZWFkLnYy';

export const GRAPH_IDS = {
  tenantId: GRAPH_TENANT,
  organiserId: ORGANISER_OID,
  graphMeetingId: GRAPH_MEETING_ID,
} as const;

export type FakeAttendee = GraphAttendee;
export type FakeReport = GraphReport;
export type FakeTranscript = GraphTranscript;
