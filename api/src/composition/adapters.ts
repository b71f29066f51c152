// What differs between local mode and Azure; everything else is wired the same way.
import type { LocalGraph } from '../adapters/local/local-graph.js';
import type { GraphFollowUpParts } from '../adapters/teams/graph/graph-wiring.js';
import type {
  Delivery,
  EndQueue,
  MeetingOrganiserSource,
  Outbox,
  SummaryStore,
} from '../application/ending-ports.js';
import type { ServiceDependencies } from '../application/meeting-service.js';
import type { MeetingStore, ServiceUrlBook } from '../application/ports.js';
import type { Services } from '../services.js';

export interface Adapters {
  readonly store: MeetingStore & { ensureTable?: () => Promise<void> };
  readonly summaries: SummaryStore;
  readonly endQueue: EndQueue;
  readonly delivery: Delivery;
  readonly outbox: Outbox | null;
  readonly service: Pick<ServiceDependencies, 'roles' | 'broadcaster' | 'notices'>;
  readonly organisers: MeetingOrganiserSource | null;
  readonly serviceUrls: ServiceUrlBook | null;
  readonly teamsAppId: string | null;
  /** What Teams recorded, read from Graph after each session; null locally or when turned off. */
  readonly graph: GraphFollowUpParts | null;
  /** Local mode's stand-in for Microsoft's cloud, which watches Teams' events (local-graph.ts). */
  readonly localGraph: LocalGraph | null;
  readonly rest: Pick<Services, 'verifier' | 'botAuth' | 'local'>;
}
