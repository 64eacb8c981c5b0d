/**
 * Where `execute` keeps its per-task files, all under the common dir so every linked worktree
 * (and the agents' own) sees the same ones:
 *   logs/agent-<task>.log          the agent's and verify command's output, every attempt
 *   execute/<task>.pid|.status     the running command's process id and exit status (ProcessRunner)
 *   execute/<task>.json            the task file given to the agent (MILESTONE_TASK_FILE)
 *   worktrees/<short id>           the task's linked worktree
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { shortId } from '../../domain/values';
import type { Context } from '../context';

export interface RunFiles {
  log: string;
  pid: string;
  status: string;
  taskFile: string;
  worktree: string;
}

export function runFiles(ctx: Context, task: string): RunFiles {
  const dir = path.join(ctx.dataDir, 'execute');
  return {
    log: path.join(ctx.dataDir, 'logs', `agent-${task}.log`),
    pid: path.join(dir, `${task}.pid`),
    status: path.join(dir, `${task}.status`),
    taskFile: path.join(dir, `${task}.json`),
    worktree: path.join(ctx.dataDir, 'worktrees', shortId(task)),
  };
}

/** Forgets a finished command (its pid and status files), so the next attempt starts afresh. */
export function clearRun(f: RunFiles): void {
  for (const p of [f.pid, f.status]) fs.rmSync(p, { force: true });
}

/** The last lines of a log (what a blocked task's reason quotes). */
export function logTail(file: string, lines = 12, maxBytes = 4096): string {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const start = Math.max(0, size - maxBytes);
      const buf = Buffer.alloc(size - start);
      fs.readSync(fd, buf, 0, buf.length, start);
      return buf.toString('utf8').split('\n').filter((l) => l.trim() !== '').slice(-lines).join('\n');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
}
