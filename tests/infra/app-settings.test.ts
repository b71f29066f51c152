// The Function App's settings (infra/modules/functionapp.bicep) against what the API reads
// (api/src/config.ts) and what the Functions host reads: nothing missing, nothing unread, secrets
// only as Key Vault references, and each value wired to the resource it names.
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AZURE_SETTINGS } from '../../api/src/config.js';
import { entries, get, readBicep, stringValue } from './bicep.js';

/** Settings the platform reads, not the API; each with who reads it and why it is set. */
const HOST_SETTINGS: Readonly<Record<string, string>> = {
  AzureWebJobsStorage__accountName:
    'Functions host: its storage (timer leases, the meeting-ends queue trigger) by identity',
  AzureWebJobsStorage__credential: 'Functions host: "managedidentity" for the connection above',
  AzureWebJobsStorage__clientId: 'Functions host: which user-assigned identity to use',
  APPLICATIONINSIGHTS_CONNECTION_STRING: 'Functions host: where telemetry goes',
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING:
    'Functions host: send telemetry with Entra ID (local auth is off on the component)',
  AZURE_CLIENT_ID: '@azure/identity DefaultAzureCredential: which user-assigned identity to use',
};

/** Settings Flex Consumption rejects or ignores (its runtime lives in functionAppConfig). */
const NOT_ON_FLEX = [
  'FUNCTIONS_WORKER_RUNTIME',
  'FUNCTIONS_EXTENSION_VERSION',
  'WEBSITE_NODE_DEFAULT_VERSION',
  'WEBSITE_RUN_FROM_PACKAGE',
  'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING',
  'WEBSITE_CONTENTSHARE',
  'SCM_DO_BUILD_DURING_DEPLOYMENT',
  'ENABLE_ORYX_BUILD',
];

/** The only settings whose value may be written in the template as a literal. */
const LITERAL_SETTINGS: Readonly<Record<string, string>> = {
  ROUNDTABLE_MODE: 'azure',
  AzureWebJobsStorage__credential: 'managedidentity',
};

const functionApp = readBicep('modules/functionapp.bicep');
const main = readBicep('main.bicep');
const keyVault = readBicep('modules/keyvault.bicep');
const webPubSub = readBicep('modules/webpubsub.bicep');

function appSettings(): Map<string, string> {
  const config = functionApp.resources.filter(
    (r) => r.type === 'Microsoft.Web/sites/config' && get(r.body, 'name') === "'appsettings'",
  );
  expect(config).toHaveLength(1);
  return entries(get(config[0]?.body ?? '', 'properties') ?? '{}');
}

function moduleParams(bicep: typeof main, symbol: string): Map<string, string> {
  const found = bicep.modules.find((m) => m.symbol === symbol);
  if (found === undefined) throw new Error(`No module ${symbol}.`);
  return entries(get(found.body, 'params') ?? '{}');
}

const settings = appSettings();
const apiParams = moduleParams(main, 'api');
const api: readonly string[] = [...AZURE_SETTINGS.required, ...AZURE_SETTINGS.optional];

