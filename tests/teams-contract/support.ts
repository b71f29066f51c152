// The Teams adapters wired to the fake Bot Connector and the fake Bot Framework, as composition.ts
// wires them in Azure.
import { AesContactSealer } from '../../api/src/adapters/contact-sealer.js';
import { BotFrameworkAuth } from '../../api/src/adapters/teams/bot-auth.js';
import { BotConnector } from '../../api/src/adapters/teams/bot-connector.js';
import { TeamsCardDelivery } from '../../api/src/adapters/teams/card-delivery.js';
import { TeamsMeetingDirectory } from '../../api/src/adapters/teams/meeting-directory.js';
import {
  TeamsMeetingNotifier,
  type NoticeReport,
} from '../../api/src/adapters/teams/meeting-notifier.js';
import { TableServiceUrls } from '../../api/src/adapters/teams/service-urls.js';
import type { Caller } from '../../api/src/application/ports.js';
import { SECRET, testApi } from '../api/support.js';
import { freePort } from '../support/free-port.js';
import { rotatingTokens, type FakeBotFramework } from './fake-bot-framework.js';
import type { FakeBotConnector } from './fake-bot-connector.js';
import { BOT_ID, TENANT_ID, type Person } from './fixtures.js';

export function connectorFor(fake: FakeBotConnector, timeoutMs = 1_000) {
  const tokens = rotatingTokens();
  const serviceUrls = new TableServiceUrls({
    client: null,
    fallback: fake.serviceUrl,
    allowInsecure: true,
  });
  const connector = new BotConnector({ tokens, serviceUrls, timeoutMs });
  return { connector, tokens, serviceUrls };
}

/** The caller the API sees for a person: tenant and object id from their SSO token. */
export const callerOf = (who: Person): Caller => ({
  tenantId: TENANT_ID,
  userId: who.aadObjectId,
  displayName: who.name,
});

/**
 * The whole API as it runs in Teams, with every Teams-facing adapter pointed at the fakes: the
 * fallback service URL leads nowhere, so every Bot Connector call must go where Teams' own
 * activities said.
 */
export async function teamsApi(botFramework: FakeBotFramework) {
  const tokens = rotatingTokens();
  const serviceUrls = new TableServiceUrls({
    client: null,
    fallback: `http://127.0.0.1:${await freePort()}/nowhere/`,
    allowInsecure: true,
  });
  const connector = new BotConnector({ tokens, serviceUrls, timeoutMs: 2_000 });
  const directory = new TeamsMeetingDirectory({ connector });
  const reports: NoticeReport[] = [];
  const api = await testApi({
    teams: {
      botAuth: new BotFrameworkAuth({ appId: BOT_ID, cloud: botFramework.cloud }),
      roles: directory,
      organisers: directory,
      serviceUrls,
      delivery: new TeamsCardDelivery(connector),
      notices: {
        notifier: new TeamsMeetingNotifier({
          connector,
          tabOrigin: 'https://tab.roundtable.example',
          report: (report) => reports.push(report),
        }),
        contacts: new AesContactSealer(SECRET),
      },
    },
  });
  /** Posts an activity to /api/messages as the Bot Framework would, signed for its serviceUrl. */
  const deliver = async (activity: Record<string, unknown>) =>
    api.call('messages-post', {
      body: activity,
      headers: {
        authorization: `Bearer ${await botFramework.sign({ serviceUrl: String(activity.serviceUrl) })}`,
      },
    });
  /** Runs every queued ending job, as the queue trigger would. */
  const runJobs = async () => {
    for (const job of api.endQueue.jobs.splice(0)) await api.services.ender.run(job);
  };
  return { api, deliver, runJobs, reports, tokens };
}
