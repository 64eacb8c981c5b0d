/**
 * Who holds a lock file, so a waiting command and `doctor` can name the holder and tell a live
 * one from a dead one. A lock of ours records one line of JSON: pid, host, when it was taken, and
 * the process's start time (field 22 of /proc/<pid>/stat, with the boot id) where the system has
 * /proc. A pid alone cannot tell: after a crash the pid is reused by an unrelated process that is
 * alive, and the lock looked held forever. The recorded start time tells that process from the
 * holder. Locks written by git itself (or by an older git-milestone: a bare pid) hold less, and
 * are judged by what they hold.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';

export interface LockHolder {
  pid: number;
  host: string;
  /** When the lock was taken (ISO). */
  at: string;
  /** `<boot id>:<start ticks>` of the process, when /proc tells; null elsewhere. */
  start: string | null;
}

/** alive: the holder runs; gone: it does not (the lock is stale); unknown: nothing says (another host, no holder). */
export type HolderState = 'alive' | 'gone' | 'unknown';

let bootId: string | null | undefined;

function readBootId(): string | null {
  if (bootId === undefined) {
    try {
      bootId = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      bootId = null;
    }
  }
  return bootId;
}

/** A process's start, `<boot id>:<ticks since boot>`; null when /proc cannot tell (or no such process). */
export function processStart(pid: number): string | null {
  const boot = readBootId();
  if (boot === null) return null;
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // `pid (comm) state ppid ...`: comm may hold spaces and parentheses, so count after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = fields[19];
  return ticks && /^\d+$/.test(ticks) ? `${boot}:${ticks}` : null;
}

let self: Omit<LockHolder, 'at'> | undefined;

/** This process as a lock holder (the start time is read once). */
export function currentHolder(now: Date = new Date()): LockHolder {
  self ??= { pid: process.pid, host: os.hostname(), start: processStart(process.pid) };
  return { ...self, at: now.toISOString() };
}

export function formatHolder(h: LockHolder): string {
  return `${JSON.stringify({ gitMilestoneLock: 1, ...h })}\n`;
}

/** The holder a lock file names: our JSON line, or a bare pid (older versions); null otherwise. */
export function parseHolder(text: string): LockHolder | null {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t) > 0 ? { pid: Number(t), host: os.hostname(), at: '', start: null } : null;
  if (!t.startsWith('{')) return null;
  try {
    const v = JSON.parse(t) as Partial<LockHolder> & { gitMilestoneLock?: number };
    if (v.gitMilestoneLock !== 1 || !Number.isInteger(v.pid) || (v.pid as number) <= 0 || typeof v.host !== 'string') return null;
    return { pid: v.pid as number, host: v.host, at: typeof v.at === 'string' ? v.at : '', start: typeof v.start === 'string' ? v.start : null };
  } catch {
    return null;
  }
}

/** Whether the holder still runs. Only a holder on this host can be checked. */
export function holderState(h: LockHolder | null): HolderState {
  if (h === null || h.host !== os.hostname()) return 'unknown';
  try {
    process.kill(h.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return 'gone';
  }
  // The pid runs (or exists under another user): is it still the process that took the lock?
  if (h.start !== null) {
    const now = processStart(h.pid);
    if (now !== null && now !== h.start) return 'gone';
  }
  return 'alive';
}

/** The holder of a lock file, read now; null when it names none (or is gone). */
export function readHolder(file: string): LockHolder | null {
  try {
    return parseHolder(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** `pid 123 on host, held 12 s` — for messages. */
export function describeHolder(h: LockHolder, now: number = Date.now()): string {
  const since = Date.parse(h.at);
  const held = Number.isNaN(since) ? '' : `, held ${formatAge(Math.max(0, now - since))}`;
  return `pid ${h.pid} on ${h.host}${held}`;
}

export function formatAge(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  return `${Math.round(s / 3600)} h`;
}

/** Programs that only pass a command on (`git milestone` runs git, then node): not a session's owner. */
const WRAPPERS = new Set(['git', 'node', 'git-milestone', 'npx', 'npm', 'env', 'timeout']);

/**
 * The process a command works for: the nearest ancestor of `pid` that is not a wrapper (git, node,
 * npx…), so a session started from a shell or an agent belongs to that shell or agent, not to the
 * short-lived command. Falls back to the parent when /proc cannot tell.
 */
export function ownerProcess(pid: number = process.pid): { pid: number; start: string | null } {
  let current = pid;
  for (let depth = 0; depth < 8; depth++) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${current}/stat`, 'utf8');
    } catch {
      break;
    }
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (current !== pid && !WRAPPERS.has(comm)) return { pid: current, start: processStart(current) };
    if (!Number.isInteger(ppid) || ppid <= 1) break;
    current = ppid;
  }
  return { pid: process.ppid, start: processStart(process.ppid) };
}
