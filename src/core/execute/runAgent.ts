/**
 * One attempt at a task: the agent command in the task's worktree, then `agents.verify_command`
 * there. A run left by an executor that died is not started again: its process is waited for, or
 * its recorded exit status taken (ProcessRunner.adopt), so a finished agent is never run twice.
 */
import * as fs from 'node:fs';
import type { Context } from '../context';
import { clearRun, type RunFiles } from './runFiles';

export interface AgentOutcome {
  ok: boolean;
  /** Why not, in words (the caller adds the log's tail). */
  reason?: string;
  /** True when the failure is the verify command's. */
  verify?: boolean;
}

export interface AgentRunInput {
  command: string;
  verify: string | null;
  cwd: string;
  vars: Record<string, string | undefined>;
  files: RunFiles;
  timeoutMs?: number;
  attempt: number;
}

function secs(ms: number): string {
  return ms >= 60_000 ? `${Math.round(ms / 60_000)}m` : `${Math.round(ms / 1000)}s`;
}

function failure(code: number | null, timedOut: boolean, timeoutMs: number | undefined, what: string): string {
  if (timedOut) return `${what} timed out after ${secs(timeoutMs ?? 0)}`;
  if (code === 127) return `${what} not found (exit status 127)`;
  return code === null ? `${what} was killed` : `${what} exited with status ${code}`;
}

export async function runAgent(ctx: Context, o: AgentRunInput): Promise<AgentOutcome> {
  const f = o.files;
  const left = fs.existsSync(f.pid) || fs.existsSync(f.status);
  let outcome = left ? await ctx.processes.adopt({ pidFile: f.pid, statusFile: f.status, timeoutMs: o.timeoutMs }) : null;
  if (outcome === null) {
    clearRun(f);
    fs.appendFileSync(f.log, `--- attempt ${o.attempt} at ${ctx.env.clock().toISOString()}: ${o.command}\n`);
    outcome = await ctx.processes.run({
      command: o.command, cwd: o.cwd, vars: o.vars, logFile: f.log, pidFile: f.pid, statusFile: f.status, timeoutMs: o.timeoutMs,
    });
  }
  if (outcome.code !== 0) return { ok: false, reason: failure(outcome.code, outcome.timedOut, o.timeoutMs, 'the agent command') };
  if (!o.verify) return { ok: true };
  fs.appendFileSync(f.log, `--- verify: ${o.verify}\n`);
  const v = await ctx.processes.run({
    command: o.verify, cwd: o.cwd, vars: o.vars, logFile: f.log, pidFile: `${f.pid}.verify`, statusFile: `${f.status}.verify`, timeoutMs: o.timeoutMs,
  });
  for (const p of [`${f.pid}.verify`, `${f.status}.verify`]) fs.rmSync(p, { force: true });
  return v.code === 0 ? { ok: true } : { ok: false, verify: true, reason: failure(v.code, v.timedOut, o.timeoutMs, 'the verify command') };
}
