// The scripts the deploy lifecycles run, in real Node: the API's deployment package carries
// exactly what it needs and loads in a folder with nothing else around it; the local check
// refuses addresses the Bot Service could not reach.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';

const root = join(import.meta.dirname, '..', '..');
const node = (args: string[], cwd = root, env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });

describe('infra/scripts/package-api.js', () => {
  let work: string;
  let entries: Record<string, Uint8Array>;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'roundtable-package-'));
    const built = node(['infra/scripts/package-api.js', '--out', join(work, 'out')]);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    entries = unzipSync(readFileSync(join(work, 'out', 'api.zip')));
  }, 120_000);

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('zips host.json, the compiled API and a package.json that runs dist/index.js as ESM', () => {
    expect(entries['host.json']).toBeDefined();
    expect(entries['dist/index.js']).toBeDefined();
    const manifest = JSON.parse(new TextDecoder().decode(entries['package.json'])) as Record<
      string,
      unknown
    >;
    expect(manifest).toMatchObject({ main: 'dist/index.js', type: 'module' });
    expect(manifest.devDependencies).toBeUndefined();
    expect(manifest.optionalDependencies).toBeUndefined();
  });

  it('carries the production dependencies and the compiled core, not sources or tools', () => {
    const names = Object.keys(entries);
    for (const needed of [
      'node_modules/@azure/functions/package.json',
      'node_modules/@azure/identity/package.json',
      'node_modules/@azure/data-tables/package.json',
      'node_modules/@azure/storage-queue/package.json',
      'node_modules/@azure/web-pubsub/package.json',
      'node_modules/jose/package.json',
      'node_modules/zod/package.json',
      'node_modules/@roundtable/core/package.json',
      'node_modules/@roundtable/core/dist/index.js',
    ]) {
      expect([needed, names.includes(needed)]).toEqual([needed, true]);
    }
    const unwanted = names.filter(
      (name) =>
        name.startsWith('src/') ||
        name.startsWith('node_modules/@roundtable/core/src/') ||
        name.includes('azure-functions-core-tools') ||
        name.includes('azurite') ||
        name.includes('local.settings') ||
        /\.(map|tsbuildinfo)$|\.d\.[cm]?ts$/.test(name),
    );
    expect(unwanted).toEqual([]);
  });

  it("keeps the API on the @azure/identity version it pins, not the workspace's newer one", () => {
    const pinned = JSON.parse(
      readFileSync(join(root, 'api', 'node_modules', '@azure', 'identity', 'package.json'), 'utf8'),
    ) as { version: string };
    const staged = JSON.parse(
      new TextDecoder().decode(entries['node_modules/@azure/identity/package.json']),
    ) as { version: string };
    expect(staged.version).toBe(pinned.version);
  });

  it('loads and builds its Azure services in a folder with no other node_modules', () => {
    const unpacked = join(work, 'unpacked');
    for (const [name, data] of Object.entries(entries)) {
      mkdirSync(dirname(join(unpacked, name)), { recursive: true });
      writeFileSync(join(unpacked, name), data);
    }
    // The settings a deployment provides; nothing is contacted while the services are built.
    const env = {
      PATH: process.env.PATH ?? '',
      ROUNDTABLE_MODE: 'azure',
      ROUNDTABLE_SECRET: 'x'.repeat(32),
      ROUNDTABLE_TABLE_ENDPOINT: 'https://example.table.core.windows.net/',
      ROUNDTABLE_QUEUE_ENDPOINT: 'https://example.queue.core.windows.net/',
      ROUNDTABLE_TAB_ORIGIN: 'https://tab.example',
      ENTRA_CLIENT_ID: 'client',
      ENTRA_APP_ID_URI: 'api://tab.example/client',
      ENTRA_ALLOWED_TENANTS: 'tenant',
      BOT_APP_ID: 'bot',
      BOT_APP_SECRET: 'secret',
      BOT_TENANT_ID: 'tenant',
      WEBPUBSUB_ENDPOINT: 'https://example.webpubsub.azure.com',
    };
    const script = [
      "await import('./dist/index.js');",
      "const { createServices } = await import('./dist/composition.js');",
      "const { readConfig } = await import('./dist/config.js');",
      'const services = await createServices(readConfig(process.env));',
      "console.log('services', services.config.mode, services.botAuth !== null);",
    ].join('\n');
    const run = node(['--input-type=module', '-e', script], unpacked, env);
    expect(run.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|Cannot find (module|package)/);
    expect(run.stdout).toContain('services azure true');
    expect(run.status).toBe(0);
  });
});

describe('infra/scripts/check-local-endpoints.js', () => {
  const check = (...args: string[]) => node(['infra/scripts/check-local-endpoints.js', ...args]);

  it('accepts the tab on localhost and the API on a dev tunnel', () => {
    const run = check(
      'https://localhost:53000',
      'localhost:53000',
      'https://abc-7071.euw.devtunnels.ms',
      'abc-7071.euw.devtunnels.ms',
    );
    expect(run.status).toBe(0);
  });

  it('refuses an API on localhost, which the Bot Service cannot reach', () => {
    const run = check(
      'https://localhost:53000',
      'localhost:53000',
      'https://localhost:7071',
      'localhost:7071',
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('API_ENDPOINT must be your dev tunnel URL');
  });

  it('refuses plain http, paths, and domains that do not match their endpoint', () => {
    const run = check(
      'http://localhost:53000',
      'localhost:53000',
      'https://abc-7071.euw.devtunnels.ms/api',
      'other.example',
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('TAB_ENDPOINT must be an https URL');
    expect(run.stderr).toContain('API_ENDPOINT must be an origin');
  });

  it("refuses a domain that is not its endpoint's host", () => {
    const run = check(
      'https://localhost:53000',
      'localhost',
      'https://abc-7071.euw.devtunnels.ms',
      'abc-7071.euw.devtunnels.ms',
    );
    expect(run.stderr).toContain('TAB_DOMAIN must be the host of TAB_ENDPOINT: localhost:53000');
    expect(run.status).toBe(1);
  });
});
