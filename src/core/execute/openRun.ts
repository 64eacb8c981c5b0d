/**
 * The session a run works in: the one `--resume-session` names, else this milestone's session
 * whose executor died (so `execute` again on the same milestone resumes it), else a new one. A
 * resumed run takes up the tasks its session had in progress (at the last checkpoint, or still
 * claimed under its agent name) and merges back the finished ones whose worktrees are still there.
 */
import * as fs from 'node:fs';
import { MilestoneError } from '../../errors/MilestoneError';
import { checkLocks } from '../doctor/checkLocks';
import type { Context } from '../context';
import { readMilestone } from '../milestoneAccess';
import { blockTask } from './blockTask';
import { agentName, letGo, milestoneClaims, type HeldClaim } from './coordination';
import { beginSession, findSession, takeOverSession } from './executeSession';
import { runFiles } from './runFiles';

export interface OpenedRun {
  session: string;
  resumed: boolean;
  /** In-progress tasks this run may take up again. */
  resumable: Set<string>;
  /** Completed tasks whose branches still wait to be merged back. */
  unmerged: string[];
}

export async function openRun(ctx: Context, o: { milestone: string; resume?: string }): Promise<OpenedRun> {
  // A killed executor may have died holding a ref lock (a claim, its session): its process is gone,
  // so the lock is stale, and doctor --fix would remove it; a resumed run must not wait on it.
  for (const p of checkLocks(ctx)) if (p.fixable && p.path) fs.rmSync(p.path, { force: true });
  const found = await findSession(ctx, { id: o.resume, milestone: o.milestone });
  if (found && found.milestone !== o.milestone) {
    throw new MilestoneError('INVALID_INPUT', `session ${found.id} executes milestone ${found.milestone.slice(0, 8)}, not ${o.milestone.slice(0, 8)}`);
  }
  const state = await readMilestone(ctx, o.milestone);
  const session = found ? found.id : await beginSession(ctx, o.milestone);
  const agent = agentName(session);
  const claims = await milestoneClaims(ctx, o.milestone);
  const held = found ? claims.filter((c) => c.agent === agent).map((c) => c.task) : [];
  if (found) await takeOverSession(ctx, found.id);
  const mine = new Set([...held, ...(found?.inProgress ?? [])]);
  const resumable = new Set(state.tasks.filter((t) => t.status === 'in_progress' && mine.has(t.id)).map((t) => t.id));
  const worktrees = new Set((await ctx.git.worktreeList()).map((w) => realpath(w.path)));
  const unmerged = state.tasks.filter((t) => t.status === 'completed' && worktrees.has(realpath(runFiles(ctx, t.id).worktree))).map((t) => t.id);
  for (const id of held) if (!resumable.has(id) && !unmerged.includes(id)) await letGo(ctx, { task: id, agent });
  await blockLapsed(ctx, o.milestone, state.tasks.filter((t) => t.status === 'in_progress' && !resumable.has(t.id)).map((t) => t.id), claims, agent);
  return { session, resumed: found !== null, resumable, unmerged };
}

/**
 * A task in progress under someone else's lease whose heartbeats stopped (the lease lapsed) is
 * blocked with the reason, which show and next display, and task.blocked fires: its holder is
 * gone, and what it left in its worktree needs a person (or `claim` to take it over).
 */
async function blockLapsed(ctx: Context, milestone: string, inProgress: string[], claims: HeldClaim[], agent: string): Promise<void> {
  const now = ctx.env.clock().getTime();
  for (const c of claims) {
    if (c.agent === agent || !inProgress.includes(c.task) || Date.parse(c.expires) > now) continue;
    const reason = `the lease of ${c.agent} (${c.holder}) lapsed at ${c.expires}: its heartbeats stopped`;
    await blockTask(ctx, { milestone, task: c.task, reason });
  }
}

function realpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
