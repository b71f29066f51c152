// m365agents.yml and m365agents.local.yml: well-formed for the Agents Toolkit's v1.11 schema (the
// actions used here, with their required and allowed keys), every ${{NAME}} they and their files
// use defined by an earlier action, the environment file, or a value the person supplies as
// docs/deploy.md says, and every path, script and build output they name present.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { readBicep } from './bicep.js';

const root = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

const envName = z.string().regex(/^[A-Z][A-Z0-9_]*$/);
const secretEnvName = z.string().regex(/^SECRET_[A-Z0-9_]+$/);
const common = { name: z.string().optional(), env: z.record(z.string(), z.string()).optional() };
const path = z.string().min(1);

/** The actions these files use, as the v1.11 schema defines them (additional keys refused). */
const action = z.union([
  z.strictObject({
    ...common,
    uses: z.literal('teamsApp/create'),
    with: z.strictObject({ name: z.string() }),
    writeToEnvironmentFile: z.strictObject({
      teamsAppId: envName,
      teamsAppTenantId: envName.optional(),
    }),
  }),
  z.strictObject({
    ...common,
    uses: z.literal('aadApp/create'),
    with: z.strictObject({
      name: z.string().max(120),
      generateClientSecret: z.literal(false),
      generateServicePrincipal: z.boolean().optional(),
      signInAudience: z.enum(['AzureADMyOrg', 'AzureADMultipleOrgs']),
    }),
    writeToEnvironmentFile: z.strictObject({
      clientId: envName,
      objectId: envName,
      tenantId: envName.optional(),
      authority: envName.optional(),
      authorityHost: envName.optional(),
    }),
  }),
  z.strictObject({
    ...common,
    uses: z.literal('aadApp/create'),
    with: z.strictObject({
      name: z.string().max(120),
      generateClientSecret: z.literal(true),
      generateServicePrincipal: z.boolean().optional(),
      signInAudience: z.enum(['AzureADMyOrg', 'AzureADMultipleOrgs']),
      clientSecretExpireDays: z.int().min(1).optional(),
      clientSecretDescription: z.string().optional(),
    }),
    writeToEnvironmentFile: z.strictObject({
      clientId: envName,
      objectId: envName,
      clientSecret: secretEnvName,
      tenantId: envName.optional(),
      authority: envName.optional(),
      authorityHost: envName.optional(),
    }),
  }),
  z.strictObject({
    ...common,
    uses: z.literal('aadApp/update'),
    with: z.strictObject({ manifestPath: path, outputFilePath: path }),
  }),
  z.strictObject({
    ...common,
    uses: z.literal('arm/deploy'),
    with: z.strictObject({
      subscriptionId: z.string(),
      resourceGroupName: z.string(),
      bicepCliVersion: z
        .string()
        .regex(/^v\d+\.\d+\.\d+$/)
        .optional(),
      templates: z.array(
        z.strictObject({ path, parameters: path.optional(), deploymentName: z.string() }),
      ),
    }),
  }),
  // This one action takes neither a name nor env in the schema.
  z.strictObject({
    uses: z.literal('azureStaticWebApps/getDeploymentToken'),
    with: z.strictObject({ resourceId: z.string() }),
    writeToEnvironmentFile: z.strictObject({ deploymentToken: envName }),
  }),
  z.strictObject({
    ...common,
    uses: z.literal('teamsApp/validateManifest'),
    with: z.strictObject({ manifestPath: path }),
  }),
  z.strictObject({
    ...common,
    uses: z.literal('teamsApp/zipAppPackage'),
    with: z.strictObject({ manifestPath: path, outputZipPath: path, outputFolder: path }),
  }),
  z.strictObject({
    ...common,
    uses: z.enum(['teamsApp/validateAppPackage', 'teamsApp/update']),
    with: z.strictObject({ appPackagePath: path }),
  }),
  z.strictObject({
    ...common,
    uses: z.literal('teamsApp/publishAppPackage'),
    with: z.strictObject({ appPackagePath: path }),
    writeToEnvironmentFile: z.strictObject({ publishedAppId: envName }),
  }),
  z.strictObject({
    ...common,
    uses: z.enum(['cli/runNpmCommand', 'cli/runNpxCommand']),
    with: z.strictObject({ args: z.string(), workingDirectory: z.string().optional() }),
  }),
  z.strictObject({
    ...common,
    uses: z.literal('script'),
    with: z.strictObject({
      run: z.string(),
      workingDirectory: z.string().optional(),
      shell: z.string().optional(),
      timeout: z.number().optional(),
      redirectTo: z.string().optional(),
    }),
  }),
  z.strictObject({
    ...common,
    uses: z.literal('devTool/install'),
    with: z.strictObject({ devCert: z.strictObject({ trust: z.boolean() }).optional() }),
    writeToEnvironmentFile: z
      .strictObject({ sslCertFile: envName.optional(), sslKeyFile: envName.optional() })
      .optional(),
  }),
  z.strictObject({
    ...common,
    uses: z.literal('file/createOrUpdateJsonFile'),
    with: z.strictObject({
      target: path,
      content: z.record(z.string(), z.unknown()).optional(),
    }),
  }),
  z.strictObject({
    ...common,
    uses: z.literal('file/createOrUpdateEnvironmentFile'),
    with: z.strictObject({
      target: path,
      envs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    }),
  }),
]);
type Action = z.infer<typeof action>;

