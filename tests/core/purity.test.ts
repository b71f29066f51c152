// core/ stays pure: it imports nothing but zod and its own files.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const coreSource = join(import.meta.dirname, '../../core/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('core/', () => {
  it('imports only zod and relative modules', () => {
    const files = sourceFiles(coreSource);
    expect(files.length).toBeGreaterThan(10);
    const outside = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'/g)]
        .map((match) => match[1] ?? match[2] ?? '')
        .filter((specifier) => specifier !== 'zod' && !specifier.startsWith('.'))
        .map((specifier) => `${file}: ${specifier}`),
    );
    expect(outside).toEqual([]);
  });

  it('reads no clock and draws no hidden randomness', () => {
    const offenders = sourceFiles(coreSource).filter((file) =>
      /\bDate\.now\(|new Date\(|Math\.random\(|\bprocess\./.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
