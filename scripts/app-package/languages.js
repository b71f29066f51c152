// The manifest's language files (localizationInfo.additionalLanguages): each filled in like the
// manifest and checked against the official localization schema of the manifest's version.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isRecord } from './common.js';
import { fillPlaceholders } from './environment.js';
import { schemaPath } from './schema.js';

const require = createRequire(import.meta.url);

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