const lifecycle = z.array(action).min(1);
const project = z.strictObject({
  version: z.literal('v1.11'),
  environmentFolderPath: z.literal('./env'),
  provision: lifecycle,
  deploy: lifecycle,
  publish: lifecycle.optional(),
});

/** Set by the toolkit itself: the environment's name, and prompts when these two are empty. */
const BUILT_IN = ['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME'];

/**
 * Values that are empty until a later step writes them and are then used by provisioning again
 * (the catalogue's app id, written by `atk publish`); the environment file names them, empty.
 */
const WRITTEN_LATER: Readonly<Record<string, readonly string[]>> = {
  'm365agents.yml': ['TEAMS_APP_PUBLISHED_APP_ID'],
};

/** Values the person adds to env/.env.<env>(.user) before provisioning; docs/deploy.md says how. */
const PERSON_SUPPLIED: Readonly<Record<string, readonly string[]>> = {
  'm365agents.yml': ['SECRET_ROUNDTABLE_SECRET'],
  'm365agents.local.yml': ['SECRET_ROUNDTABLE_SECRET', 'DEVELOPER_PRINCIPAL_ID'],
};

/** Outputs actions write without naming them in writeToEnvironmentFile. */
const IMPLICIT_OUTPUTS: Readonly<Record<string, readonly string[]>> = {
  'teamsApp/create': ['TEAMS_APP_TENANT_ID'],
  'teamsApp/update': ['TEAMS_APP_TENANT_ID', 'TEAMS_APP_UPDATE_TIME'],
  'aadApp/update': ['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'],
};

const placeholders = (text: string) =>
  [...text.matchAll(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1] ?? '');

/** arm/deploy's naming: upper case, anything not a letter or digit becomes _. */
const armOutputName = (name: string) => name.toUpperCase().replace(/[^A-Z0-9]/g, '_');

type CommandStep = Extract<Action, { with: { args: string } }>;
type ScriptStep = Extract<Action, { uses: 'script' }>;
const isCommand = (step: Action): step is CommandStep =>
  step.uses === 'cli/runNpmCommand' || step.uses === 'cli/runNpxCommand';
const isScript = (step: Action): step is ScriptStep => step.uses === 'script';

/** Files an action reads and expands ${{NAME}} in. */
function filesReadBy(step: Action): string[] {
  if (step.uses === 'arm/deploy') {
    return step.with.templates.flatMap((t) => (t.parameters === undefined ? [] : [t.parameters]));
  }
  if (
    step.uses === 'aadApp/update' ||
    step.uses === 'teamsApp/validateManifest' ||
    step.uses === 'teamsApp/zipAppPackage'
  ) {
    return [step.with.manifestPath];
  }
  return [];
}

function outputsOf(step: Action): string[] {
  const written =
    'writeToEnvironmentFile' in step ? Object.values(step.writeToEnvironmentFile ?? {}) : [];
  const fromTemplates =
    step.uses === 'arm/deploy'
      ? step.with.templates.flatMap((t) =>
          [...readBicep(t.path.replace(/^\.\/infra\//, '')).outputs.keys()].map(armOutputName),
        )
      : [];
  return [
    ...written.filter((v): v is string => typeof v === 'string'),
    ...fromTemplates,
    ...(IMPLICIT_OUTPUTS[step.uses] ?? []),
  ];
}

function envFileValues(environment: string): Map<string, string> {
  const file = join(root, 'env', `.env.${environment}`);
  if (!existsSync(file)) return new Map();
  return new Map(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim()))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1] ?? '', (m[2] ?? '').replace(/^"(.*)"$/, '$1')]),
  );
}

const projects = [
  { file: 'm365agents.yml', environment: 'dev' },
  { file: 'm365agents.local.yml', environment: 'local' },
];

