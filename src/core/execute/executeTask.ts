/**
 * One task, start to finish, as one agent does it: claim it (lease renewed while it runs), give it
 * its worktree (or the user's own work tree in `simple` mode), take it up, run the agent and verify
 * command with retries, commit what the agent left uncommitted, and move the task on. What it
 * returns, the run loop (runExecute.ts) merges back, checkpoints and reports.
 */
import type { MilestoneState } from '../../domain/types';
import { afterFailure } from '../../domain/execute/schedule';
import type { Context } from '../context';
import type { GitSettings } from '../git/gitSettings';
import { readMilestone } from '../milestoneAccess';
import { isMilestoneError } from '../../errors/MilestoneError';
import { renewClaim, takeClaim } from './coordination';
import type { ExecuteSettings } from './executeSettings';
import { moveOn, takeUp } from './moveTask';
import { runAgent } from './runAgent';
import { clearRun, logTail, runFiles } from './runFiles';
import { agentEnv } from './taskFile';
import { ensureWorktree, inWorktree } from './worktrees';

export type TaskOutcome =
  | { kind: 'done'; attempts: number; branch: string | null; worktree: string }
  | { kind: 'waiting'; attempts: number; phase: string }
  | { kind: 'blocked'; attempts: number; reason: string }
  | { kind: 'held'; reason: string };

export interface TaskRun {
  settings: ExecuteSettings;
  git: GitSettings;
  session: string;
  agent: string;
  ttlMs: number;
  command: string;
}

export async function executeTask(ctx: Context, r: TaskRun, milestone: MilestoneState, taskId: string): Promise<TaskOutcome> {
  const claim = await takeClaim(ctx, { task: taskId, milestone: milestone.id, agent: r.agent, ttlMs: r.ttlMs });
  if (!claim.ok) return { kind: 'held', reason: claim.reason };
  // The task's writes present the claim's fencing number: refused once another holder took it over.
  const fenced: Context = { ...ctx, fencing: claim.fencing };
  const renew = { task: taskId, agent: r.agent, ttlMs: r.ttlMs, fencing: claim.fencing };
  const lease = setInterval(() => void renewClaim(ctx, renew).catch(() => {}), Math.max(1000, r.ttlMs / 3));
  try {
    return await underClaim(fenced, r, milestone, taskId);
  } catch (e) {
    if (isMilestoneError(e) && (e.code === 'STALE_FENCING' || e.code === 'LEASE_LOST')) return { kind: 'held', reason: `lease lost: ${e.message}` };
    throw e;
  } finally {
    clearInterval(lease);
  }
}

async function underClaim(ctx: Context, r: TaskRun, milestone: MilestoneState, taskId: string): Promise<TaskOutcome> {
  const task = milestone.tasks.find((t) => t.id === taskId)!;
  const simple = r.settings.coordination === 'simple';
  const wt = simple ? null : await ensureWorktree(ctx, { settings: r.git, milestone, task });
  const cwd = wt?.path ?? (ctx.repo.workTree as string);
  const wctx = wt ? inWorktree(ctx, wt.path) : ctx;
  const files = runFiles(ctx, taskId);
  const taken = await takeUp(wctx, milestone.id, task);
  let phase = taken.phase;
  let known: MilestoneState | null = taken.state;
  for (let attempts = 1; ; ) {
    const m = known ?? (await readMilestone(ctx, milestone.id));
    known = null;
    const t = m.tasks.find((x) => x.id === taskId)!;
    const deliverables = t.workflow?.phases.find((p) => p.name === phase)?.deliverables.map((d) => d.path) ?? [];
    const base = { ...ctx.env.vars, MILESTONE_AGENT: r.agent, MILESTONE_FENCING: String(ctx.fencing) };
    const vars = agentEnv(base, files.taskFile, { milestone: m, task: t, phase, deliverables, session: r.session, worktree: cwd, branch: wt?.branch ?? null }, r.git);
    const out = await runAgent(ctx, { command: r.command, verify: r.settings.verify, cwd, vars, files, timeoutMs: r.settings.timeoutMs, attempt: attempts });
    if (!out.ok) {
      clearRun(files);
      if (afterFailure(attempts, r.settings.maxRetries) === 'retry' && !out.reason?.includes('timed out')) {
        attempts++;
        continue;
      }
      const tail = logTail(files.log);
      return { kind: 'blocked', attempts, reason: `${out.reason} after ${attempts} attempt${attempts === 1 ? '' : 's'}${tail ? `; log tail:\n${tail}` : ''}` };
    }
    if (wt) await wctx.git.commitAll(`${t.title}\n\nWork of the agent for task ${t.id.slice(0, 8)} (execute session ${r.session}).`);
    const next = await moveOn(wctx, milestone.id, taskId, phase);
    // Forgotten only once the task moved on: a run killed before that adopts the finished agent's
    // recorded status instead of running it again.
    clearRun(files);
    if (next.kind === 'completed') return { kind: 'done', attempts, branch: wt?.branch ?? null, worktree: cwd };
    if (next.kind === 'waiting') return { kind: 'waiting', attempts, phase: next.phase };
    phase = next.phase;
  }
}
