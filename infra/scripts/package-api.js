// Builds the API's deployment package for Flex Consumption: host.json, package.json, the compiled
// API and exactly its production dependencies, copied from this workspace's node_modules and
// zipped. A registry install cannot do this (@roundtable/core is a workspace package, published
// nowhere), and Flex Consumption runs the zip as is. Run `tsc -b api` first.
//
//   node infra/scripts/package-api.js [--out <folder>]   (default: .roundtable/deploy)
//
// Writes <folder>/api (the unpacked package) and <folder>/api.zip.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { zipSync } from 'fflate';

const root = realpathSync(join(import.meta.dirname, '..', '..'));
const apiDir = join(root, 'api');
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? process.argv[outIndex + 1] : join(root, '.roundtable', 'deploy');
if (out === undefined) fail('--out needs a folder.');
const stage = join(out, 'api');

// Type declarations, source maps and build info are not needed to run.
const skipped = /(\.d\.[cm]?ts|\.map|\.tsbuildinfo)$/;

function fail(message) {
  console.error(`package-api: ${message}`);
  process.exit(1);
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Node's lookup: <dir>/node_modules/<name> for dir and each parent, inside the repository. */
function resolveFrom(fromDir, name) {
  for (let dir = fromDir; dir.startsWith(root); dir = dirname(dir)) {
    if (basename(dir) === 'node_modules') continue;
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dir === root) break;
  }
  return null;
}

/** Where Node would find <name> from a folder of the package, given what is staged so far. */
function stagedLookup(staged, fromRel, name) {
  for (let dir = fromRel; ; dir = dirname(dir)) {
    const rel = dir === '.' ? '' : dir;
    if (basename(rel) !== 'node_modules') {
      const candidate = join(rel, 'node_modules', name);
      if (staged.has(candidate)) return candidate;
    }
    if (rel === '') return null;
  }
}

function dependenciesOf(manifest, isRoot) {
  const peersOptional = manifest.peerDependenciesMeta ?? {};
  const required = Object.keys(manifest.dependencies ?? {});
  // The API's own optional dependency is Azure Functions Core Tools, a local development tool.
  const optional = isRoot ? [] : Object.keys(manifest.optionalDependencies ?? {});
  const peers = Object.keys(manifest.peerDependencies ?? {}).filter(
    (name) => peersOptional[name]?.optional !== true,
  );
  return [
    ...required.map((name) => ({ name, optional: false })),
    ...optional.map((name) => ({ name, optional: true })),
    ...peers.map((name) => ({ name, optional: true })),
  ];
}

/**
 * Every production dependency, placed so that Node resolves each require/import in the package to
 * the same copy it resolves to in the workspace: hoisted to node_modules/<name> when that slot is
 * free, nested under the package that needs it when another version holds the slot.
 */
function planDependencies() {
  const staged = new Map(); // relative folder in the package -> real source folder
  const pending = [
    {
      sourceDir: apiDir,
      stagedDir: '',
      manifest: readJson(join(apiDir, 'package.json')),
      isRoot: true,
    },
  ];
  while (pending.length > 0) {
    const { sourceDir, stagedDir, manifest, isRoot } = pending.shift();
    for (const { name, optional } of dependenciesOf(manifest, isRoot)) {
      const source = resolveFrom(sourceDir, name);
      if (source === null) {
        if (optional) continue;
        fail(`${name} (needed by ${manifest.name}) is not installed. Run npm ci first.`);
      }
      const found = stagedLookup(staged, stagedDir, name);
      if (found !== null && staged.get(found) === source) continue;
      const hoisted = join('node_modules', name);
      const target =
        found === null && !staged.has(hoisted) ? hoisted : join(stagedDir, 'node_modules', name);
      if (staged.has(target)) fail(`two versions of ${name} compete for ${target}.`);
      staged.set(target, source);
      pending.push({
        sourceDir: source,
        stagedDir: target,
        manifest: readJson(join(source, 'package.json')),
        isRoot: false,
      });
    }
  }
  return staged;
}

/** After planning: every staged package must still resolve each dependency to the right copy. */
function verify(staged) {
  for (const [folder, source] of staged) {
    for (const { name, optional } of dependenciesOf(
      readJson(join(source, 'package.json')),
      false,
    )) {
      const expected = resolveFrom(source, name);
      if (expected === null && optional) continue;
      const found = stagedLookup(staged, folder, name);
      if (found === null || staged.get(found) !== expected) {
        fail(`${folder} would not find its own copy of ${name}; the package would not run.`);
      }
    }
  }
}

function copyPackage(source, target) {
  const isWorkspacePackage = !relative(root, source).split(sep).includes('node_modules');
  cpSync(source, target, {
    recursive: true,
    dereference: true,
    filter: (path) => {
      const rel = relative(source, path);
      if (rel === '') return true;
      const [top] = rel.split(sep);
      if (top === 'node_modules' || skipped.test(path)) return false;
      // A workspace package ships its manifest and compiled output, not its sources.
      return !isWorkspacePackage || top === 'package.json' || top === 'dist';
    },
  });
}

function stageApi() {
  for (const required of ['dist/index.js', 'host.json', 'package.json']) {
    if (!existsSync(join(apiDir, required)))
      fail(`api/${required} is missing; run tsc -b api first.`);
  }
  if (!existsSync(join(root, 'core', 'dist', 'index.js')))
    fail('core/dist is missing; run tsc -b api first.');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  const manifest = readJson(join(apiDir, 'package.json'));
  const deployed = {
    name: manifest.name,
    version: manifest.version,
    private: true,
    type: manifest.type,
    main: manifest.main,
    dependencies: manifest.dependencies,
  };
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(deployed, null, 2)}\n`);
  cpSync(join(apiDir, 'host.json'), join(stage, 'host.json'));
  cpSync(join(apiDir, 'dist'), join(stage, 'dist'), {
    recursive: true,
    filter: (path) => !skipped.test(path),
  });
  const staged = planDependencies();
  verify(staged);
  for (const [folder, source] of staged) copyPackage(source, join(stage, folder));
  return staged.size;
}

function filesUnder(dir, prefix = '') {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    const name = prefix === '' ? entry : `${prefix}/${entry}`;
    return statSync(path).isDirectory() ? filesUnder(path, name) : [[name, path]];
  });
}

const packages = stageApi();
const files = filesUnder(stage);
const zip = zipSync(Object.fromEntries(files.map(([name, path]) => [name, readFileSync(path)])), {
  level: 6,
});
writeFileSync(join(out, 'api.zip'), zip);
console.log(
  `package-api: ${files.length} files, ${packages} packages, ${(zip.length / 1048576).toFixed(1)} MiB -> ${relative(process.cwd(), join(out, 'api.zip'))}`,
);
