// The resources in infra/: every one the deployment guide lists, each locked down as the design says,
// role assignments with Azure's built-in role ids, storage matching what the API uses, and
// modules, parameters and outputs that fit together (what `bicep build` would catch first).
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  END_QUEUE_NAME,
  poisonQueueName,
} from '../../api/src/adapters/storage/storage-end-queue.js';
import { MEASURES_QUEUE_NAME } from '../../api/src/adapters/storage/storage-measures-queue.js';
import { entraVerifierOptions } from '../../api/src/adapters/jwt-token-verifier.js';
import {
  type Bicep,
  entries,
  get,
  infraDir,
  items,
  mask,
  readBicep,
  stringValue,
} from './bicep.js';

/** Built-in role ids, from Microsoft's list of Azure built-in roles. */
const BUILT_IN_ROLES: Readonly<Record<string, string>> = {
  'Storage Blob Data Owner': 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b',
  'Storage Queue Data Contributor': '974c5e8b-45b9-4653-ba55-5f855dd0fb88',
  'Storage Table Data Contributor': '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3',
  'Web PubSub Service Owner': '12cf5a90-567b-43ae-8102-96cf46c7d9b4',
  'Key Vault Secrets User': '4633458b-17de-408a-b874-0445c86b69e6',
  'Monitoring Metrics Publisher': '3913510d-42f4-4e42-8a64-420c390055eb',
};

const root = join(infraDir, '..');
const files = [
  'main.bicep',
  'local.bicep',
  ...readdirSync(join(infraDir, 'modules')).map((file) => `modules/${file}`),
];
const parsed = new Map(files.map((file) => [file, readBicep(file)]));
const bicep = (file: string): Bicep => {
  const found = parsed.get(file);
  if (found === undefined) throw new Error(`No ${file}.`);
  return found;
};
const allResources = [...parsed.values()].flatMap((b) => b.resources);

function resource(file: string, type: string) {
  const found = bicep(file).resources.filter((r) => r.type === type && !r.existing);
  expect(found).toHaveLength(1);
  return found[0]?.body ?? '{}';
}

function moduleParams(file: string, symbol: string): Map<string, string> {
  const found = bicep(file).modules.find((m) => m.symbol === symbol);
  if (found === undefined) throw new Error(`No module ${symbol} in ${file}.`);
  return entries(get(found.body, 'params') ?? '{}');
}

