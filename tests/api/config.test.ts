// Configuration: local mode never runs in Azure, Azure mode names every missing setting.
import { describe, expect, it } from '@jest/globals';
import { ConfigError, isLocalMode, readConfig } from '../../api/src/config.js';

const local = {
  ROUNDTABLE_STORAGE_CONNECTION: 'UseDevelopmentStorage=true',
  ROUNDTABLE_SECRET: 'x'.repeat(32),
};

describe('readConfig', () => {
  it('defaults to local mode off Azure, with k and maxBypass of 3', () => {
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

  it('refuses local mode when it detects Azure App Service', () => {
    const env = { ...local, ROUNDTABLE_MODE: 'local', WEBSITE_INSTANCE_ID: 'abc' };
    expect(() => readConfig(env)).toThrow(/refuses to run in Azure/);
    expect(isLocalMode({ WEBSITE_INSTANCE_ID: 'abc' })).toBe(false);
  });

  it('lists every missing Azure setting by name', () => {
    expect(() => readConfig({ WEBSITE_INSTANCE_ID: 'abc', ENTRA_CLIENT_ID: 'id' })).toThrow(
      'These app settings are missing: ROUNDTABLE_SECRET, ROUNDTABLE_TABLE_ENDPOINT, ROUNDTABLE_QUEUE_ENDPOINT, ROUNDTABLE_TAB_ORIGIN, ENTRA_APP_ID_URI, ENTRA_ALLOWED_TENANTS, BOT_APP_ID, BOT_APP_SECRET, BOT_TENANT_ID, WEBPUBSUB_ENDPOINT.',
    );
  });

  it('reads a complete Azure configuration', () => {
    const config = readConfig({
      WEBSITE_INSTANCE_ID: 'abc',
      ROUNDTABLE_SECRET: 's'.repeat(40),
      ROUNDTABLE_TABLE_ENDPOINT: 'https://account.table.core.windows.net',
      ROUNDTABLE_QUEUE_ENDPOINT: 'https://account.queue.core.windows.net',
      ENTRA_CLIENT_ID: 'client',
      ENTRA_APP_ID_URI: 'api://tab.example/client',
      ENTRA_ALLOWED_TENANTS: 'tenant-a, tenant-b',
      BOT_APP_ID: 'bot',
      BOT_APP_SECRET: 'secret',
      BOT_TENANT_ID: 'tenant-a',
      WEBPUBSUB_ENDPOINT: 'https://pubsub.example',
      ROUNDTABLE_TAB_ORIGIN: 'https://tab.example',
      TEAMS_APP_ID: '7d3c6b3e-0c55-4c1b-9d1e-2d3a4b5c6d7e',
    });
    expect(config.mode).toBe('azure');
    expect(config.entra?.allowedTenants).toEqual(['tenant-a', 'tenant-b']);
    expect(config.bot?.serviceUrl).toBe('https://smba.trafficmanager.net/teams/');
    expect(config.webPubSub?.hub).toBe('roundtable');
    expect(config.tabOrigin).toBe('https://tab.example');
    expect(config.teamsAppId).toBe('7d3c6b3e-0c55-4c1b-9d1e-2d3a4b5c6d7e');
    expect(readConfig(local).teamsAppId).toBeNull();
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
