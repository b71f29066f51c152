// The tab's security headers, in one place. The Vite dev and preview servers send them, and
// public/staticwebapp.config.json carries them to Azure Static Web Apps; a test keeps that file
// equal to `staticWebAppConfig()` (`node tabs/security-headers.js` prints it).
import { pathToFileURL } from 'node:url';

/**
 * Who may frame the tab: the Teams and Microsoft 365 hosts Microsoft lists for tabs ("Tab
 * requirements", learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements), which
 * include the *.cloud.microsoft domains Teams is moving to. Nobody else, the tab's own pages
 * included: the local simulator shows its panels side by side, not in frames.
 */
export const TEAMS_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
];

/**
 * Where the tab may connect: itself (locally the dev server forwards /api), the Function App's
 * default host in Azure (VITE_ROUNDTABLE_API_URL; a custom API domain must be added here), Web
 * PubSub for live updates, and the CDN from which the Teams SDK refreshes its list of valid hosts.
 */
export const CONNECT_SOURCES = [
  "'self'",
  'https://*.azurewebsites.net',
  'wss://*.webpubsub.azure.com',
  'https://res.cdn.office.net',
];

/**
 * The Content-Security-Policy. Scripts come only from the tab's own files; `scriptHashes` admits
 * the inline preamble the Vite dev server writes into each page (production pages have no inline
 * script). Styles allow inline: Fluent UI's Griffel inserts its rules at run time and the pages
 * carry a small <style>; style injection cannot run script.
 */
export function contentSecurityPolicy({ scriptHashes = [] } = {}) {
  const directives = {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...scriptHashes],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': CONNECT_SOURCES,
    'frame-ancestors': TEAMS_FRAME_ANCESTORS,
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** Headers for every page and file of the tab. */
export function securityHeaders(options = {}) {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  };
}

/** Azure Static Web Apps' configuration: the same headers on every response, HTTPS remembered. */
export function staticWebAppConfig() {
  return {
    globalHeaders: {
      ...securityHeaders(),
      'Strict-Transport-Security': 'max-age=31536000',
    },
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(staticWebAppConfig(), null, 2)}\n`);
}
