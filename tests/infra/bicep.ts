// A small reader for the Bicep in infra/: enough to find declarations and object properties
// without compiling. It understands strings (with ${} interpolation), comments and nesting; it
// does not evaluate expressions beyond plain variable references.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const infraDir = join(import.meta.dirname, '..', '..', 'infra');

export interface Param {
  readonly name: string;
  readonly type: string;
  readonly defaultValue: string | undefined;
  readonly decorators: string;
}

export interface Resource {
  readonly symbol: string;
  readonly type: string;
  readonly apiVersion: string;
  readonly existing: boolean;
  /** The resource's object literal (for a loop, the object each element produces). */
  readonly body: string;
}

export interface Module {
  readonly symbol: string;
  readonly path: string;
  readonly body: string;
}

export interface Bicep {
  readonly text: string;
  readonly params: readonly Param[];
  readonly vars: ReadonlyMap<string, string>;
  readonly resources: readonly Resource[];
  readonly modules: readonly Module[];
  readonly outputs: ReadonlyMap<string, string>;
}

export function readBicep(relativePath: string): Bicep {
  return parseBicep(readFileSync(join(infraDir, relativePath), 'utf8'));
}

/** The text with comments and the inside of string literals blanked (same length, same lines). */
export function mask(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (text.startsWith("'''", i)) {
      const end = text.indexOf("'''", i + 3);
      if (end === -1) throw new Error(`Unterminated multi-line string at ${i}.`);
      blank(i + 3, end);
      i = end + 3;
    } else if (text[i] === "'") {
      const stop = endOfString(text, i);
      blank(i + 1, stop - 1);
      i = stop;
    } else {
      i++;
    }
  }
  return out.join('');
}

function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === "'") return i + 1;
    else if (c === '$' && text[i + 1] === '{') i = endOfInterpolation(text, i + 2);
    else i++;
  }
  throw new Error(`Unterminated string at ${start}.`);
}

function endOfInterpolation(text: string, start: number): number {
  let depth = 1;
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (c === "'") {
      i = endOfString(text, i);
      continue;
    }
    if (c === '{') depth++;
    if (c === '}' && --depth === 0) return i + 1;
    i++;
  }
  throw new Error(`Unterminated interpolation at ${start}.`);
}

/** Index just past the bracket that closes the one at `open` (in masked text). */
function closing(masked: string, open: number): number {
  const pairs: Record<string, string> = { '{': '}', '[': ']', '(': ')' };
  const stack: string[] = [];
  for (let i = open; i < masked.length; i++) {
    const c = masked[i] ?? '';
    if (c in pairs) stack.push(pairs[c] ?? '');
    else if (c === '}' || c === ']' || c === ')') {
      if (stack.pop() !== c) throw new Error(`Unbalanced '${c}' at ${i}.`);
      if (stack.length === 0) return i + 1;
    }
  }
  throw new Error(`No closing bracket for the one at ${open}.`);
}

/** Declarations start at the beginning of a line, outside strings and comments. */
function declarationsOf(text: string, masked: string, keyword: string): RegExpExecArray[] {
  const pattern = new RegExp(`^${keyword}\\s+(\\w+)\\b[^\\n]*`, 'gm');
  return [...text.matchAll(pattern)].filter((m) => masked.startsWith(keyword, m.index));
}

function decoratorsBefore(lines: readonly string[], index: number): string {
  const found: string[] = [];
  for (let k = index - 1; k >= 0; k--) {
    const line = (lines[k] ?? '').trim();
    if (line === '' || /^(param|var|resource|module|output|targetScope)\b/.test(line)) break;
    if (line.startsWith('}')) break;
    found.unshift(line);
  }
  return found.join('\n');
}

