// `npm start`: Azurite (data kept in .roundtable/azurite) and the local API on port 7071, each
// waited for until it answers. Ctrl-C stops everything this script started.
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

function start(name, args, env = {}) {
  const child = spawn(process.execPath, args, {
    cwd: root,
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
      const setting =
        name === 'api' ? 'ROUNDTABLE_API_PORT' : `ROUNDTABLE_AZURITE_${name.toUpperCase()}_PORT`;
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
  console.log(`
Roundtable is running in local mode.
  API       ${api}  (health: ${api}/health)
  Azurite   table ${ports.table}, queue ${ports.queue}, blob ${ports.blob}; data in ${join(dataDir, 'azurite')}

Try it:
  TOKEN=$(curl -s -X POST ${api}/dev/token -H 'content-type: application/json' -d '{"name":"Olu","role":"organizer"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')
  curl -s ${api}/meetings/demo -H "authorization: Bearer $TOKEN"

The side panel and the meeting simulator are not built yet (see README). Press Ctrl-C to stop.
`);
}

main().catch((error) => {
  console.error(`[start] ${error.message}`);
  stop(1);
});
