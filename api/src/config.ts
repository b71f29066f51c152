// Every setting the API reads, in one place, checked at start-up with messages that say what to set.
// Local mode only when asked for by name (`npm start` does); anywhere else the API runs as it does
// in Azure and refuses to start without its settings, so it never falls back to trusting itself.
import type { MeetingSettings } from '@roundtable/core';
import { CLOUDS, type Cloud, type CloudName } from './cloud.js';
import { localGraphSettings, type LocalGraphConfig } from './local-graph-config.js';

/** How long durable data lives, in days (records 30, summaries 400). */
export interface Retention {
  readonly recordDays: number;
  readonly summaryDays: number;
}

interface Common {
  /** Keyed hashes of meeting ids and people, live tickets, sealed contacts; Key Vault in Azure. */
  readonly secret: string;
  readonly tableName: string;
  readonly tabOrigin: string;
  readonly meeting: Partial<MeetingSettings>;
  readonly retention: Retention;
}

/** One laptop: Azurite, simulated sign-in, no bot. */
export interface LocalConfig extends Common, LocalGraphConfig {
  readonly mode: 'local';
  readonly storageConnection: string;
}

/** Azure: managed identity for storage, Entra SSO, the bot, Web PubSub. */
export interface AzureConfig extends Common {
  readonly mode: 'azure';
  readonly tableEndpoint: string;
  readonly queueEndpoint: string;
  readonly cloud: Cloud;
  readonly entra: {
    /** The tab's SSO resource, `api://<tab domain>/botid-<bot id>`. */
    readonly applicationIdUri: string;
    readonly allowedTenants: readonly string[];
  };
  /** One Entra app serves the bot, SSO and resource-specific consent: its id is the bot's. */
  readonly bot: { readonly appId: string; readonly secret: string; readonly tenantId: string };
  readonly webPubSub: { readonly endpoint: string; readonly hub: string };
  /** The id Teams knows the app by in the organisation's catalogue, for deep links; null: plain URLs. */
  readonly teamsAppId: string | null;
  /** Read what Teams recorded (Graph) after each session; ROUNDTABLE_TEAMS_ARTEFACTS=off stops it. */
  readonly teamsArtefacts: boolean;
}

export type Config = LocalConfig | AzureConfig;
export type Mode = Config['mode'];

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Every app setting the API reads in Azure. The deployment templates must provide each required
 * one (a test cross-checks infra/ against this list); optional ones have defaults.
 */
export const AZURE_SETTINGS = {
  required: [
    'ROUNDTABLE_SECRET',
    'ROUNDTABLE_TABLE_ENDPOINT',
    'ROUNDTABLE_QUEUE_ENDPOINT',
    'ROUNDTABLE_TAB_ORIGIN',
    'ENTRA_APP_ID_URI',
    'ENTRA_ALLOWED_TENANTS',
    'BOT_APP_ID',
    'BOT_APP_SECRET',
    'BOT_TENANT_ID',
    'WEBPUBSUB_ENDPOINT',
  ],
  optional: [
    'ROUNDTABLE_MODE',
    'ROUNDTABLE_TABLE_NAME',
    'ROUNDTABLE_K',
    'ROUNDTABLE_MAX_BYPASS',
    'ROUNDTABLE_RECORD_RETENTION_DAYS',
    'ROUNDTABLE_SUMMARY_RETENTION_DAYS',
    'TEAMS_CLOUD',
    'ROUNDTABLE_TEAMS_ARTEFACTS',
    'WEBPUBSUB_HUB',
    'TEAMS_APP_ID',
  ],
} as const;

