/**
 * The session a run works in: the one `--resume-session` names, else this milestone's session
 * whose executor died (so `execute` again on the same milestone resumes it), else a new one. A
 * resumed run takes up the tasks its session had in progress (at the last checkpoint, or still
 * claimed under its agent name) and merges back the finished ones whose worktrees are still there.
 */
import * as fs from 'node:fs';
import { MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';
import { readMilestone } from '../milestoneAccess';
import { claimsHeldBy, releaseClaim } from './coordination';
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
  const found = await findSession(ctx, { id: o.resume, milestone: o.milestone });
  if (found && found.milestone !== o.milestone) {
    throw new MilestoneError('INVALID_INPUT', `session ${found.id} executes milestone ${found.milestone.slice(0, 8)}, not ${o.milestone.slice(0, 8)}`);
  }
  const state = await readMilestone(ctx, o.milestone);
  const session = found ? found.id : await beginSession(ctx, o.milestone);
  const held = found ? await claimsHeldBy(ctx, { agent: `execute-${session}` }) : [];
  if (found) await takeOverSession(ctx, found.id);
  const mine = new Set([...held, ...(found?.inProgress ?? [])]);
  const resumable = new Set(state.tasks.filter((t) => t.status === 'in_progress' && mine.has(t.id)).map((t) => t.id));
  const worktrees = new Set((await ctx.git.worktreeList()).map((w) => realpath(w.path)));
  const unmerged = state.tasks.filter((t) => t.status === 'completed' && worktrees.has(realpath(runFiles(ctx, t.id).worktree))).map((t) => t.id);
  for (const id of held) if (!resumable.has(id) && !unmerged.includes(id)) await releaseClaim(ctx, id);
  return { session, resumed: found !== null, resumable, unmerged };
}

function realpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
