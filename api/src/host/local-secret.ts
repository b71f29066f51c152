// Local mode's secret (meeting keys, pseudonyms, tickets, token identities), generated once and
// kept in .roundtable/ so identities and stored meetings survive a restart.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const LOCAL_DATA_DIR = join(import.meta.dirname, '../../../.roundtable');

export function localSecret(file = join(LOCAL_DATA_DIR, 'local-secret')): string {
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // Not created yet.
  }
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
