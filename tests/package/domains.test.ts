import { describe, expect, it } from '@jest/globals';
import { checkDomains, domainCovers, urlsIn } from '../../scripts/app-package/domains.js';
import { localManifest } from './local-manifest.js';

describe('validDomains', () => {
  it('covers the tab and the API and every URL the local manifest names', () => {
    const { manifest, shape, values } = localManifest();
    const endpoints = [values.TAB_ENDPOINT ?? '', values.API_ENDPOINT ?? ''];
    const urls = [...urlsIn(manifest).map(({ url }) => url), ...endpoints];
    expect(urls.length).toBeGreaterThanOrEqual(6);
    for (const url of urls) {
      expect(shape.validDomains.some((entry) => domainCovers(entry, url))).toBe(true);
    }
    expect(checkDomains(manifest, endpoints)).toEqual([]);
  });

  it('finds URLs anywhere in the manifest, but not the schema address', () => {
    const { manifest } = localManifest();
    const paths = urlsIn(manifest).map(({ path }) => path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/developer/websiteUrl',
        '/developer/privacyUrl',
        '/developer/termsOfUseUrl',
        '/configurableTabs/0/configurationUrl',
      ]),
    );
    expect(paths).not.toContain('/$schema');
  });

  it('matches hosts exactly, with the port when the URL names one', () => {
    expect(domainCovers('tab.example.com', 'https://tab.example.com/config.html')).toBe(true);
    expect(domainCovers('TAB.example.com', 'https://tab.example.com/')).toBe(true);
    expect(domainCovers('localhost:53000', 'https://localhost:53000/index.html')).toBe(true);
    expect(domainCovers('localhost', 'https://localhost:53000/index.html')).toBe(false);
    expect(domainCovers('example.com', 'https://tab.example.com/')).toBe(false);
    expect(domainCovers('*.example.com', 'https://tab.example.com/')).toBe(false);
  });

  it('reports an uncovered host, a wildcard, a scheme in an entry and plain http', () => {
    const problems = checkDomains(
      {
        validDomains: ['*.azurewebsites.net', 'https://tab.example.com'],
        developer: { websiteUrl: 'http://tab.example.com/' },
      },
      ['https://api.example.com'],
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/"\*\.azurewebsites\.net" is a wildcard/),
        expect.stringMatching(/"https:\/\/tab\.example\.com" must be a host/),
        expect.stringMatching(
          /^\/developer\/websiteUrl http:\/\/tab\.example\.com\/ must use https/,
        ),
        expect.stringMatching(/^\/developer\/websiteUrl .*not in validDomains/),
        expect.stringMatching(/^\(endpoint 1\) https:\/\/api\.example\.com: its host is not in/),
      ]),
    );
  });
});