describe('the resources', () => {
  it('include every resource the deployment guide lists', () => {
    const declared = new Set(allResources.filter((r) => !r.existing).map((r) => r.type));
    const wanted = [
      'Microsoft.ManagedIdentity/userAssignedIdentities',
      'Microsoft.Web/serverfarms',
      'Microsoft.Web/sites',
      'Microsoft.Web/sites/config',
      'Microsoft.Storage/storageAccounts',
      'Microsoft.Storage/storageAccounts/tableServices/tables',
      'Microsoft.Storage/storageAccounts/queueServices/queues',
      'Microsoft.Storage/storageAccounts/blobServices/containers',
      'Microsoft.SignalRService/webPubSub',
      'Microsoft.SignalRService/webPubSub/hubs',
      'Microsoft.KeyVault/vaults',
      'Microsoft.KeyVault/vaults/secrets',
      'Microsoft.OperationalInsights/workspaces',
      'Microsoft.Insights/components',
      'Microsoft.Web/staticSites',
      'Microsoft.BotService/botServices',
      'Microsoft.BotService/botServices/channels',
      'Microsoft.Authorization/roleAssignments',
    ];
    expect(wanted.filter((type) => !declared.has(type))).toEqual([]);
  });

  it('put the API on Flex Consumption, Node 22, Linux, as the user-assigned identity', () => {
    const plan = resource('modules/functionapp.bicep', 'Microsoft.Web/serverfarms');
    expect(get(plan, 'sku', 'name')).toBe("'FC1'");
    expect(get(plan, 'sku', 'tier')).toBe("'FlexConsumption'");
    expect(get(plan, 'properties', 'reserved')).toBe('true');
    const site = resource('modules/functionapp.bicep', 'Microsoft.Web/sites');
    expect(get(site, 'kind')).toBe("'functionapp,linux'");
    expect(get(site, 'identity', 'type')).toBe("'UserAssigned'");
    expect(get(site, 'properties', 'keyVaultReferenceIdentity')).toBe('identityId');
    const config = get(site, 'properties', 'functionAppConfig') ?? '{}';
    expect(get(config, 'runtime', 'name')).toBe("'node'");
    expect(get(config, 'runtime', 'version')).toBe("'22'");
    const storage = get(config, 'deployment', 'storage') ?? '{}';
    expect(get(storage, 'type')).toBe("'blobContainer'");
    expect(get(storage, 'authentication', 'type')).toBe("'UserAssignedIdentity'");
    expect(get(storage, 'authentication', 'userAssignedIdentityResourceId')).toBe('identityId');
  });

  it('serve the API over HTTPS only, TLS 1.2, no FTP, no basic-auth publishing', () => {
    const site = resource('modules/functionapp.bicep', 'Microsoft.Web/sites');
    expect(get(site, 'properties', 'httpsOnly')).toBe('true');
    expect(get(site, 'properties', 'siteConfig', 'minTlsVersion')).toBe("'1.2'");
    expect(get(site, 'properties', 'siteConfig', 'ftpsState')).toBe("'Disabled'");
    const policies = bicep('modules/functionapp.bicep').resources.filter(
      (r) => r.type === 'Microsoft.Web/sites/basicPublishingCredentialsPolicies',
    );
    expect(policies.map((p) => [get(p.body, 'name'), get(p.body, 'properties', 'allow')])).toEqual([
      ["'ftp'", 'false'],
      ["'scm'", 'false'],
    ]);
  });

  it('allow exactly one browser origin, the tab, without credentials', () => {
    const site = resource('modules/functionapp.bicep', 'Microsoft.Web/sites');
    const cors = get(site, 'properties', 'siteConfig', 'cors') ?? '{}';
    expect(items(get(cors, 'allowedOrigins') ?? '[]')).toEqual(['tabOrigin']);
    expect(get(cors, 'supportCredentials')).toBe('false');
  });

  it('lock the storage account to Entra ID over TLS 1.2 with no public blobs', () => {
    const storage = resource('modules/storage.bicep', 'Microsoft.Storage/storageAccounts');
    expect(get(storage, 'properties', 'allowSharedKeyAccess')).toBe('false');
    expect(get(storage, 'properties', 'minimumTlsVersion')).toBe("'TLS1_2'");
    expect(get(storage, 'properties', 'allowBlobPublicAccess')).toBe('false');
    expect(get(storage, 'properties', 'supportsHttpsTrafficOnly')).toBe('true');
    const container = resource(
      'modules/functionapp.bicep',
      'Microsoft.Storage/storageAccounts/blobServices/containers',
    );
    expect(get(container, 'properties', 'publicAccess')).toBe("'None'");
  });

  it('turn off keys on Web PubSub and Application Insights, and deny anonymous hub clients', () => {
    const wps = resource('modules/webpubsub.bicep', 'Microsoft.SignalRService/webPubSub');
    expect(get(wps, 'properties', 'disableLocalAuth')).toBe('true');
    expect(get(wps, 'properties', 'disableAadAuth')).toBe('false');
    const hub = resource('modules/webpubsub.bicep', 'Microsoft.SignalRService/webPubSub/hubs');
    expect(get(hub, 'properties', 'anonymousConnectPolicy')).toBe("'deny'");
    const insights = resource('modules/monitoring.bicep', 'Microsoft.Insights/components');
    expect(get(insights, 'properties', 'DisableLocalAuth')).toBe('true');
  });

  it('use a Key Vault with RBAC, soft delete and purge protection, and no access policies', () => {
    const vault = resource('modules/keyvault.bicep', 'Microsoft.KeyVault/vaults');
    expect(get(vault, 'properties', 'enableRbacAuthorization')).toBe('true');
    expect(get(vault, 'properties', 'enableSoftDelete')).toBe('true');
    expect(get(vault, 'properties', 'enablePurgeProtection')).toBe('true');
    expect(get(vault, 'properties', 'accessPolicies')).toBeUndefined();
  });

  it("register a single-tenant bot on the API's /api/messages with Teams enabled", () => {
    const bot = resource('modules/bot.bicep', 'Microsoft.BotService/botServices');
    expect(get(bot, 'properties', 'msaAppType')).toBe("'SingleTenant'");
    expect(get(bot, 'properties', 'endpoint')).toBe('messagingEndpoint');
    expect(moduleParams('main.bicep', 'bot').get('messagingEndpoint')).toBe(
      "'https://${api.outputs.defaultHostName}/api/messages'",
    );
    expect(moduleParams('local.bicep', 'bot').get('messagingEndpoint')).toBe(
      "'${apiEndpoint}/api/messages'",
    );
    const channel = resource('modules/bot.bicep', 'Microsoft.BotService/botServices/channels');
    expect(get(channel, 'name')).toBe("'MsTeamsChannel'");
    expect(get(channel, 'properties', 'properties', 'isEnabled')).toBe('true');
  });
});

