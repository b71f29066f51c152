// Configuration: local mode only when asked for and never in Azure; Azure mode names every
// missing setting and fails closed.
import { describe, expect, it } from '@jest/globals';
import { ConfigError, isLocalMode, readConfig } from '../../api/src/config.js';

const local = {
  ROUNDTABLE_MODE: 'local',
  ROUNDTABLE_STORAGE_CONNECTION: 'UseDevelopmentStorage=true',
  ROUNDTABLE_SECRET: 'x'.repeat(32),
};

const azure = {
  ROUNDTABLE_SECRET: 's'.repeat(40),
  ROUNDTABLE_TABLE_ENDPOINT: 'https://account.table.core.windows.net',
  ROUNDTABLE_QUEUE_ENDPOINT: 'https://account.queue.core.windows.net',
  ENTRA_APP_ID_URI: 'api://tab.example/botid-bot',
  ENTRA_ALLOWED_TENANTS: 'tenant-a, tenant-b',
  BOT_APP_ID: 'bot',
  BOT_APP_SECRET: 'secret',
  BOT_TENANT_ID: 'tenant-a',
  WEBPUBSUB_ENDPOINT: 'https://pubsub.example',
  ROUNDTABLE_TAB_ORIGIN: 'https://tab.example',
};

describe('readConfig', () => {
  it('runs in local mode when asked, with k and maxBypass of 3', () => {
    const config = readConfig(local);
    expect(config).toMatchObject({
      mode: 'local',
      meeting: { k: 3, maxBypass: 3 },
      tabOrigin: 'http://127.0.0.1:53000',
    });
    expect(isLocalMode(local)).toBe(true);
    expect(config.retention).toEqual({ recordDays: 30, summaryDays: 400 });
    expect(
      readConfig({ ...local, ROUNDTABLE_RECORD_RETENTION_DAYS: '7' }).retention.recordDays,
    ).toBe(7);
  });

  it('reads the local Graph: on, looking after 2, 10 and 30 s, unless told otherwise', () => {
    expect(readConfig(local)).toMatchObject({ graph: { answer: 'on', lookDelaysS: [2, 10, 30] } });
    expect(
      readConfig({
        ...local,
        ROUNDTABLE_LOCAL_GRAPH: 'attribution-off',
        ROUNDTABLE_LOCAL_GRAPH_DELAYS: '1,5',
      }),
    ).toMatchObject({ graph: { answer: 'attribution-off', lookDelaysS: [1, 5] } });
    expect(() => readConfig({ ...local, ROUNDTABLE_LOCAL_GRAPH: 'maybe' })).toThrow(
      /ROUNDTABLE_LOCAL_GRAPH must be one of on, off, transcripts-off/,
    );
    expect(() => readConfig({ ...local, ROUNDTABLE_LOCAL_GRAPH_DELAYS: '2,soon' })).toThrow(
      ConfigError,
    );
  });

  it('refuses local mode when it detects Azure App Service', () => {
    const env = { ...local, WEBSITE_INSTANCE_ID: 'abc' };
    expect(() => readConfig(env)).toThrow(/refuses to run in Azure/);
    expect(isLocalMode({ WEBSITE_INSTANCE_ID: 'abc' })).toBe(false);
  });

  it('is never local by default: without ROUNDTABLE_MODE it needs every Azure setting', () => {
    // Container Apps, AKS or a VM set none of App Service's variables: still not local mode.
    const { ROUNDTABLE_MODE: _mode, ...unset } = local;
    expect(isLocalMode(unset)).toBe(false);
    expect(() => readConfig(unset)).toThrow(/These app settings are missing/);
  });

  it('lists every missing Azure setting by name', () => {
    expect(() => readConfig({ WEBSITE_INSTANCE_ID: 'abc', BOT_APP_ID: 'id' })).toThrow(
      'These app settings are missing: ROUNDTABLE_SECRET, ROUNDTABLE_TABLE_ENDPOINT, ROUNDTABLE_QUEUE_ENDPOINT, ROUNDTABLE_TAB_ORIGIN, ENTRA_APP_ID_URI, ENTRA_ALLOWED_TENANTS, BOT_APP_SECRET, BOT_TENANT_ID, WEBPUBSUB_ENDPOINT.',
    );
  });

  it('reads a complete Azure configuration: one Entra app, the public cloud by default', () => {
    const config = readConfig({ ...azure, TEAMS_APP_ID: '7d3c6b3e-0c55-4c1b-9d1e-2d3a4b5c6d7e' });
    if (config.mode !== 'azure') throw new Error('Expected Azure mode.');
    expect(config.entra).toEqual({
      applicationIdUri: 'api://tab.example/botid-bot',
      allowedTenants: ['tenant-a', 'tenant-b'],
    });
    expect(config.bot.appId).toBe('bot');
    expect(config.cloud.defaultServiceUrl).toBe('https://smba.trafficmanager.net/teams/');
    expect(config.webPubSub.hub).toBe('roundtable');
    expect(config.tabOrigin).toBe('https://tab.example');
    expect(config.teamsAppId).toBe('7d3c6b3e-0c55-4c1b-9d1e-2d3a4b5c6d7e');
    expect(readConfig(azure)).toMatchObject({ mode: 'azure', teamsAppId: null });
  });

  it('speaks to GCC where asked, and says plainly that GCC High and DoD are not supported', () => {
    const gcc = readConfig({ ...azure, TEAMS_CLOUD: 'gcc' });
    if (gcc.mode !== 'azure') throw new Error('Expected Azure mode.');
    expect(gcc.cloud.defaultServiceUrl).toBe('https://smba.infra.gcc.teams.microsoft.com/teams');
    for (const cloud of ['gcch', 'dod']) {
      expect(() => readConfig({ ...azure, TEAMS_CLOUD: cloud })).toThrow(/not support GCC High/);
    }
    expect(() => readConfig({ ...azure, TEAMS_CLOUD: 'mooncake' })).toThrow(/TEAMS_CLOUD/);
  });

  it.each([
    [{ ROUNDTABLE_K: '2' }, /ROUNDTABLE_K/],
    [{ ROUNDTABLE_MAX_BYPASS: '-1' }, /ROUNDTABLE_MAX_BYPASS/],
    [{ ROUNDTABLE_MODE: 'cloud' }, /ROUNDTABLE_MODE/],
    [{ ROUNDTABLE_RECORD_RETENTION_DAYS: '0' }, /ROUNDTABLE_RECORD_RETENTION_DAYS/],
    [{ ROUNDTABLE_SUMMARY_RETENTION_DAYS: 'forever' }, /ROUNDTABLE_SUMMARY_RETENTION_DAYS/],
    [{ ROUNDTABLE_SECRET: 'short' }, /at least 32/],
    [{ ROUNDTABLE_STORAGE_CONNECTION: '' }, /ROUNDTABLE_STORAGE_CONNECTION/],
  ])('rejects %o with a message naming the setting', (override, message) => {
    expect(() => readConfig({ ...local, ...override })).toThrow(ConfigError);
    expect(() => readConfig({ ...local, ...override })).toThrow(message);
  });
});
