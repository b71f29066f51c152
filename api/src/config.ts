// Every setting the API reads, in one place, checked at start-up with messages that say what to set.
import type { MeetingSettings } from '@roundtable/core';

export type Mode = 'local' | 'azure';

/** How long durable data lives, in days (DESIGN 4.1: records 30, summaries 400). */
export interface Retention {
  readonly recordDays: number;
  readonly summaryDays: number;
}

export interface Config {
  readonly mode: Mode;
  /** Keyed hashes of meeting ids and live tickets; Key Vault in Azure, generated locally. */
  readonly secret: string;
  readonly storage:
    | { readonly kind: 'connectionString'; readonly connectionString: string }
    | {
        readonly kind: 'managedIdentity';
        readonly tableEndpoint: string;
        readonly queueEndpoint: string;
      };
  readonly tableName: string;
  readonly tabOrigin: string;
  readonly meeting: Partial<MeetingSettings>;
  readonly retention: Retention;
  readonly entra: {
    readonly clientId: string;
    readonly applicationIdUri: string;
    readonly allowedTenants: readonly string[];
  } | null;
  readonly bot: {
    readonly appId: string;
    readonly secret: string;
    readonly tenantId: string;
    readonly serviceUrl: string;
  } | null;
  readonly webPubSub: { readonly endpoint: string; readonly hub: string } | null;
  /** The Teams app id, for deep links to the summary tab; null links by plain URL. */
  readonly teamsAppId: string | null;
}

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
    'ENTRA_CLIENT_ID',
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
    'BOT_SERVICE_URL',
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
  const inAzure = AZURE_MARKERS.some((name) => (env[name] ?? '') !== '');
  const requested = env.ROUNDTABLE_MODE ?? (inAzure ? 'azure' : 'local');
  if (requested !== 'local' && requested !== 'azure') {
    throw new ConfigError('ROUNDTABLE_MODE must be "local" or "azure".');
  }
  const mode: Mode = requested;
  if (mode === 'local' && inAzure) {
    throw new ConfigError(
      'Local mode issues its own sign-in tokens and refuses to run in Azure. Set ROUNDTABLE_MODE=azure.',
    );
  }
  const meeting = meetingSettings(env);
  const retention = retentionSettings(env);
  const tabOrigin = env.ROUNDTABLE_TAB_ORIGIN ?? 'http://127.0.0.1:53000';
  const tableName = env.ROUNDTABLE_TABLE_NAME ?? 'meetings';
  if (mode === 'local') {
    const connectionString = env.ROUNDTABLE_STORAGE_CONNECTION ?? '';
    if (connectionString === '')
      throw new ConfigError('Set ROUNDTABLE_STORAGE_CONNECTION to the Azurite connection string.');
    const secret = env.ROUNDTABLE_SECRET ?? localSecret?.() ?? '';
    if (secret.length < 32)
      throw new ConfigError('ROUNDTABLE_SECRET must be at least 32 characters.');
    return {
      mode,
      secret,
      storage: { kind: 'connectionString', connectionString },
      tableName,
      tabOrigin,
      meeting,
      retention,
      entra: null,
      bot: null,
      webPubSub: null,
      teamsAppId: null,
    };
  }
  const missing = AZURE_SETTINGS.required.filter((name) => (env[name] ?? '') === '');
  if (missing.length > 0)
    throw new ConfigError(`These app settings are missing: ${missing.join(', ')}.`);
  const setting = (name: string) => env[name] ?? '';
  return {
    mode,
    secret: setting('ROUNDTABLE_SECRET'),
    storage: {
      kind: 'managedIdentity',
      tableEndpoint: setting('ROUNDTABLE_TABLE_ENDPOINT'),
      queueEndpoint: setting('ROUNDTABLE_QUEUE_ENDPOINT'),
    },
    tableName,
    tabOrigin,
    meeting,
    retention,
    entra: {
      clientId: setting('ENTRA_CLIENT_ID'),
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
      serviceUrl: env.BOT_SERVICE_URL ?? 'https://smba.trafficmanager.net/teams/',
    },
    webPubSub: { endpoint: setting('WEBPUBSUB_ENDPOINT'), hub: env.WEBPUBSUB_HUB ?? 'roundtable' },
    teamsAppId: (env.TEAMS_APP_ID ?? '') === '' ? null : setting('TEAMS_APP_ID'),
  };
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
  const inAzure = AZURE_MARKERS.some((name) => (env[name] ?? '') !== '');
  return (env.ROUNDTABLE_MODE ?? (inAzure ? 'azure' : 'local')) === 'local';
}
