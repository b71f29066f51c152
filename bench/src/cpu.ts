// Where the machine's CPU went while a section ran: this benchmark's processes by name, the rest
// of its process tree (Chromium, guards), and everything else on the machine — the noise the
// figures were measured in. Linux /proc only; NaN elsewhere.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

interface Stat {
  readonly ppid: number;
  /** utime + stime, in seconds. */
  readonly own: number;
  /** cutime + cstime: children that exited and were waited for, in seconds. */
  readonly reaped: number;
}

function stat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces; the fields after it do not.
    const fields = text
      .slice(text.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    const at = (index: number) => fields[index] ?? Number.NaN;
    return {
      ppid: at(1),
      own: (at(11) + at(12)) / TICKS_PER_SECOND,
      reaped: (at(13) + at(14)) / TICKS_PER_SECOND,
    };
  } catch {
    return null;
  }
}

/** CPU time a process has used so far, in seconds; NaN when it is unknown. */
export function cpuSeconds(pid: number | null | undefined): number {
  if (pid === null || pid === undefined) return Number.NaN;
  return stat(pid)?.own ?? Number.NaN;
}

/** CPU time of this process and all its descendants, living or finished, in seconds. */
function treeSeconds(): number {
  const stats = new Map<number, Stat>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const found = stat(pid);
    if (found) stats.set(pid, found);
  }
  const inTree = (pid: number): boolean => {
    for (let at = pid, hops = 0; at > 1 && hops < 64; hops++) {
      if (at === process.pid) return true;
      at = stats.get(at)?.ppid ?? 0;
    }
    return false;
  };
  let total = 0;
  for (const [pid, found] of stats) if (inTree(pid)) total += found.own + found.reaped;
  return total;
}

/** CPU time the whole machine has spent busy so far, in seconds (all cores). */
function machineSeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [user, nice, system, , , irq, softirq, steal] = line.split(/\s+/).slice(1).map(Number);
  const ticks = [user, nice, system, irq, softirq, steal].reduce<number>((s, t) => s + (t ?? 0), 0);
  return ticks / TICKS_PER_SECOND;
}

function snapshot(pids: Readonly<Record<string, number | null>>) {
  try {
    const named = Object.fromEntries(Object.entries(pids).map(([n, pid]) => [n, cpuSeconds(pid)]));
    return { self: cpuSeconds(process.pid), named, tree: treeSeconds(), machine: machineSeconds() };
  } catch {
    return null;
  }
}

/** How many cores each part kept busy, on average, while `work` ran. */
export async function coresUsed<T>(
  pids: Readonly<Record<string, number | null>>,
  work: () => Promise<T>,
): Promise<{ result: T; cores: Record<string, number> }> {
  const started = performance.now();
  const before = snapshot(pids);
  const result = await work();
  const after = snapshot(pids);
  const seconds = (performance.now() - started) / 1000;
  if (before === null || after === null) return { result, cores: {} };
  const cores = (value: number) => Math.round((value / seconds) * 100) / 100;
  const named: Record<string, number> = {};
  for (const name of Object.keys(pids)) {
    named[name] = cores((after.named[name] ?? Number.NaN) - (before.named[name] ?? Number.NaN));
  }
  const tree = after.tree - before.tree;
  const accounted =
    after.self - before.self + Object.values(named).reduce((s, v) => s + (v || 0) * seconds, 0);
  return {
    result,
    cores: {
      benchmark: cores(after.self - before.self),
      ...named,
      otherBenchmarkProcesses: cores(Math.max(0, tree - accounted)),
      others: cores(Math.max(0, after.machine - before.machine - tree)),
    },
  };
}
