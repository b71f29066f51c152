// What Teams checks beyond the schema about URLs: https everywhere, exact validDomains, and every
// URL the manifest names covered by them.
import { isRecord } from './common.js';

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
