// `npm run package [-- --env <name>]`: fills appPackage/manifest.json from env/.env.<name> (and the
// optional, git-ignored env/.env.<name>.user), checks the result offline against the official
// schema that @microsoft/app-manifest ships, checks the icons, and writes
// appPackage/build/appPackage.<name>.zip. Each check lives in scripts/app-package/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { ICONS, PackageError, ROOT } from './app-package/common.js';
import { checkDomains } from './app-package/domains.js';
import { fillPlaceholders, loadEnvironment } from './app-package/environment.js';
import { checkIcons } from './app-package/icons.js';
import { languageFiles } from './app-package/languages.js';
import { validateManifest } from './app-package/schema.js';

// A fixed timestamp makes the same inputs give the same zip, byte for byte.
const ZIP_TIME = new Date('2020-01-01T00:00:00Z');

/**
 * The package: manifest.json, both icons and the language files at the root of a zip.
 * @param {{ manifest: string, color: Uint8Array, outline: Uint8Array, languages?: Record<string, string> }} files
 */
export function zipPackage({ manifest, color, outline, languages = {} }) {
  const encoder = new TextEncoder();
  return zipSync(
    {
      'manifest.json': encoder.encode(manifest),
      [ICONS.color.file]: color,
      [ICONS.outline.file]: outline,
      ...Object.fromEntries(
        Object.entries(languages).map(([file, text]) => [file, encoder.encode(text)]),
      ),
    },
    { level: 9, mtime: ZIP_TIME },
  );
}

/**
 * The manifest of one environment, filled in and parsed; not yet checked.
 * @param {string} envName
 * @param {string} [root]
 */
export function manifestFor(envName, root = ROOT) {
  const { values, files } = loadEnvironment(envName, root);
  const template = readFileSync(join(root, 'appPackage', 'manifest.json'), 'utf8');
  const sources = files.map((file) => relative(root, file)).join(' or ');
  const manifest = /** @type {Record<string, unknown>} */ (
    JSON.parse(fillPlaceholders(template, values, sources))
  );
  if (Array.isArray(manifest.validDomains)) {
    // The tab and the API may share one host; Teams wants each domain once.
    manifest.validDomains = [...new Set(manifest.validDomains)];
  }
  return { manifest, values, sources };
}

/**
 * Builds, checks and writes the package of one environment.
 * @param {{ envName?: string, root?: string }} [options]
 */
export async function buildPackage({ envName = 'local', root = ROOT } = {}) {
  const appPackage = join(root, 'appPackage');
  const { manifest, values, sources } = manifestFor(envName, root);
  const color = readFileSync(join(appPackage, ICONS.color.file));
  const outline = readFileSync(join(appPackage, ICONS.outline.file));
  const endpoints = ['TAB_ENDPOINT', 'API_ENDPOINT']
    .map((name) => values[name])
    .filter((url) => url !== undefined && url !== '');
  const languages = await languageFiles(manifest, values, sources, appPackage);
  const problems = [
    ...(await validateManifest(manifest)),
    ...languages.problems,
    ...checkDomains(manifest, /** @type {string[]} */ (endpoints)),
    ...checkIcons(color, outline),
  ];
  if (problems.length > 0) {
    throw new PackageError(
      `The ${envName} package is not valid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
  }
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  const zip = zipPackage({ manifest: manifestText, color, outline, languages: languages.files });
  const buildDir = join(appPackage, 'build');
  mkdirSync(buildDir, { recursive: true });
  const zipPath = join(buildDir, `appPackage.${envName}.zip`);
  const manifestPath = join(buildDir, `manifest.${envName}.json`);
  writeFileSync(zipPath, zip);
  writeFileSync(manifestPath, manifestText);
  return {
    zipPath,
    manifestPath,
    manifest,
    bytes: zip.byteLength,
    sources,
    languageFiles: Object.keys(languages.files),
  };
}

/** @param {string[]} args */
function envNameFrom(args) {
  const index = args.findIndex((arg) => arg === '--env' || arg.startsWith('--env='));
  if (index === -1) return 'local';
  const arg = args[index] ?? '';
  const value = arg.includes('=') ? arg.slice('--env='.length) : args[index + 1];
  if (value === undefined || value === '') throw new PackageError('--env needs a name: --env dev');
  return value;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const envName = envNameFrom(process.argv.slice(2));
    const built = await buildPackage({ envName });
    console.log(
      `Wrote ${relative(ROOT, built.zipPath)} (${built.bytes} bytes: manifest.json, ` +
        `${[ICONS.color.file, ICONS.outline.file, ...built.languageFiles].join(', ')}) from ${built.sources}; ` +
        `manifest v${String(built.manifest.manifestVersion)} is valid. ` +
        `The filled manifest is in ${relative(ROOT, built.manifestPath)}.`,
    );
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
