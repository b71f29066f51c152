// `npm start`: Azurite (data kept in .roundtable/azurite), the local API on port 7071 and the tab
// on port 53000, each waited for until it answers. Ctrl-C stops everything this script started.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const dataDir = process.env.ROUNDTABLE_DATA_DIR ?? join(root, '.roundtable');
const ports = {
  blob: Number(process.env.ROUNDTABLE_AZURITE_BLOB_PORT ?? 10000),
  queue: Number(process.env.ROUNDTABLE_AZURITE_QUEUE_PORT ?? 10001),
  table: Number(process.env.ROUNDTABLE_AZURITE_TABLE_PORT ?? 10002),
  api: Number(process.env.ROUNDTABLE_API_PORT ?? 7071),
  tab: Number(process.env.ROUNDTABLE_TAB_PORT ?? 53000),
};
const account = 'devstoreaccount1';
// Azurite's published development key; it protects nothing.
const key =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const connectionString = [
  'DefaultEndpointsProtocol=http',
  `AccountName=${account}`,
  `AccountKey=${key}`,
  `BlobEndpoint=http://127.0.0.1:${ports.blob}/${account}`,
  `QueueEndpoint=http://127.0.0.1:${ports.queue}/${account}`,
  `TableEndpoint=http://127.0.0.1:${ports.table}/${account}`,
].join(';');
const children = [];

function portFree(port) {
  return new Promise((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function waitFor(what, check, timeoutMs = 30_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not answer within ${timeoutMs / 1000} s.`);
}

function start(name, args, env = {}, cwd = root) {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => process.stdout.write(prefix(name, chunk)));
  child.stderr.on('data', (chunk) => process.stderr.write(prefix(name, chunk)));
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(
        `[start] ${name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping the rest.`,
      );
      stop(1);
    }
  });
  children.push(child);
  return child;
}

function prefix(name, chunk) {
  return chunk
    .toString()
    .split('\n')
    .map((line) => (line === '' ? '' : `[${name}] ${line}`))
    .join('\n');
}

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
  Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) =>
          child.exitCode !== null ? resolve() : child.once('exit', resolve),
        ),
    ),
  ).then(() => process.exit(code));
}
process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));

async function main() {
  for (const [name, port] of Object.entries(ports)) {
    if (!(await portFree(port))) {
      const setting = ['api', 'tab'].includes(name)
        ? `ROUNDTABLE_${name.toUpperCase()}_PORT`
        : `ROUNDTABLE_AZURITE_${name.toUpperCase()}_PORT`;
      throw new Error(`Port ${port} (${name}) is busy. Stop whatever uses it, or set ${setting}.`);
    }
  }
  mkdirSync(join(dataDir, 'azurite'), { recursive: true });
  start('azurite', [
    join(root, 'node_modules/azurite/dist/src/azurite.js'),
    '--location',
    join(dataDir, 'azurite'),
    '--blobHost',
    '127.0.0.1',
    '--blobPort',
    String(ports.blob),
    '--queueHost',
    '127.0.0.1',
    '--queuePort',
    String(ports.queue),
    '--tableHost',
    '127.0.0.1',
    '--tablePort',
    String(ports.table),
    '--skipApiVersionCheck',
    '--loose',
    '--disableTelemetry',
    '--silent',
  ]);
  await waitFor('Azurite', () => fetch(`http://127.0.0.1:${ports.table}/`).then(() => true));
  start('api', ['api/dist/host/start-local.js'], {
    ROUNDTABLE_MODE: 'local',
    ROUNDTABLE_STORAGE_CONNECTION: connectionString,
    ROUNDTABLE_API_PORT: String(ports.api),
  });
  const api = `http://127.0.0.1:${ports.api}/api`;
  await waitFor('The API', () => fetch(`${api}/health`).then((response) => response.ok));
  start(
    'tab',
    [join(root, 'node_modules/vite/bin/vite.js'), '--clearScreen', 'false', '--logLevel', 'warn'],
    {
      ROUNDTABLE_API_URL: `http://127.0.0.1:${ports.api}`,
      ROUNDTABLE_TAB_PORT: String(ports.tab),
    },
    join(root, 'tabs'),
  );
  const tab = `http://127.0.0.1:${ports.tab}`;
  await waitFor('The tab', () => fetch(`${tab}/api/health`).then((response) => response.ok));
  console.log(`
Roundtable is running in local mode.
  Simulator   ${tab}/dev.html   (several people's side panels side by side, and the summary)
  Side panel  ${tab}/           (asks which simulated person you are)
  Summary     ${tab}/summary.html
  API         ${api}  (health: ${api}/health)
  Azurite     table ${ports.table}, queue ${ports.queue}, blob ${ports.blob}; data in ${join(dataDir, 'azurite')}

Press Ctrl-C to stop.
`);
}

main().catch((error) => {
  console.error(`[start] ${error.message}`);
  stop(1);
});
