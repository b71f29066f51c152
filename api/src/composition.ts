// Builds the services for one process from its configuration: the adapters that differ (local mode
// in composition/local.ts, Azure in composition/azure.ts), then everything else wired one way.
import { HmacPseudonymiser } from './adapters/hmac-pseudonymiser.js';
import { WatchedTeamsEvents } from './adapters/local/local-graph-wiring.js';
import { MeetingEnder } from './application/end-meeting.js';
import { Housekeeping } from './application/housekeeping.js';
import { MeetingService } from './application/meeting-service.js';
import { CALLER_RATE_LIMIT, RateLimiter } from './application/rate-limiter.js';
import { SummaryService } from './application/summary-service.js';
import { MeasuresFollowUp } from './application/take-measures.js';
import { TeamsEvents } from './application/teams-events.js';
import type { Config } from './config.js';
import type { Services } from './services.js';
import { azureAdapters } from './composition/azure.js';
import { secureRandom, systemClock } from './composition/clock.js';
import { localAdapters } from './composition/local.js';

export async function createServices(config: Config): Promise<Services> {
  const adapters = config.mode === 'local' ? await localAdapters(config) : azureAdapters(config);
  const pseudonyms = new HmacPseudonymiser(config.secret);
  const { store, summaries, endQueue } = adapters;
  const meetings = new MeetingService({
    ...adapters.service,
    store,
    endQueue,
    pseudonyms,
    clock: systemClock,
    random: secureRandom,
    settings: config.meeting,
    rateLimiter: new RateLimiter(),
  });
  const { committer } = meetings;
  // Locally the simulator shows each meeting's summary; in Teams the tab's summary page does.
  const summaryPage = config.mode === 'local' ? 'dev.html' : 'summary.html';
  const measures =
    adapters.graph === null
      ? null
      : new MeasuresFollowUp({
          ...adapters.graph,
          store,
          summaries,
          settings: config.meeting,
          ...(config.mode === 'local' ? { lookDelaysS: config.graph.lookDelaysS } : {}),
        });
  const ender = new MeetingEnder({
    store,
    committer,
    summaries,
    delivery: adapters.delivery,
    clock: systemClock,
    settings: config.meeting,
    summaryRetentionDays: config.retention.summaryDays,
    pseudonyms,
    summaryUrl: `${config.tabOrigin}/${summaryPage}`,
    teamsAppId: adapters.teamsAppId,
    ...(adapters.organisers === null ? {} : { organisers: adapters.organisers }),
    ...(measures === null ? {} : { measures }),
  });
  return {
    config,
    meetings,
    summaries: new SummaryService({
      store,
      committer,
      summaries,
      roles: adapters.service.roles,
      pseudonyms,
      outbox: adapters.outbox,
    }),
    teamsEvents:
      adapters.localGraph === null
        ? new TeamsEvents({ meetings, endQueue, serviceUrls: adapters.serviceUrls })
        : new WatchedTeamsEvents(
            { meetings, endQueue, serviceUrls: null },
            adapters.localGraph,
            systemClock,
          ),
    ender,
    measures,
    housekeeping: new Housekeeping({
      store,
      summaries,
      endQueue,
      recordRetentionDays: config.retention.recordDays,
      summaryRetentionDays: config.retention.summaryDays,
    }),
    pingStorage: () => store.ping(),
    clock: systemClock,
    callerLimiter: new RateLimiter(CALLER_RATE_LIMIT),
    ...adapters.rest,
  };
}

/** A provider that builds the services on first use and shares them afterwards. */
export function lazyServices(build: () => Promise<Services>): () => Promise<Services> {
  let services: Promise<Services> | undefined;
  return () => {
    services ??= build().catch((error: unknown) => {
      services = undefined;
      throw error;
    });
    return services;
  };
}