export function parseBicep(text: string): Bicep {
  const masked = mask(text);
  const lines = text.split('\n');
  const lineOf = (index: number) => text.slice(0, index).split('\n').length - 1;

  const params = declarationsOf(text, masked, 'param').map((m) => {
    const decl = /^param\s+(\w+)\s+(\w+)(?:\s*=\s*(.+))?$/.exec(m[0].trim());
    if (decl === null) throw new Error(`Cannot read: ${m[0]}`);
    return {
      name: decl[1] ?? '',
      type: decl[2] ?? '',
      defaultValue: decl[3],
      decorators: decoratorsBefore(lines, lineOf(m.index)),
    };
  });

  const valueAfter = (from: number): string => {
    const lineEnd = masked.indexOf('\n', from);
    const rest = masked.slice(from, lineEnd === -1 ? masked.length : lineEnd).trimStart();
    const start = from + (masked.slice(from).length - masked.slice(from).trimStart().length);
    if (rest.startsWith('{') || rest.startsWith('['))
      return text.slice(start, closing(masked, start));
    return text.slice(start, lineEnd === -1 ? text.length : lineEnd).trim();
  };

  const vars = new Map(
    declarationsOf(text, masked, 'var').map((m) => {
      const eq = masked.indexOf('=', m.index);
      return [m[1] ?? '', valueAfter(eq + 1)] as const;
    }),
  );

  const outputs = new Map(
    declarationsOf(text, masked, 'output').map((m) => {
      const eq = masked.indexOf('=', m.index);
      return [m[1] ?? '', valueAfter(eq + 1)] as const;
    }),
  );

  const bodyAfter = (from: number): string => {
    const open = masked.slice(from).search(/[{[]/) + from;
    const end = closing(masked, open);
    if (masked[open] === '{') return text.slice(open, end);
    // A loop: [for x in xs: { ... }]
    const inner = masked.indexOf('{', open);
    return text.slice(inner, closing(masked, inner));
  };

  const resources = declarationsOf(text, masked, 'resource').map((m) => {
    const decl = /^resource\s+(\w+)\s+'([^'@]+)@([^']+)'\s*(existing)?/.exec(m[0]);
    if (decl === null) throw new Error(`Cannot read: ${m[0]}`);
    return {
      symbol: decl[1] ?? '',
      type: decl[2] ?? '',
      apiVersion: decl[3] ?? '',
      existing: decl[4] !== undefined,
      body: bodyAfter(masked.indexOf('=', m.index) + 1),
    };
  });

  const modules = declarationsOf(text, masked, 'module').map((m) => {
    const decl = /^module\s+(\w+)\s+'([^']+)'/.exec(m[0]);
    if (decl === null) throw new Error(`Cannot read: ${m[0]}`);
    return {
      symbol: decl[1] ?? '',
      path: decl[2] ?? '',
      body: bodyAfter(masked.indexOf('=', m.index) + 1),
    };
  });

  return { text, params, vars, resources, modules, outputs };
}

/** The properties of an object literal `{ ... }`, each with its raw value text. */
export function entries(objectLiteral: string): Map<string, string> {
  const masked = mask(objectLiteral);
  const open = masked.indexOf('{');
  const end = closing(masked, open) - 1;
  const found = new Map<string, string>();
  let i = open + 1;
  while (i < end) {
    const lineEnd = masked.indexOf('\n', i);
    const line = objectLiteral.slice(i, lineEnd === -1 || lineEnd > end ? end : lineEnd);
    const key = /^\s*(?:'([^']*)'|([A-Za-z_$][\w$]*))\s*:\s*/.exec(line);
    if (key === null || masked.slice(i, i + key[0].length).trim() === '') {
      i = lineEnd === -1 ? end : lineEnd + 1;
      continue;
    }
    const valueStart = i + key[0].length;
    const first = masked[valueStart];
    const valueEnd =
      first === '{' || first === '['
        ? closing(masked, valueStart)
        : lineEnd === -1 || lineEnd > end
          ? end
          : lineEnd;
    found.set(key[1] ?? key[2] ?? '', objectLiteral.slice(valueStart, valueEnd).trim());
    const next = masked.indexOf('\n', valueEnd);
    i = next === -1 || next > end ? end : next + 1;
  }
  return found;
}

/** A nested property's raw value: get(body, 'properties', 'siteConfig', 'cors'). */
export function get(objectLiteral: string, ...path: string[]): string | undefined {
  let current: string | undefined = objectLiteral;
  for (const key of path) {
    if (current?.trimStart().startsWith('{') !== true) return undefined;
    current = entries(current).get(key);
  }
  return current;
}

/** The items of an array literal `[ ... ]`, one per line, raw. */
export function items(arrayLiteral: string): string[] {
  const masked = mask(arrayLiteral);
  const open = masked.indexOf('[');
  const end = closing(masked, open) - 1;
  const found: string[] = [];
  let i = open + 1;
  while (i < end) {
    const start = i + (masked.slice(i, end).length - masked.slice(i, end).trimStart().length);
    if (start >= end) break;
    const first = masked[start];
    const newline = masked.indexOf('\n', start);
    const stop =
      first === '{' || first === '['
        ? closing(masked, start)
        : newline === -1
          ? end
          : Math.min(newline, end);
    found.push(arrayLiteral.slice(start, stop).trim());
    i = stop;
  }
  return found;
}

/**
 * A string value: a literal, a literal with ${variable} parts, or a variable holding one.
 * Anything else (function calls, module outputs, parameters) is undefined.
 */
export function stringValue(
  raw: string,
  vars: ReadonlyMap<string, string> = new Map(),
): string | undefined {
  const value = raw.trim();
  if (/^[A-Za-z_]\w*$/.test(value)) {
    const bound = vars.get(value);
    return bound === undefined ? undefined : stringValue(bound, vars);
  }
  if (!value.startsWith("'") || value.startsWith("'''") || endOfString(value, 0) !== value.length) {
    return undefined;
  }
  const interpolation = /\$\{([^}]*)\}/g;
  const content = value.slice(1, -1);
  const parts = [...content.matchAll(interpolation)].map((m) => stringValue(m[1] ?? '', vars));
  if (parts.includes(undefined)) return undefined;
  let next = 0;
  return content.replace(interpolation, () => parts[next++] ?? '').replace(/\\'/g, "'");
}