/** Signs that this process runs inside Azure App Service / Functions. */
export const AZURE_MARKERS = ['WEBSITE_INSTANCE_ID', 'WEBSITE_SITE_NAME', 'WEBSITE_OWNER_NAME'];

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function readConfig(env: Environment, localSecret?: () => string): Config {
  const mode = modeOf(env);
  const common = {
    tableName: env.ROUNDTABLE_TABLE_NAME ?? 'meetings',
    tabOrigin: env.ROUNDTABLE_TAB_ORIGIN ?? 'http://127.0.0.1:53000',
    meeting: meetingSettings(env),
    retention: retentionSettings(env),
  };
  if (mode === 'local') {
    if (AZURE_MARKERS.some((name) => (env[name] ?? '') !== '')) {
      throw new ConfigError(
        'Local mode issues its own sign-in tokens and refuses to run in Azure. Remove ROUNDTABLE_MODE=local.',
      );
    }
    const storageConnection = env.ROUNDTABLE_STORAGE_CONNECTION ?? '';
    if (storageConnection === '')
      throw new ConfigError('Set ROUNDTABLE_STORAGE_CONNECTION to the Azurite connection string.');
    const secret = env.ROUNDTABLE_SECRET ?? localSecret?.() ?? '';
    if (secret.length < 32)
      throw new ConfigError('ROUNDTABLE_SECRET must be at least 32 characters.');
    const graph = localGraphSettings(env, ConfigError);
    return { mode, secret, storageConnection, graph, ...common };
  }
  const missing = AZURE_SETTINGS.required.filter((name) => (env[name] ?? '') === '');
  if (missing.length > 0)
    throw new ConfigError(`These app settings are missing: ${missing.join(', ')}.`);
  const setting = (name: (typeof AZURE_SETTINGS.required)[number]) => env[name] ?? '';
  if (setting('ROUNDTABLE_SECRET').length < 32)
    throw new ConfigError('ROUNDTABLE_SECRET must be at least 32 characters.');
  return {
    mode,
    secret: setting('ROUNDTABLE_SECRET'),
    tableEndpoint: setting('ROUNDTABLE_TABLE_ENDPOINT'),
    queueEndpoint: setting('ROUNDTABLE_QUEUE_ENDPOINT'),
    ...common,
    tabOrigin: setting('ROUNDTABLE_TAB_ORIGIN'),
    cloud: cloudOf(env),
    entra: {
      applicationIdUri: setting('ENTRA_APP_ID_URI'),
      allowedTenants: setting('ENTRA_ALLOWED_TENANTS')
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    },
    bot: {
      appId: setting('BOT_APP_ID'),
      secret: setting('BOT_APP_SECRET'),
      tenantId: setting('BOT_TENANT_ID'),
    },
    webPubSub: { endpoint: setting('WEBPUBSUB_ENDPOINT'), hub: env.WEBPUBSUB_HUB ?? 'roundtable' },
    teamsAppId: (env.TEAMS_APP_ID ?? '') === '' ? null : (env.TEAMS_APP_ID ?? null),
    teamsArtefacts: artefactsOf(env),
  };
}

function artefactsOf(env: Environment): boolean {
  const value = env.ROUNDTABLE_TEAMS_ARTEFACTS ?? 'on';
  if (value !== 'on' && value !== 'off')
    throw new ConfigError('ROUNDTABLE_TEAMS_ARTEFACTS must be "on" or "off".');
  return value === 'on';
}

/** Local only when ROUNDTABLE_MODE says so; everything else is Azure mode, failing closed. */
function modeOf(env: Environment): Mode {
  const requested = env.ROUNDTABLE_MODE ?? 'azure';
  if (requested !== 'local' && requested !== 'azure') {
    throw new ConfigError('ROUNDTABLE_MODE must be "local" or "azure".');
  }
  return requested;
}

function cloudOf(env: Environment): Cloud {
  const name = env.TEAMS_CLOUD ?? 'public';
  if (name === 'gcch' || name === 'dod') {
    throw new ConfigError(
      `TEAMS_CLOUD=${name}: Roundtable does not support GCC High or DoD yet; use "public" or "gcc".`,
    );
  }
  if (!(name in CLOUDS)) throw new ConfigError('TEAMS_CLOUD must be "public" or "gcc".');
  return CLOUDS[name as CloudName];
}

function retentionSettings(env: Environment): Retention {
  const days = (name: string, fallback: number) => {
    const value = Number(env[name] ?? String(fallback));
    if (!Number.isInteger(value) || value < 1)
      throw new ConfigError(`${name} must be a whole number of days, at least 1.`);
    return value;
  };
  return {
    recordDays: days('ROUNDTABLE_RECORD_RETENTION_DAYS', 30),
    summaryDays: days('ROUNDTABLE_SUMMARY_RETENTION_DAYS', 400),
  };
}

function meetingSettings(env: Environment): Partial<MeetingSettings> {
  const k = Number(env.ROUNDTABLE_K ?? '3');
  const maxBypass = Number(env.ROUNDTABLE_MAX_BYPASS ?? '3');
  if (!Number.isInteger(k) || k < 3)
    throw new ConfigError('ROUNDTABLE_K must be a whole number of at least 3.');
  if (!Number.isInteger(maxBypass) || maxBypass < 0)
    throw new ConfigError('ROUNDTABLE_MAX_BYPASS must be a whole number of 0 or more.');
  return { k, maxBypass };
}

/** Whether the local-only routes exist; decided without reading (or requiring) other settings. */
export function isLocalMode(env: Environment): boolean {
  return env.ROUNDTABLE_MODE === 'local';
}
