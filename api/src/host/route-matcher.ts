// Matches a path against the route table's Functions-style templates ("meetings/{meetingId}/live").
import type { Route } from '../routes.js';

export type RouteMatch =
  | { readonly kind: 'found'; readonly route: Route; readonly params: Record<string, string> }
  | { readonly kind: 'method' }
  | { readonly kind: 'none' };

const compiled = new WeakMap<Route, { pattern: RegExp; names: string[] }>();

function compile(route: Route): { pattern: RegExp; names: string[] } {
  const known = compiled.get(route);
  if (known) return known;
  const names: string[] = [];
  const source = route.route
    .split('/')
    .map((segment) => {
      const name = /^\{(\w+)\}$/.exec(segment)?.[1];
      if (name === undefined) return segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/]+)';
    })
    .join('/');
  const result = { pattern: new RegExp(`^/api/${source}/?$`), names };
  compiled.set(route, result);
  return result;
}

export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch {
  let pathMatched = false;
  for (const route of routes) {
    const { pattern, names } = compile(route);
    const match = pattern.exec(pathname);
    if (!match) continue;
    pathMatched = true;
    if (!route.methods.includes(method as Route['methods'][number])) continue;
    const params = decodeParams(names, match);
    // A malformed escape is treated as no match; the caller answers 404 with a clear message.
    if (params !== null) return { kind: 'found', route, params };
  }
  return pathMatched ? { kind: 'method' } : { kind: 'none' };
}

function decodeParams(
  names: readonly string[],
  match: RegExpExecArray,
): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (const [index, name] of names.entries()) {
    try {
      params[name] = decodeURIComponent(match[index + 1] ?? '');
    } catch {
      return null;
    }
  }
  return params;
}
