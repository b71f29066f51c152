// The Graph side of the ending's follow-up as Azure runs it: one client for the bot's Entra app
// (one app serves the bot, SSO and resource-specific consent), the looks' queue, the meeting ids.
import type { TokenCredential } from '@azure/identity';
import type { AzureConfig } from '../../../config.js';
import type {
  GraphMeetingSource,
  MeasuresQueue,
  MeetingArtefacts,
} from '../../../application/measures-ports.js';
import { queueClientFromEndpoint } from '../../storage/storage-end-queue.js';
import { MEASURES_QUEUE_NAME, StorageMeasuresQueue } from '../../storage/storage-measures-queue.js';
import type { BotConnector } from '../bot-connector.js';
import { GraphClient } from './graph-client.js';
import { GraphMeetingArtefacts } from './graph-artefacts.js';
import { TeamsGraphMeetings } from './graph-meetings.js';

export interface GraphFollowUpParts {
  readonly artefacts: MeetingArtefacts;
  readonly meetings: GraphMeetingSource;
  readonly queue: MeasuresQueue;
}

/** Null when the deployment turned it off, or the cloud has no Graph host Roundtable knows. */
export function graphFollowUpParts(
  config: AzureConfig,
  connector: BotConnector,
  credential: TokenCredential,
): GraphFollowUpParts | null {
  const graphHost = config.cloud.graphHost;
  if (!config.teamsArtefacts || graphHost === null) return null;
  const graph = new GraphClient({
    graphHost,
    loginHost: config.cloud.loginHost,
    clientId: config.bot.appId,
    clientSecret: config.bot.secret,
  });
  return {
    artefacts: new GraphMeetingArtefacts(graph),
    meetings: new TeamsGraphMeetings(connector),
    queue: new StorageMeasuresQueue(
      queueClientFromEndpoint(config.queueEndpoint, credential, MEASURES_QUEUE_NAME),
    ),
  };
}
