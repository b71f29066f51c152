/**
 * @jest-environment node
 */
// The tab's dev server: plain HTTP for local mode, HTTPS with the Agents Toolkit's development
// certificate when Teams loads the tab from a developer's machine (`vite --mode teams`); and the
// local-mode mark, which only the dev and preview servers put on the pages.
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UserConfig } from 'vite';

type ConfigFactory = (env: { mode: string; command: string }) => UserConfig;

async function configFor(mode: string): Promise<UserConfig> {
  // A plain JavaScript config: imported by a path the type checker does not follow.
  const path = '../../tabs/vite.config.js';
  const module = (await import(path)) as { default: ConfigFactory };
  return module.default({ mode, command: 'serve' });
}

afterEach(() => {
  delete process.env.SSL_CRT_FILE;
  delete process.env.SSL_KEY_FILE;
});

describe('the tab dev server', () => {
  it('serves plain HTTP without a certificate', async () => {
    expect((await configFor('development')).server?.https).toBeUndefined();
  });

  it('serves HTTPS with the certificate the toolkit wrote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roundtable-cert-'));
    writeFileSync(join(dir, 'cert.pem'), 'CERTIFICATE');
    writeFileSync(join(dir, 'key.pem'), 'KEY');
    process.env.SSL_CRT_FILE = join(dir, 'cert.pem');
    process.env.SSL_KEY_FILE = join(dir, 'key.pem');
    const https = (await configFor('teams')).server?.https as { cert: Buffer; key: Buffer };
    expect(https.cert.toString()).toBe('CERTIFICATE');
    expect(https.key.toString()).toBe('KEY');
  });
});

type MarkPlugin = {
  name: string;
  apply: string;
  transformIndexHtml: (html: string) => string;
};

function markPlugin(config: UserConfig): MarkPlugin {
  const plugin = (config.plugins ?? []).find(
    (candidate) => (candidate as { name?: string }).name === 'roundtable-local-mode',
  );
  if (plugin === undefined) throw new Error('No local-mode plugin.');
  return plugin as MarkPlugin;
}

describe('the local-mode mark', () => {
  const page = '<!doctype html><html><head><title>t</title></head><body></body></html>';

  it('marks pages served locally, and only by the servers (never in a build)', async () => {
    const plugin = markPlugin(await configFor('development'));
    expect(plugin.apply).toBe('serve');
    expect(plugin.transformIndexHtml(page)).toContain(
      '<meta name="roundtable-mode" content="local" />',
    );
  });

  it('leaves pages unmarked for the dev server that runs the tab inside Teams', async () => {
    expect(markPlugin(await configFor('teams')).transformIndexHtml(page)).toBe(page);
  });
});
