// `npm run package [-- --env <name>]`: fills appPackage/manifest.json from env/.env.<name> (and the
// optional, git-ignored env/.env.<name>.user), checks the result offline against the official
// schema that @microsoft/app-manifest ships, checks the icons, and writes
// appPackage/build/appPackage.<name>.zip. The building blocks are exported for the tests.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { zipSync } from 'fflate';
import pngjs from 'pngjs';

const { PNG } = pngjs;
const require = createRequire(import.meta.url);

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ICONS = /** @type {const} */ ({
  color: { file: 'color.png', size: 192 },
  outline: { file: 'outline.png', size: 32 },
});
/** Variables that may be set to an empty string; every other one must have a value. */
const MAY_BE_EMPTY = new Set(['APP_NAME_SUFFIX']);
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
// A fixed timestamp makes the same inputs give the same zip, byte for byte.
const ZIP_TIME = new Date('2020-01-01T00:00:00Z');

/** A problem a person can fix; the CLI prints its message without a stack trace. */
export class PackageError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'PackageError';
  }
}

/**
 * Reads a dotenv file: `NAME=value` lines, `#` comments, optional single or double quotes.
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseEnvFile(text) {
  /** @type {Record<string, string>} */
  const values = {};
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (match === null) throw new PackageError(`Line ${index + 1} is not NAME=value: ${line}`);
    const [, name = '', rawValue = ''] = match;
    const quoted = /^(['"])(.*)\1$/.exec(rawValue);
    values[name] = quoted === null ? rawValue.replace(/\s+#.*$/, '') : (quoted[2] ?? '');
  }
  return values;
}

/**
 * The values of one environment: env/.env.<name>, overridden by env/.env.<name>.user if present.
 * @param {string} envName
 * @param {string} [root]
 */
export function loadEnvironment(envName, root = ROOT) {
  if (!/^[A-Za-z0-9_-]+$/.test(envName)) {
    throw new PackageError(`"${envName}" is not an environment name (letters, digits, - and _).`);
  }
  const envDir = join(root, 'env');
  const file = join(envDir, `.env.${envName}`);
  if (!existsSync(file)) {
    const known = existsSync(envDir)
      ? readdirSync(envDir)
          .filter((name) => /^\.env\.[A-Za-z0-9_-]+$/.test(name))
          .map((name) => name.slice('.env.'.length))
      : [];
    throw new PackageError(
      `There is no env/.env.${envName}. Known environments: ${known.join(', ') || 'none'}.`,
    );
  }
  const files = [file];
  const values = parseEnvFile(readFileSync(file, 'utf8'));
  const userFile = `${file}.user`;
  if (existsSync(userFile)) {
    files.push(userFile);
    Object.assign(values, parseEnvFile(readFileSync(userFile, 'utf8')));
  }
  return { values, files };
}

/**
 * The distinct `${{NAME}}` placeholders in a text, in order of first appearance.
 * @param {string} text
 */
export function placeholdersIn(text) {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''))];
}

/**
 * Replaces every `${{NAME}}` with its value. Refuses, naming each variable, when any is unset or
 * empty (APP_NAME_SUFFIX may be empty), and when anything placeholder-like is left over.
 * @param {string} template
 * @param {Record<string, string>} values
 * @param {string} [source] where the values came from, for the message
 */
