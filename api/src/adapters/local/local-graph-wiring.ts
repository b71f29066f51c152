// Local mode's Graph follow-up, wired as Azure wires it (teams/graph/graph-wiring.ts): the same
// Graph client and adapter, talking to the local Graph on a loopback port instead of Microsoft's,
// with the looks on the same `meeting-measures` queue (in Azurite). The local Graph learns what it
// reports by watching what Teams would see: participant events and the turns Roundtable publishes.
import { createHmac } from 'node:crypto';
import type { PublicView } from '@roundtable/core';
import type { GraphFollowUpParts } from '../teams/graph/graph-wiring.js';
import { GraphClient } from '../teams/graph/graph-client.js';
import { GraphMeetingArtefacts } from '../teams/graph/graph-artefacts.js';
import { queueClientFromConnectionString } from '../storage/storage-end-queue.js';
import { MEASURES_QUEUE_NAME, StorageMeasuresQueue } from '../storage/storage-measures-queue.js';
import {
  TeamsEvents,
  type MeetingEnded,
  type ParticipantsChanged,
  type TeamsEventsDependencies,
} from '../../application/teams-events.js';
import type { Broadcaster, Clock } from '../../application/ports.js';
import type { LocalConfig } from '../../config.js';
import type { LocalGraphAnswer } from '../../local-graph-config.js';
import { startGraphServer, type GraphServer, type GraphSwitches } from './graph-server.js';
import { LocalGraph } from './local-graph.js';

/** The local app registration's client id (Entra would issue one; this one names no real app). */
const LOCAL_CLIENT_ID = '00000000-0000-4000-8000-00000000b07a';

export interface LocalGraphParts extends GraphFollowUpParts {
  readonly graph: LocalGraph;
  readonly server: GraphServer;
}

/** Null when ROUNDTABLE_LOCAL_GRAPH=off. */
export async function localGraphParts(config: LocalConfig): Promise<LocalGraphParts | null> {
  if (config.graph.answer === 'off') return null;
  const graph = new LocalGraph();
  // A secret of the local stack's own, never the stack's secret itself.
  const clientSecret = createHmac('sha256', config.secret)
    .update('local-graph')
    .digest('base64url');
  const server = await startGraphServer({
    clientId: LOCAL_CLIENT_ID,
    clientSecret,
    switches: switchesFor(config.graph.answer),
    knowsTenant: (tenantId) => graph.knowsTenant(tenantId),
    meeting: (organiserId, graphMeetingId) => graph.artefacts(organiserId, graphMeetingId),
  });
  const client = new GraphClient({
    graphHost: server.graphHost,
    loginHost: server.loginHost,
    clientId: LOCAL_CLIENT_ID,
    clientSecret,
  });
  const queue = new StorageMeasuresQueue(
    queueClientFromConnectionString(config.storageConnection, MEASURES_QUEUE_NAME),
  );
  await queue.ensureQueue();
  return { graph, server, artefacts: new GraphMeetingArtefacts(client), meetings: graph, queue };
}

/** Each documented refusal the local Graph can play, as the tenant setting that causes it. */
function switchesFor(answer: Exclude<LocalGraphAnswer, 'off'>): GraphSwitches {
  return {
    transcriptAccess: answer !== 'transcripts-off',
    attribution: answer !== 'attribution-off',
    billed: answer !== 'not-billed',
    permitted: answer !== 'not-permitted',
    throttleNext: 0,
  };
}

/** The live views go out as before; the local Graph also sees each, as Teams sees who speaks. */
export function watchedBroadcaster(hub: Broadcaster, graph: LocalGraph, clock: Clock): Broadcaster {
  return {
    publish: (meetingKey: string, view: PublicView) => {
      try {
        graph.viewed(view, clock());
      } catch {
        // Publishing never throws; a simulated recording that failed only misses a turn.
      }
      return hub.publish(meetingKey, view);
    },
    nudge: (meetingKey, ids) => hub.nudge(meetingKey, ids),
    access: (meetingKey, meetingId, subscriberId) =>
      hub.access(meetingKey, meetingId, subscriberId),
    disconnectAll: (meetingKey) => hub.disconnectAll(meetingKey),
  };
}

/** Teams' events as before; the local Graph also notes who joined or left and when it ended. */
export class WatchedTeamsEvents extends TeamsEvents {
  constructor(
    deps: TeamsEventsDependencies,
    private readonly graph: LocalGraph,
    private readonly clock: Clock,
  ) {
    super(deps);
  }

  override async participantsChanged(event: ParticipantsChanged): Promise<void> {
    this.graph.participants(event.meetingId, event.changes, this.clock());
    await super.participantsChanged(event);
  }

  override async meetingEnded(event: MeetingEnded): Promise<void> {
    this.graph.ended(event.meetingId, event.endedAt);
    await super.meetingEnded(event);
  }
}
