// Local mode is said by the server, never guessed by the page: the dev server (except in
// `--mode teams`, which runs the tab inside Teams) and the preview server mark every page with
// <meta name="roundtable-mode" content="local">. Builds carry no mark, so the deployed tab always
// waits for Teams (tabs/src/teams/page-mode.ts reads the mark).
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';

export const LOCAL_MODE_MARK = '<meta name="roundtable-mode" content="local" />';

export function markLocal(html) {
  return html.replace(/<head>/i, `<head>\n    ${LOCAL_MODE_MARK}`);
}

/** Vite plugin: the dev and preview servers mark pages; `vite build` leaves them as they are. */
export function localModeMark({ mode }) {
  return {
    name: 'roundtable-local-mode',
    apply: 'serve',
    transformIndexHtml(html) {
      return mode === 'teams' ? html : markLocal(html);
    },
    configurePreviewServer(server) {
      const outDir = server.config.build.outDir;
      const headers = server.config.preview.headers ?? {};
      server.middlewares.use((request, response, next) => {
        const path = new URL(request.url ?? '/', 'http://preview').pathname;
        const page = path === '/' ? '/index.html' : path;
        const file = normalize(join(outDir, page));
        if (request.method !== 'GET' || !page.endsWith('.html') || !file.startsWith(outDir)) {
          next();
          return;
        }
        if (!existsSync(file)) {
          next();
          return;
        }
        for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
        response.setHeader('Content-Type', 'text/html; charset=utf-8');
        response.setHeader('Cache-Control', 'no-cache');
        response.end(markLocal(readFileSync(file, 'utf8')));
      });
    },
  };
}