export function fillPlaceholders(template, values, source = 'the environment file') {
  const missing = placeholdersIn(template).filter(
    (name) => values[name] === undefined || (values[name] === '' && !MAY_BE_EMPTY.has(name)),
  );
  if (missing.length > 0) {
    throw new PackageError(
      `Set ${missing.join(', ')} in ${source}: the manifest uses ${missing.length === 1 ? 'it' : 'them'}.`,
    );
  }
  const filled = template.replace(PLACEHOLDER, (_, /** @type {string} */ name) =>
    jsonStringContent(values[name] ?? ''),
  );
  const leftover = /\$\{\{[^}]*\}\}|\$\{\{/.exec(filled);
  if (leftover !== null) {
    throw new PackageError(
      `The manifest still holds "${leftover[0]}" after substitution; placeholders look like \${{NAME}}.`,
    );
  }
  return filled;
}

/** A value placed inside a JSON string literal: quotes and backslashes escaped. @param {string} value */
function jsonStringContent(value) {
  return JSON.stringify(value).slice(1, -1);
}

/**
 * Where @microsoft/app-manifest keeps the official Teams schema for a manifest version.
 * @param {string} manifestVersion
 */
export function schemaPath(manifestVersion) {
  const packageJson = require.resolve('@microsoft/app-manifest/package.json');
  return join(
    packageJson,
    '..',
    'build',
    'json-schemas',
    'teams',
    `v${manifestVersion}`,
    'MicrosoftTeams.schema.json',
  );
}

/**
 * Where @microsoft/app-manifest keeps the official schema of a language file for a manifest version.
 * @param {string} manifestVersion
 */
export function localizationSchemaPath(manifestVersion) {
  return join(schemaPath(manifestVersion), '..', 'MicrosoftTeams.Localization.schema.json');
}

/**
 * The language files the manifest names (localizationInfo.additionalLanguages), each filled in
 * like the manifest, parsed and checked against the official localization schema of the
 * manifest's version (msteams-docs concepts/build-and-test/apps-localization.md: the files sit
 * next to manifest.json in the zip, and their version matches the manifest's).
 * @param {Record<string, unknown>} manifest
 * @param {Record<string, string>} values
 * @param {string} sources
 * @param {string} appPackage
 * @returns {Promise<{ files: Record<string, string>, problems: string[] }>}
 */
export async function languageFiles(manifest, values, sources, appPackage) {
  const info = isRecord(manifest.localizationInfo) ? manifest.localizationInfo : {};
  const languages = Array.isArray(info.additionalLanguages) ? info.additionalLanguages : [];
  const version = String(manifest.manifestVersion);
  /** @type {Record<string, string>} */
  const files = {};
  /** @type {string[]} */
  const problems = [];
  for (const language of languages) {
    const file = isRecord(language) && typeof language.file === 'string' ? language.file : '';
    // Teams reads them from the package's root, by a plain file name.
    if (!/^[A-Za-z0-9_-]+\.json$/.test(file)) {
      problems.push(
        `/localizationInfo names a language file "${file}" that is not a plain *.json name.`,
      );
      continue;
    }
    const path = join(appPackage, file);
    if (!existsSync(path)) {
      problems.push(`appPackage/${file} is missing (named in /localizationInfo).`);
      continue;
    }
    const parsed = /** @type {unknown} */ (
      JSON.parse(fillPlaceholders(readFileSync(path, 'utf8'), values, sources))
    );
    const schemaFile = localizationSchemaPath(version);
    const complaints = existsSync(schemaFile)
      ? validateLocalization(parsed, schemaFile)
      : [`there is no v${version} localization schema in @microsoft/app-manifest.`];
    problems.push(...complaints.map((complaint) => `${file}: ${complaint}`));
    const declared = isRecord(parsed) ? parsed.$schema : undefined;
    const expected = `/teams/v${version}/MicrosoftTeams.Localization.schema.json`;
    if (typeof declared !== 'string' || !declared.endsWith(expected))
      problems.push(
        `${file}: $schema must point at the v${version} localization schema (…${expected}).`,
      );
    files[file] = `${JSON.stringify(parsed, null, 2)}\n`;
  }
  return { files, problems };
}

/**
 * A language file against the official localization schema, with the validator
 * @microsoft/app-manifest itself uses (ajv, draft-04, its formats). One option differs: the schema's
 * patterns (e.g. `\\b([0-9]|…)\\b]`) are not valid under the `u` flag ajv sets by default, so its
 * own AppManifestUtils cannot compile this schema; they are compiled as plain JSON-schema
 * (ECMA-262) patterns instead.
 * @param {unknown} file
 * @param {string} schemaFile
 * @returns {string[]}
 */
function validateLocalization(file, schemaFile) {
  const library = createRequire(require.resolve('@microsoft/app-manifest'));
  const draft04 = /** @type {{ default: AjvConstructor }} */ (library('ajv-draft-04')).default;
  const formats = /** @type {{ default: (ajv: unknown, names: string[]) => void }} */ (
    library('ajv-formats')
  ).default;
  const ajv = new draft04({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  formats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(
    /** @type {unknown} */ (JSON.parse(readFileSync(schemaFile, 'utf8'))),
  );
  if (validate(file)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message ?? ''}`,
  );
}

/**
 * @typedef {new (options: Record<string, unknown>) => {
 *   compile(schema: unknown): ((data: unknown) => boolean) & {
 *     errors?: { instancePath: string, message?: string }[] | null
 *   }
 * }} AjvConstructor
 */

/**
 * Validates a manifest against the official schema of its own manifestVersion, read from disk:
 * nothing is fetched. Resolves to the schema's complaints (none when valid).
 * @param {unknown} manifest
 * @returns {Promise<string[]>}
 */
export async function validateManifest(manifest) {
  const version = isRecord(manifest) ? manifest.manifestVersion : undefined;
  if (typeof version !== 'string') return ['/manifestVersion must be a string such as "1.30".'];
  let schemaFile;
  try {
    schemaFile = schemaPath(version);
  } catch {
    throw new PackageError(
      'The schema validator @microsoft/app-manifest is not installed. Run npm ci at the repository root.',
    );
  }
  if (!existsSync(schemaFile)) {
    return [`/manifestVersion ${version} has no schema in @microsoft/app-manifest.`];
  }
  const problems = await validateInWorker(manifest, schemaFile);
  const expectedSchema = `/teams/v${version}/MicrosoftTeams.schema.json`;
  const declared = isRecord(manifest) ? manifest.$schema : undefined;
  if (typeof declared !== 'string' || !declared.endsWith(expectedSchema)) {
    problems.push(`/$schema must point at the v${version} schema (…${expectedSchema}).`);
  }
  return problems;
}

/**
 * Runs the library's validator in a worker thread, under Node's own module loader: the library
 * requires ES-module dependencies, which Node 20.19+ loads but Jest's module sandbox cannot.
 * @param {unknown} manifest
 * @param {string} schemaFile
 * @returns {Promise<string[]>}
 */
function validateInWorker(manifest, schemaFile) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), {
      workerData: { task: VALIDATE_TASK, manifest, schemaFile },
    });
    worker.once('message', (/** @type {{ problems: string[] }} */ message) => {
      resolve(message.problems);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      reject(new Error(`The manifest validator stopped (exit code ${code}) without an answer.`));
    });
  });
}

const VALIDATE_TASK = 'roundtable:validate-manifest';

/** In the worker: validate with @microsoft/app-manifest against the schema file, answer once. */
async function answerValidation() {
  const { manifest, schemaFile } = /** @type {{ manifest: unknown, schemaFile: string }} */ (
    workerData
  );
  const library = /** @type {AppManifestLibrary} */ (require('@microsoft/app-manifest'));
  const schema = /** @type {unknown} */ (JSON.parse(readFileSync(schemaFile, 'utf8')));
  const problems = await library.AppManifestUtils.validateAgainstSchema(manifest, schema);
  parentPort?.postMessage({ problems });
}

/**
 * @typedef {{ AppManifestUtils: {
 *   validateAgainstSchema(manifest: unknown, schema: unknown): Promise<string[]>
 * } }} AppManifestLibrary
 */

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every http(s) URL anywhere in the manifest, with its JSON path.
 * @param {unknown} value
 * @param {string} [path]
 * @returns {{ path: string, url: string }[]}
 */
export function urlsIn(value, path = '') {
  if (typeof value === 'string') return /^https?:\/\//i.test(value) ? [{ path, url: value }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => urlsIn(item, `${path}/${index}`));
  if (isRecord(value)) {
    return Object.entries(value).flatMap(([key, item]) =>
      key === '$schema' ? [] : urlsIn(item, `${path}/${key}`),
    );
  }
  return [];
}

/**
 * True when a validDomains entry lets Teams load the URL: the entry is the URL's host (with its
 * port, if the URL names one). Wildcards are never accepted here.
 * @param {string} entry
 * @param {string} url
 */
export function domainCovers(entry, url) {
  const { host, hostname } = new URL(url);
  const wanted = entry.toLowerCase();
  return wanted === host.toLowerCase() || (host === hostname && wanted === hostname.toLowerCase());
}

/**
 * Checks Teams needs beyond the schema: https everywhere, no wildcard domains, and every URL the
 * manifest names (and the tab and API endpoints) covered by validDomains.
 * @param {Record<string, unknown>} manifest
 * @param {string[]} [endpoints] further URLs that must be covered, such as the API's
 * @returns {string[]}
 */
export function checkDomains(manifest, endpoints = []) {
  /** @type {string[]} */
  const problems = [];
  const domains = Array.isArray(manifest.validDomains)
    ? manifest.validDomains.filter((entry) => typeof entry === 'string')
    : [];
  for (const entry of domains) {
    if (entry.includes('*')) {
      problems.push(`validDomains "${entry}" is a wildcard; name the exact host instead.`);
    }
    if (/[/\s]/.test(entry)) {
      problems.push(`validDomains "${entry}" must be a host (and port), without scheme or path.`);
    }
  }
  const urls = [
    ...urlsIn(manifest),
    ...endpoints.map((url, index) => ({ path: `(endpoint ${index + 1})`, url })),
  ];
  for (const { path, url } of urls) {
    if (!url.toLowerCase().startsWith('https://')) {
      problems.push(`${path} ${url} must use https: Teams loads nothing over http.`);
    }
    if (!domains.some((entry) => domainCovers(entry, url))) {
      problems.push(`${path} ${url}: its host is not in validDomains (${domains.join(', ')}).`);
    }
  }
  return problems;
}

/**
 * Icon rules Teams applies: colour 192×192; outline 32×32, white on a transparent background.
 * @param {Buffer} colour
 * @param {Buffer} outline
 * @returns {string[]}
 */
export function checkIcons(colour, outline) {
  /** @type {string[]} */
  const problems = [];
  const colourImage = readPng(colour, ICONS.color.file, problems);
  const outlineImage = readPng(outline, ICONS.outline.file, problems);
  for (const [image, { file, size }] of /** @type {const} */ ([
    [colourImage, ICONS.color],
    [outlineImage, ICONS.outline],
  ])) {
    if (image !== null && (image.width !== size || image.height !== size)) {
      problems.push(`${file} is ${image.width}×${image.height}; Teams needs ${size}×${size}.`);
    }
  }
  if (outlineImage !== null) {
    const { data } = outlineImage;
    let coloured = 0;
    let opaque = 0;
    for (let offset = 0; offset < data.length; offset += 4) {
      const alpha = data[offset + 3] ?? 0;
      if (alpha === 0) continue;
      const white = data[offset] === 255 && data[offset + 1] === 255 && data[offset + 2] === 255;
      if (!white) coloured += 1;
      else if (alpha === 255) opaque += 1;
    }
    if (coloured > 0) {
      problems.push(`${ICONS.outline.file} has ${coloured} visible pixels that are not white.`);
    }
    if (opaque === 0) problems.push(`${ICONS.outline.file} has no opaque white pixels.`);
  }
  return problems;
}

/**
 * @param {Buffer} bytes @param {string} file @param {string[]} problems
 * @returns {import('pngjs').PNGWithMetadata | null}
 */
function readPng(bytes, file, problems) {
  try {
    return PNG.sync.read(bytes);
  } catch {
    problems.push(`${file} is not a readable PNG.`);
    return null;
  }
}

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

const isValidationWorker =
  !isMainThread && isRecord(workerData) && workerData.task === VALIDATE_TASK;
if (isValidationWorker) {
  await answerValidation();
} else if (isMainThread && process.argv[1] === fileURLToPath(import.meta.url)) {
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