describe('storage as the API uses it', () => {
  // Every adapter that runs in Azure; local/ (Azurite only) and memory/ (tests) never do.
  const adapters = join(root, 'api', 'src', 'adapters');
  const tableNames = readdirSync(adapters, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !/^(local|memory)\//.test(file))
    .flatMap((file) => [
      ...readFileSync(join(adapters, file), 'utf8').matchAll(/tableName = '(\w+)'/g),
    ])
    .map((m) => m[1]);

  it.each(['main.bicep', 'local.bicep'])(
    '%s creates every table and queue the API reads',
    (file) => {
      const params = moduleParams(file, 'storage');
      const { vars } = bicep(file);
      const tables = items(params.get('tableNames') ?? '[]').map((raw) => stringValue(raw, vars));
      const queues = items(params.get('queueNames') ?? '[]').map((raw) => stringValue(raw, vars));
      expect(tableNames.length).toBeGreaterThan(1);
      expect(tableNames.filter((name) => !tables.includes(name))).toEqual([]);
      expect(queues.sort()).toEqual(
        [END_QUEUE_NAME, MEASURES_QUEUE_NAME]
          .flatMap((name) => [name, poisonQueueName(name)])
          .sort(),
      );
    },
  );
});

describe('role assignments', () => {
  const roleIds = Object.values(BUILT_IN_ROLES);

  it('use only the built-in role ids Microsoft publishes', () => {
    const guids = [...parsed.values()].flatMap((b) => [
      ...b.text.matchAll(/'([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'/gi),
    ]);
    expect(guids.length).toBeGreaterThan(0);
    expect(guids.map((m) => m[1]).filter((id) => !roleIds.includes(id ?? ''))).toEqual([]);
  });

  it('grant every role the app needs, each through subscriptionResourceId', () => {
    const granted = new Set<string>();
    for (const b of parsed.values()) {
      for (const r of b.resources.filter(
        (x) => x.type === 'Microsoft.Authorization/roleAssignments',
      )) {
        const definition = get(r.body, 'properties', 'roleDefinitionId') ?? '';
        const role =
          /^subscriptionResourceId\('Microsoft\.Authorization\/roleDefinitions', (\w+)\)$/.exec(
            definition,
          );
        expect(role).not.toBeNull();
        granted.add(stringValue(role?.[1] ?? '', b.vars) ?? '');
        expect(get(r.body, 'properties', 'principalType')).toBeDefined();
        expect(get(r.body, 'scope')).toBeDefined();
      }
    }
    const missing = Object.entries(BUILT_IN_ROLES).filter(([, id]) => !granted.has(id));
    expect(missing).toEqual([]);
  });

  it('grant the data roles to the app identity in Azure and to the developer locally', () => {
    const principal = (file: string, module: string) =>
      moduleParams(file, module).get('principals');
    expect(principal('main.bicep', 'storage')).toBe('appPrincipal');
    expect(principal('main.bicep', 'webPubSub')).toBe('appPrincipal');
    expect(
      get(
        bicep('main.bicep')
          .vars.get('appPrincipal')
          ?.replace(/^\[|\]$/g, '') ?? '{}',
        'principalId',
      ),
    ).toBe('identity.outputs.principalId');
    expect(principal('local.bicep', 'storage')).toBe('developer');
    expect(moduleParams('main.bicep', 'keyVault').get('readerPrincipalId')).toBe(
      'identity.outputs.principalId',
    );
    expect(moduleParams('main.bicep', 'monitoring').get('publisherPrincipalId')).toBe(
      'identity.outputs.principalId',
    );
  });
});

describe('modules, parameters and outputs', () => {
  it.each(files)('%s passes each module exactly the parameters it declares', (file) => {
    for (const module of bicep(file).modules) {
      const target = join(dirname(file), module.path);
      expect(existsSync(join(infraDir, target))).toBe(true);
      const declared = bicep(target).params;
      const passed = [...moduleParams(file, module.symbol).keys()];
      expect(passed.filter((name) => !declared.some((p) => p.name === name))).toEqual([]);
      const required = declared.filter((p) => p.defaultValue === undefined).map((p) => p.name);
      expect(required.filter((name) => !passed.includes(name))).toEqual([]);
    }
  });

  it.each(files)('%s uses every parameter and variable it declares', (file) => {
    const { text, params, vars } = bicep(file);
    const unused = [...params.map((p) => p.name), ...vars.keys()].filter(
      (name) => [...text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))].length < 2,
    );
    expect(unused).toEqual([]);
  });

  it.each(files)('%s reads only outputs its modules declare', (file) => {
    const { text, modules } = bicep(file);
    const code = mask(text);
    // Interpolations are blanked by mask(); read references from both the code and the strings.
    const references = [...`${code}\n${text}`.matchAll(/\b(\w+)\.outputs\.(\w+)/g)];
    for (const [, symbol, output] of references) {
      const module = modules.find((m) => m.symbol === symbol);
      expect([symbol, module !== undefined]).toEqual([symbol, true]);
      const declared = bicep(join(dirname(file), module?.path ?? '')).outputs;
      expect([symbol, output, declared.has(output ?? '')]).toEqual([symbol, output, true]);
    }
  });

  it.each([
    ['main.bicep', 'azure.parameters.json'],
    ['local.bicep', 'local.parameters.json'],
  ])('%s gets its parameters from %s', (file, parametersFile) => {
    const parameters = (
      JSON.parse(readFileSync(join(infraDir, parametersFile), 'utf8')) as {
        parameters: Record<string, { value: unknown }>;
      }
    ).parameters;
    const declared = bicep(file).params;
    expect(
      Object.keys(parameters).filter((name) => !declared.some((p) => p.name === name)),
    ).toEqual([]);
    const required = declared.filter((p) => p.defaultValue === undefined).map((p) => p.name);
    expect(required.filter((name) => !(name in parameters))).toEqual([]);
    for (const p of declared.filter((x) => x.decorators.includes('@secure()'))) {
      expect(parameters[p.name]?.value).toMatch(/^\$\{\{SECRET_[A-Z0-9_]+\}\}$/);
    }
  });

  it('outputs the names the Teams manifest and m365agents.yml use', () => {
    const outputs = [...bicep('main.bicep').outputs.keys()];
    expect(outputs).toEqual(
      expect.arrayContaining(['TAB_ENDPOINT', 'TAB_DOMAIN', 'API_ENDPOINT', 'API_DOMAIN']),
    );
    expect(outputs.filter((name) => !/^[A-Z][A-Z0-9_]*$/.test(name))).toEqual([]);
  });
});