describe.each(projects)('$file', ({ file, environment }) => {
  const text = read(file);
  const parsed = project.safeParse(parse(text));

  it('follows the v1.11 schema for every action it uses', () => {
    expect(text.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=https://aka.ms/m365-agents-toolkits/v1.11/yaml.schema.json',
    );
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('defines every ${{NAME}} before an action or a file it reads uses it', () => {
    const data = project.parse(parse(text));
    const envFile = envFileValues(environment);
    const given = [...envFile].filter(([, value]) => value !== '').map(([name]) => name);
    const later = (WRITTEN_LATER[file] ?? []).filter((name) => envFile.has(name));
    const defined = new Set([...BUILT_IN, ...given, ...later, ...(PERSON_SUPPLIED[file] ?? [])]);
    const undefinedUses: string[] = [];
    for (const step of [...data.provision, ...data.deploy, ...(data.publish ?? [])]) {
      const files = filesReadBy(step).filter((f) => existsSync(join(root, f)));
      const own = IMPLICIT_OUTPUTS[step.uses] ?? [];
      for (const name of placeholders(JSON.stringify(step))) {
        if (!defined.has(name)) undefinedUses.push(`${step.uses}: ${name}`);
      }
      for (const f of files) {
        for (const name of placeholders(read(f))) {
          if (!defined.has(name) && !own.includes(name)) undefinedUses.push(`${f}: ${name}`);
        }
      }
      for (const name of outputsOf(step)) defined.add(name);
    }
    expect(undefinedUses).toEqual([]);
  });

  it('lists in docs/deploy.md each value the person supplies', () => {
    const guide = read('docs/deploy.md');
    expect((PERSON_SUPPLIED[file] ?? []).filter((name) => !guide.includes(name))).toEqual([]);
  });

  it('names only files, scripts and folders that exist', () => {
    const data = project.parse(parse(text));
    const steps = [...data.provision, ...data.deploy, ...(data.publish ?? [])];
    const named = steps.flatMap((step) => [
      ...filesReadBy(step),
      ...(step.uses === 'arm/deploy' ? step.with.templates.map((t) => t.path) : []),
      ...(isScript(step)
        ? [...step.with.run.matchAll(/\bnode (\S+\.js)\b/g)].map((m) => m[1] ?? '')
        : []),
    ]);
    expect(named.length).toBeGreaterThan(2);
    expect(named.filter((p) => !existsSync(join(root, p)))).toEqual([]);
  });
});

describe('the deploy lifecycle for Azure', () => {
  const load = () => project.parse(parse(read('m365agents.yml')));

  it('builds the tab with the variables the tab reads for the API address and the client id', () => {
    const steps = load().deploy;
    const build = steps.filter(isCommand).find((s) => s.with.args.includes('--workspace tabs'));
    expect(build?.env).toEqual({
      VITE_ROUNDTABLE_API_URL: '${{API_ENDPOINT}}',
      VITE_ROUNDTABLE_CLIENT_ID: '${{BOT_ID}}',
    });
    const settings = read('tabs/src/build-settings.ts');
    expect(settings).toContain('env?.VITE_ROUNDTABLE_API_URL');
    expect(settings).toContain('env?.VITE_ROUNDTABLE_CLIENT_ID');
    const tabs = JSON.parse(read('tabs/package.json')) as { scripts: Record<string, string> };
    expect(tabs.scripts.build).toBeDefined();
  });

  it('deploys the folder Vite builds and the zip the packaging script writes', () => {
    const steps = load().deploy;
    expect(read('tabs/vite.config.js')).toContain("outDir: 'dist/web'");
    const swa = steps.filter(isCommand).find((s) => s.with.args.includes('static-web-apps-cli'));
    expect(swa?.with.args).toContain(' deploy tabs/dist/web ');
    expect(swa?.env).toEqual({ SWA_CLI_DEPLOYMENT_TOKEN: '${{SECRET_TAB_SWA_DEPLOYMENT_TOKEN}}' });
    const az = steps.filter(isScript).find((s) => s.with.run.startsWith('az functionapp'));
    expect(az?.with.run).toContain('--src .roundtable/deploy/api.zip');
    expect(read('infra/scripts/package-api.js')).toContain("join(root, '.roundtable', 'deploy')");
  });

  it('publishes the package the provision step validated', () => {
    const data = load();
    const zipped = (list: readonly Action[]) =>
      list.flatMap((s) => (s.uses === 'teamsApp/zipAppPackage' ? [s.with.outputZipPath] : []));
    const published = (data.publish ?? []).flatMap((s) =>
      s.uses === 'teamsApp/publishAppPackage' ? [s.with.appPackagePath] : [],
    );
    expect(published).toEqual(zipped(data.publish ?? []));
    expect(zipped(data.provision)).toEqual(published);
  });
});
