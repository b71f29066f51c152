// The manifest checked offline against the official Teams schema that @microsoft/app-manifest
// ships, in a worker thread (this same module, started as the worker).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { isRecord, PackageError } from './common.js';

const require = createRequire(import.meta.url);

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

if (!isMainThread && isRecord(workerData) && workerData.task === VALIDATE_TASK) {
  await answerValidation();
}
