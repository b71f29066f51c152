import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { ROOT } from '../../scripts/app-package/common.js';
import { fillPlaceholders, parseEnvFile } from '../../scripts/app-package/environment.js';
import { buildPackage } from '../../scripts/package.js';

let root: string;
const localEnv = readFileSync(join(ROOT, 'env', '.env.local'), 'utf8');

/** A copy of the app package and env/.env.local in a scratch folder, so nothing real is touched. */
function scratchRoot() {
  const dir = mkdtempSync(join(tmpdir(), 'roundtable-package-'));
  mkdirSync(join(dir, 'appPackage'));
  mkdirSync(join(dir, 'env'));
  for (const file of ['manifest.json', 'color.png', 'outline.png', 'de.json', 'ar.json']) {
    copyFileSync(join(ROOT, 'appPackage', file), join(dir, 'appPackage', file));
  }
  writeFileSync(join(dir, 'env', '.env.local'), localEnv);
  return dir;
}

beforeAll(() => {
  root = scratchRoot();
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('the package zip', () => {
  it('holds exactly manifest.json, the two icons and the language files, and round-trips', async () => {
    const built = await buildPackage({ envName: 'local', root });
    expect(built.zipPath).toBe(join(root, 'appPackage', 'build', 'appPackage.local.zip'));
    const entries = unzipSync(readFileSync(built.zipPath));
    expect(Object.keys(entries).sort()).toEqual([
      'ar.json',
      'color.png',
      'de.json',
      'manifest.json',
      'outline.png',
    ]);
    // The language files are filled in like the manifest (the name's suffix placeholder).
    const german = JSON.parse(new TextDecoder().decode(entries['de.json'])) as Record<
      string,
      string
    >;
    expect(german['name.short']).toBe((built.manifest.name as { short: string }).short);
    expect(german['description.short']).toMatch(/Redeliste/);
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as unknown;
    expect(manifest).toEqual(built.manifest);
    expect(
      Buffer.from(entries['color.png'] ?? []).equals(
        readFileSync(join(ROOT, 'appPackage', 'color.png')),
      ),
    ).toBe(true);
    expect(
      Buffer.from(entries['outline.png'] ?? []).equals(
        readFileSync(join(ROOT, 'appPackage', 'outline.png')),
      ),
    ).toBe(true);
    expect(readFileSync(built.manifestPath, 'utf8')).toBe(
      new TextDecoder().decode(entries['manifest.json']),
    );
  });

  it('is the same bytes when built twice from the same inputs', async () => {
    const first = readFileSync((await buildPackage({ envName: 'local', root })).zipPath);
    const second = readFileSync((await buildPackage({ envName: 'local', root })).zipPath);
    expect(first.equals(second)).toBe(true);
  });

  it('takes a value from env/.env.<name>.user over env/.env.<name>', async () => {
    writeFileSync(join(root, 'env', '.env.local.user'), 'APP_NAME_SUFFIX=" (mine)"\n');
    try {
      const built = await buildPackage({ envName: 'local', root });
      expect(built.manifest.name).toEqual(expect.objectContaining({ short: 'Roundtable (mine)' }));
      expect(built.sources).toBe('env/.env.local or env/.env.local.user');
    } finally {
      rmSync(join(root, 'env', '.env.local.user'));
    }
  });

  it('refuses to build when a variable is missing or empty, naming each one', async () => {
    const withoutBot = localEnv
      .replace(/^BOT_ID=.*$/m, '')
      .replace(/^TAB_DOMAIN=.*$/m, 'TAB_DOMAIN=');
    writeFileSync(join(root, 'env', '.env.broken'), withoutBot);
    await expect(buildPackage({ envName: 'broken', root })).rejects.toThrow(
      'Set BOT_ID, TAB_DOMAIN in env/.env.broken: the manifest uses them.',
    );
  });

  it('refuses a package whose filled manifest breaks the schema or the domain rules', async () => {
    const badId = localEnv.replace(/^TEAMS_APP_ID=.*$/m, 'TEAMS_APP_ID=not-a-guid');
    const httpTab = badId.replace(/^TAB_ENDPOINT=.*$/m, 'TAB_ENDPOINT=http://localhost:53000');
    writeFileSync(join(root, 'env', '.env.bad'), httpTab);
    const failure = buildPackage({ envName: 'bad', root });
    await expect(failure).rejects.toThrow(
      /The bad package is not valid:\n {2}- \/id must match pattern/,
    );
    await expect(failure).rejects.toThrow(
      /configurationUrl http:\/\/localhost:53000\/config\.html must use https/,
    );
  });

  it('refuses a language file the official localization schema refuses, or one that is missing', async () => {
    const german = readFileSync(join(ROOT, 'appPackage', 'de.json'), 'utf8');
    const tooLong = german.replace(
      /"name\.full": "[^"]*"/,
      `"name.full": "${'Roundtable '.repeat(10)}"`,
    );
    writeFileSync(join(root, 'appPackage', 'de.json'), tooLong);
    rmSync(join(root, 'appPackage', 'ar.json'));
    try {
      const failure = buildPackage({ envName: 'local', root });
      await expect(failure).rejects.toThrow(
        /de\.json: \/name\.full must NOT have more than 100 characters/,
      );
      await expect(failure).rejects.toThrow(/appPackage\/ar\.json is missing/);
    } finally {
      writeFileSync(join(root, 'appPackage', 'de.json'), german);
      copyFileSync(join(ROOT, 'appPackage', 'ar.json'), join(root, 'appPackage', 'ar.json'));
    }
  });

  it('names the known environments when asked for one that does not exist', async () => {
    await expect(buildPackage({ envName: 'prod', root })).rejects.toThrow(
      /There is no env\/\.env\.prod\. Known environments: .*local/,
    );
  });
});

describe('environment files and placeholders', () => {
  it('parses comments, quotes and blank values', () => {
    expect(parseEnvFile('# note\nA=1\nB=" two "\nC=\'3\'\nD=\nE=five # trailing note\n')).toEqual({
      A: '1',
      B: ' two ',
      C: '3',
      D: '',
      E: 'five',
    });
    expect(() => parseEnvFile('NOT A LINE')).toThrow('Line 1 is not NAME=value: NOT A LINE');
  });

  it('fills placeholders with JSON-safe text and lets only the name suffix be empty', () => {
    expect(fillPlaceholders('{"a":"${{A}}","b":"x${{ B }}"}', { A: 'say "hi"', B: 'y' })).toBe(
      '{"a":"say \\"hi\\"","b":"xy"}',
    );
    expect(fillPlaceholders('"Roundtable${{APP_NAME_SUFFIX}}"', { APP_NAME_SUFFIX: '' })).toBe(
      '"Roundtable"',
    );
    expect(() => fillPlaceholders('"${{TAB_DOMAIN}}"', { TAB_DOMAIN: '' }, 'env/.env.x')).toThrow(
      'Set TAB_DOMAIN in env/.env.x: the manifest uses it.',
    );
    expect(() => fillPlaceholders('"${{A}}" and ${{ broken', { A: 'a' })).toThrow(
      /still holds "\$\{\{"/,
    );
  });
});
