// The tab: three pages (side panel, summary, local simulator) served on port 53000. Locally the dev
// server forwards /api to the local API, so the browser talks to one origin.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = process.env.ROUNDTABLE_API_URL ?? 'http://127.0.0.1:7071';
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@roundtable/core': here('../core/src/index.ts') } },
  server: {
    port: Number(process.env.ROUNDTABLE_TAB_PORT ?? 53000),
    strictPort: true,
    host: '127.0.0.1',
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
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
      },
    },
  },
});
