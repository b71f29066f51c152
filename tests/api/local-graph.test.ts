// The local Graph: what the simulator played (participant events, the turns Roundtable published)
// becomes an attendance report and a transcript in Graph's documented shapes, read back through
// the real Graph adapter over HTTP. Times are fixed, so every second below is worked out by hand.
import { afterEach, describe, expect, it } from '@jest/globals';
import type { PublicView } from '@roundtable/core';
import { startGraphServer, type GraphServer } from '../../api/src/adapters/local/graph-server.js';
import { LocalGraph } from '../../api/src/adapters/local/local-graph.js';
import { GraphClient } from '../../api/src/adapters/teams/graph/graph-client.js';
import { GraphMeetingArtefacts } from '../../api/src/adapters/teams/graph/graph-artefacts.js';
import type { RosterChange } from '../../api/src/application/arrivals.js';

const MEETING = '19:meeting_local_graph_unit@thread.v2';
const TENANT = '7a1e0c55-0000-4000-8000-0000000000aa';
const T0 = Date.parse('2026-12-07T10:00:00.000Z');
const at = (seconds: number) => T0 + seconds * 1000;
let server: GraphServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function change(oid: string, name: string, inMeeting: boolean, role: RosterChange['role'] = null) {
  return {
    person: { tenantId: TENANT, userId: oid, displayName: name },
    teamsUserId: `29:${oid}`,
    inMeeting,
    role,
  } satisfies RosterChange;
}

function view(
  current: { turnId: string; name: string; from: number } | null,
  phase: 'live' | 'ended' = 'live',
  transcript = true,
): PublicView {
  return {
    meetingId: MEETING,
    version: 1,
    session: 1,
    phase,
    presentersHost: false,
    options: { transcript, carryOver: false },
    mode: 'fifo',
    locked: false,
    timeboxSeconds: null,
    current:
      current === null
        ? null
        : {
            turnId: current.turnId,
            participantId: `p-${current.name}`,
            displayName: current.name,
            kind: 'point',
            startedAt: current.from,
          },
    queue: [],
    checkin: null,
  };
}

async function reader(graph: LocalGraph) {
  server = await startGraphServer({
    clientId: 'local-app',
    clientSecret: 'local-secret',
    switches: {
      transcriptAccess: true,
      attribution: true,
      permitted: true,
      billed: true,
      throttleNext: 0,
    },
    knowsTenant: (tenant) => graph.knowsTenant(tenant),
    meeting: (organiser, id) => graph.artefacts(organiser, id),
  });
  const client = new GraphClient({
    graphHost: server.graphHost,
    loginHost: server.loginHost,
    clientId: 'local-app',
    clientSecret: 'local-secret',
  });
  return new GraphMeetingArtefacts(client);
}

/** Ada organises, Ben and Dee are there from the start, Cy comes a minute late; Dee never speaks. */
function playedMeeting(transcript = true): LocalGraph {
  const graph = new LocalGraph();
  graph.participants(
    MEETING,
    [
      change('oid-ada', 'Ada', true, 'organizer'),
      change('oid-ben', 'Ben', true, 'attendee'),
      change('oid-dee', 'Dee', true, 'attendee'),
    ],
    at(0),
  );
  graph.viewed(view({ turnId: 't1', name: 'Ben', from: at(30) }, 'live', transcript), at(30));
  graph.participants(MEETING, [change('oid-cy', 'Cy', true, 'presenter')], at(60));
  graph.viewed(view({ turnId: 't2', name: 'Cy', from: at(120) }, 'live', transcript), at(120));
  graph.participants(MEETING, [change('oid-dee', 'Dee', false)], at(150));
  graph.viewed(view(null, 'live', transcript), at(165));
  graph.viewed(view({ turnId: 't3', name: 'Ben', from: at(200) }, 'live', transcript), at(200));
  return graph;
}

describe('the local Graph', () => {
  it('reports microphone time per attendee and a transcript per voice, as the adapter reads them', async () => {
    const graph = playedMeeting();
    const ids = await graph.graphMeetingOf(MEETING, TENANT);
    expect(ids).toMatchObject({ tenantId: TENANT, organiserId: 'oid-ada' });
    const artefacts = await reader(graph);
    const target = { ...(ids ?? { tenantId: '', organiserId: '', graphMeetingId: '' }) };
    const session = { ...target, from: at(0), to: at(210), transcript: true };
    // Reports exist only once the meeting ends.
    expect(await artefacts.measure(session, ['microphone'])).toEqual([
      { source: 'microphone', gap: 'not-ready' },
    ]);
    graph.viewed(view(null, 'ended'), at(210));
    const outcomes = await artefacts.measure(session, ['transcript', 'microphone']);
    expect(outcomes).toEqual([
      // Ben 30→120 and 200→210 = 100 s; Cy 120→165 = 45 s.
      {
        source: 'transcript',
        measure: { source: 'transcript', attendees: 2, seconds: [100, 45] },
      },
      // Records in joining order: Ada 0, Ben 100, Dee 0 (joined, never spoke), Cy 45.
      {
        source: 'microphone',
        measure: { source: 'microphone', attendees: 4, seconds: [0, 100, 0, 45] },
      },
    ]);
    expect(server?.violations).toEqual([]);
    expect(server?.requests.map((r) => r.path.split('?')[0])).toContain(
      '/transcripts/local-transcript-1/content',
    );
  });

  it('keeps no transcript when the organiser left "read the transcript" off', async () => {
    const graph = playedMeeting(false);
    graph.viewed(view(null, 'ended', false), at(210));
    const ids = await graph.graphMeetingOf(MEETING, TENANT);
    expect(graph.artefacts(ids?.organiserId ?? '', ids?.graphMeetingId ?? '')).toMatchObject({
      transcripts: [],
      reports: [expect.objectContaining({ id: 'local-report-1' })],
    });
  });

  it('starts a new report when the meeting starts again, and knows nothing of a meeting only left', async () => {
    const graph = playedMeeting();
    graph.ended(MEETING, at(210));
    graph.participants(MEETING, [change('oid-ben', 'Ben', false)], at(215));
    graph.participants(MEETING, [change('oid-ben', 'Ben', true)], at(300));
    graph.ended(MEETING, at(360));
    const ids = await graph.graphMeetingOf(MEETING, TENANT);
    const second = graph.artefacts(ids?.organiserId ?? '', ids?.graphMeetingId ?? '')?.reports[1];
    expect(second).toMatchObject({
      start: new Date(at(300)).toISOString(),
      end: new Date(at(360)).toISOString(),
      attendees: [expect.objectContaining({ name: 'Ben', engagements: [] })],
    });
    graph.participants('19:meeting_only_left@thread.v2', [change('x', 'X', false)], at(1));
    expect(await graph.graphMeetingOf('19:meeting_only_left@thread.v2', TENANT)).toBeNull();
    // Another organiser's id, or an id it never gave out, is a meeting Graph does not know.
    expect(graph.artefacts('oid-ben', ids?.graphMeetingId ?? '')).toBeNull();
  });
});
