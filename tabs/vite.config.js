// The tab's pages (side panel, summary, configuration, consent pop-up, local simulator), served on
// port 53000. Locally the dev server forwards /api to the local API, so the browser talks to one
// origin. Both servers send the production security headers (security-headers.js) and mark the
// pages as local mode (local-mode.js).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';
import { localModeMark } from './local-mode.js';
import { securityHeaders } from './security-headers.js';

const apiTarget = process.env.ROUNDTABLE_API_URL ?? 'http://127.0.0.1:7071';
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The dev server writes one inline script into each page (React Refresh's preamble). Rather than
 * allow inline script, its hash is admitted: Vite is asked once for the scripts it injects.
 */
function devSecurityHeaders() {
  let headers;
  return {
    name: 'roundtable-security-headers',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        headers ??= inlineScriptHashes(server).then((scriptHashes) =>
          securityHeaders({ scriptHashes }),
        );
        headers.then((values) => {
          for (const [name, value] of Object.entries(values)) response.setHeader(name, value);
          next();
        }, next);
      });
    },
  };
}

async function inlineScriptHashes(server) {
  const page = await server.transformIndexHtml('/', '<html><head></head><body></body></html>');
  return [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attributes]) => !/\bsrc=/.test(attributes))
    .map(([, , body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
}

/**
 * Inside Teams from a developer's machine (`vite --mode teams`), Teams needs the tab over HTTPS:
 * the Agents Toolkit writes a trusted development certificate's paths to .env.teams.local.
 */
function httpsFor(mode) {
  const env = loadEnv(mode, here('.'), 'SSL_');
  if (!env.SSL_CRT_FILE || !env.SSL_KEY_FILE) return undefined;
  return { cert: readFileSync(env.SSL_CRT_FILE), key: readFileSync(env.SSL_KEY_FILE) };
}

export default defineConfig(({ mode }) => ({
  plugins: [react(), devSecurityHeaders(), localModeMark({ mode })],
  resolve: { alias: { '@roundtable/core': here('../core/src/index.ts') } },
  server: {
    port: Number(process.env.ROUNDTABLE_TAB_PORT ?? 53000),
    strictPort: true,
    host: '127.0.0.1',
    https: httpsFor(mode),
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    headers: securityHeaders(),
    port: Number(process.env.ROUNDTABLE_TAB_PORT ?? 53000),
    strictPort: true,
    host: '127.0.0.1',
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        index: here('index.html'),
        summary: here('summary.html'),
        dev: here('dev.html'),
        config: here('config.html'),
        'auth-start': here('auth-start.html'),
        'auth-end': here('auth-end.html'),
      },
    },
  },
}));
