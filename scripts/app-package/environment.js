// An environment's values (env/.env.<name>, then its git-ignored .user file) and the manifest
// template's ${{NAME}} placeholders filled from them, refusing anything unset or left over.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PackageError, ROOT } from './common.js';

/** Variables that may be set to an empty string; every other one must have a value. */
const MAY_BE_EMPTY = new Set(['APP_NAME_SUFFIX']);
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

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