describe('single sign-on', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'aad.manifest.json'), 'utf8')) as {
    identifierUris: string[];
    oauth2Permissions: { value: string; id: string }[];
    preAuthorizedApplications: { appId: string; permissionIds: string[] }[];
    signInAudience: string;
    accessTokenAcceptedVersion: number;
    replyUrlsWithType: { url: string; type: string }[];
  };
  const verifier = entraVerifierOptions({
    clientId: 'bot',
    applicationIdUri: 'api://tab.example/botid-bot',
    allowedTenants: ['tenant'],
  });

  it('exposes the scope the API requires, to the Teams clients only', () => {
    expect(manifest.oauth2Permissions.map((p) => p.value)).toEqual([verifier.requiredScope]);
    // Teams desktop and mobile, Teams on the web.
    expect(manifest.preAuthorizedApplications.map((a) => a.appId).sort()).toEqual([
      '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
      '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
    ]);
    // And the API accepts tokens those clients obtained, and no other client's.
    expect([...verifier.clientApps].sort()).toEqual(
      manifest.preAuthorizedApplications.map((a) => a.appId).sort(),
    );
    const scope = manifest.oauth2Permissions[0]?.id;
    expect(
      manifest.preAuthorizedApplications.every((a) => a.permissionIds.includes(scope ?? '')),
    ).toBe(true);
  });

  it("is the bot's own app, with the application id URI the API accepts as an audience", () => {
    const app = manifest as unknown as { appId: string; id: string };
    expect([app.appId, app.id]).toEqual(['${{BOT_ID}}', '${{BOT_OBJECT_ID}}']);
    expect(manifest.identifierUris).toEqual(['api://${{TAB_DOMAIN}}/botid-${{BOT_ID}}']);
    expect(verifier.audiences).toEqual(['api://tab.example/botid-bot', 'bot']);
    expect(manifest.accessTokenAcceptedVersion).toBe(2);
    expect(manifest.signInAudience).toBe('AzureADMyOrg');
  });

  it('lets the consent pop-up return to the tab, and nowhere else', () => {
    expect(manifest.replyUrlsWithType).toEqual([
      { url: '${{TAB_ENDPOINT}}/auth-end.html', type: 'Spa' },
    ]);
    expect(readFileSync(join(root, 'tabs/src/teams/consent-popup.ts'), 'utf8')).toContain(
      '`${origin}/auth-end.html`',
    );
    expect(manifest.accessTokenAcceptedVersion).toBe(2);
    expect(manifest.signInAudience).toBe('AzureADMyOrg');
  });
});