describe('the Function App settings', () => {
  it('provide every setting the API requires in Azure', () => {
    const missing = AZURE_SETTINGS.required.filter((name) => !settings.has(name));
    expect(missing).toEqual([]);
  });

  it('are each read by the API or by the platform', () => {
    const unread = [...settings.keys()].filter(
      (name) => !api.includes(name) && !(name in HOST_SETTINGS),
    );
    expect(unread).toEqual([]);
  });

  it('use every platform setting the allow-list names, and none the API also reads', () => {
    expect(Object.keys(HOST_SETTINGS).filter((name) => !settings.has(name))).toEqual([]);
    expect(Object.keys(HOST_SETTINGS).filter((name) => api.includes(name))).toEqual([]);
  });

  it('leave out the settings Flex Consumption does not take', () => {
    expect(NOT_ON_FLEX.filter((name) => settings.has(name))).toEqual([]);
  });

  it('reach AZURE_CLIENT_ID through @azure/identity, as the allow-list claims', () => {
    const require = createRequire(join(import.meta.dirname, '../../api/package.json'));
    const identityDir = join(dirname(require.resolve('@azure/identity')));
    const sources = readdirSync(identityDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join(identityDir, file), 'utf8'));
    expect(sources.some((source) => source.includes('AZURE_CLIENT_ID'))).toBe(true);
  });

  it('hold secrets only as Key Vault references to the vault the template creates', () => {
    expect(settings.get('ROUNDTABLE_SECRET')).toBe(
      "'@Microsoft.KeyVault(SecretUri=${roundtableSecretUri})'",
    );
    expect(settings.get('BOT_APP_SECRET')).toBe(
      "'@Microsoft.KeyVault(SecretUri=${botAppSecretUri})'",
    );
    expect(apiParams.get('roundtableSecretUri')).toBe('keyVault.outputs.roundtableSecretUri');
    expect(apiParams.get('botAppSecretUri')).toBe('keyVault.outputs.botAppSecretUri');
    expect(keyVault.outputs.get('roundtableSecretUri')).toBe('pseudonymKey.properties.secretUri');
    expect(keyVault.outputs.get('botAppSecretUri')).toBe('botSecret.properties.secretUri');
    const secret = (symbol: string) =>
      get(keyVault.resources.find((r) => r.symbol === symbol)?.body ?? '{}', 'properties', 'value');
    expect(secret('pseudonymKey')).toBe('roundtableSecret');
    expect(secret('botSecret')).toBe('botAppSecret');
  });

  it('write no value into the template except the two harmless literals', () => {
    const literals = [...settings].filter(([, raw]) => stringValue(raw) !== undefined);
    expect(Object.fromEntries(literals.map(([name, raw]) => [name, stringValue(raw)]))).toEqual(
      LITERAL_SETTINGS,
    );
  });

  it('take the secrets from @secure parameters that have no default', () => {
    for (const bicep of [main, keyVault]) {
      for (const name of ['roundtableSecret', 'botAppSecret']) {
        const param = bicep.params.find((p) => p.name === name);
        expect(param?.decorators).toContain('@secure()');
        expect(param?.defaultValue).toBeUndefined();
      }
    }
    expect(main.params.find((p) => p.name === 'roundtableSecret')?.decorators).toContain(
      '@minLength(32)',
    );
  });

  it('pass the secret parameters to the Key Vault module only, and never output them', () => {
    const secretParams = main.params.filter((p) => p.decorators.includes('@secure()'));
    expect(secretParams.map((p) => p.name).sort()).toEqual(['botAppSecret', 'roundtableSecret']);
    for (const module of main.modules) {
      const passed = [...moduleParams(main, module.symbol).values()].join('\n');
      const leaked = secretParams.filter((p) => new RegExp(`\\b${p.name}\\b`).test(passed));
      expect([module.symbol, leaked.length > 0]).toEqual([
        module.symbol,
        module.symbol === 'keyVault',
      ]);
    }
    const outputs = [...main.outputs].join('\n');
    expect(secretParams.filter((p) => outputs.includes(p.name))).toEqual([]);
    expect([...main.outputs.keys()].filter((name) => /SECRET|PASSWORD|KEY$/.test(name))).toEqual(
      [],
    );
  });

  it('name the identity the app runs as for storage and DefaultAzureCredential', () => {
    expect(settings.get('AZURE_CLIENT_ID')).toBe('identityClientId');
    expect(settings.get('AzureWebJobsStorage__clientId')).toBe('identityClientId');
    expect(settings.get('AzureWebJobsStorage__accountName')).toBe('storage.name');
    expect(apiParams.get('identityClientId')).toBe('identity.outputs.clientId');
    expect(apiParams.get('identityId')).toBe('identity.outputs.id');
  });

  it('point at the storage, hub and tab the template creates', () => {
    expect(settings.get('ROUNDTABLE_TABLE_ENDPOINT')).toBe('tableEndpoint');
    expect(apiParams.get('tableEndpoint')).toBe('storage.outputs.tableEndpoint');
    expect(settings.get('ROUNDTABLE_QUEUE_ENDPOINT')).toBe('queueEndpoint');
    expect(apiParams.get('queueEndpoint')).toBe('storage.outputs.queueEndpoint');
    expect(settings.get('WEBPUBSUB_HUB')).toBe('webPubSubHub');
    expect(apiParams.get('webPubSubHub')).toBe('webPubSub.outputs.hubName');
    expect(webPubSub.outputs.get('hubName')).toBe('hub.name');
    expect(get(webPubSub.resources.find((r) => r.symbol === 'hub')?.body ?? '{}', 'name')).toBe(
      'hubName',
    );
    expect(settings.get('ROUNDTABLE_TAB_ORIGIN')).toBe('tabOrigin');
    expect(apiParams.get('tabOrigin')).toBe("'https://${tabDomain}'");
    expect(main.vars.get('tabDomain')).toBe('tab.outputs.defaultHostname');
  });

  it('give the SSO audience the form Teams uses for a tab with a bot: api://<tab host>/botid-<bot id>', () => {
    expect(settings.get('ENTRA_APP_ID_URI')).toBe('entraApplicationIdUri');
    expect(apiParams.get('entraApplicationIdUri')).toBe("'api://${tabDomain}/botid-${botAppId}'");
    expect(apiParams.get('botAppId')).toBe('botAppId');
  });

  it("link to the tab by the catalogue's app id once published, the manifest id until then", () => {
    expect(settings.get('TEAMS_APP_ID')).toBe('teamsAppId');
    expect(apiParams.get('teamsAppId')).toBe(
      'empty(teamsCatalogAppId) ? teamsAppId : teamsCatalogAppId',
    );
  });

  it('name the meetings table the storage module creates', () => {
    expect(settings.get('ROUNDTABLE_TABLE_NAME')).toBe('meetingsTableName');
    const table = stringValue(apiParams.get('meetingsTableName') ?? '', main.vars);
    expect(table).toBe('meetings');
  });
});
