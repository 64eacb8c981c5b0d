/**
 * ProcessRunner on node: `sh -c` in its own process group (so a timeout kills the agent and its
 * children), output written straight to the log file's descriptor (it keeps flowing if the executor
 * dies), and a small wrapper shell that records its pid and the command's exit status in files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { childProcess } from './builtins';
import type { ProcessRunner, RunOutcome, RunSpec } from './ProcessRunner';

// The status is written by one `echo` (a single small write; no `mv`, one process fewer per run):
// a reader that finds the file still empty treats it as not written yet.
const WRAPPER = 'echo $$ > "$1"; sh -c "$2"; s=$?; echo $s > "$3"; exit $s';
const POLL_MS = 25;
const KILL_GRACE_MS = 2000;

function readStatus(file: string): number | null | undefined {
  try {
    const text = fs.readFileSync(file, 'utf8').trim();
    if (text === '') return undefined;
    return /^\d+$/.test(text) ? Number(text) : null;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

function stopLater(pid: number, timeoutMs: number | undefined, onKill: () => void): () => void {
  if (!timeoutMs || timeoutMs <= 0) return () => {};
  let hard: NodeJS.Timeout | undefined;
  const soft = setTimeout(() => {
    onKill();
    killGroup(pid, 'SIGTERM');
    hard = setTimeout(() => killGroup(pid, 'SIGKILL'), KILL_GRACE_MS);
  }, timeoutMs);
  return () => {
    clearTimeout(soft);
    if (hard) clearTimeout(hard);
  };
}

export const nodeProcessRunner: ProcessRunner = {
  run(spec: RunSpec): Promise<RunOutcome> {
    fs.mkdirSync(path.dirname(spec.logFile), { recursive: true });
    const fd = fs.openSync(spec.logFile, 'a');
    const child = childProcess().spawn('sh', ['-c', WRAPPER, 'sh', spec.pidFile, spec.command, spec.statusFile], {
      cwd: spec.cwd, env: spec.vars as NodeJS.ProcessEnv, stdio: ['ignore', fd, fd], detached: true, windowsHide: true,
    });
    fs.closeSync(fd);
    let timedOut = false;
    return new Promise((resolve) => {
      const cancel = child.pid ? stopLater(child.pid, spec.timeoutMs, () => { timedOut = true; }) : () => {};
      child.on('error', (e) => {
        cancel();
        fs.appendFileSync(spec.logFile, `could not start sh: ${e.message}\n`);
        resolve({ code: 127, timedOut });
      });
      child.on('exit', (code) => {
        cancel();
        resolve({ code: timedOut ? null : code, timedOut });
      });
    });
  },

  async adopt(spec): Promise<RunOutcome | null> {
    const pidText = (() => { try { return fs.readFileSync(spec.pidFile, 'utf8').trim(); } catch { return ''; } })();
    const pid = /^\d+$/.test(pidText) ? Number(pidText) : null;
    let timedOut = false;
    const cancel = pid ? stopLater(pid, spec.timeoutMs, () => { timedOut = true; }) : () => {};
    try {
      for (;;) {
        const status = readStatus(spec.statusFile);
        if (status !== undefined) return { code: status, timedOut: false };
        if (timedOut) return { code: null, timedOut: true };
        if (pid === null || !alive(pid)) return readStatus(spec.statusFile) === undefined ? null : { code: readStatus(spec.statusFile) ?? null, timedOut: false };
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    } finally {
      cancel();
    }
  },

  commandExists(word, o): boolean {
    if (word.includes('/')) return fs.existsSync(path.resolve(o.cwd, word));
    const dirs = (o.vars.PATH ?? '').split(path.delimiter).filter((d) => d !== '');
    return dirs.some((d) => {
      try {
        fs.accessSync(path.join(d, word), fs.constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
  },
};
