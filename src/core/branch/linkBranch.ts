/**
 * Makes the link of a branch from its name alone: the name carries a short id (see
 * domain/branchName.ts), which the index resolves to a task or a milestone. Used by the post-checkout
 * hook for branches made elsewhere (a colleague's, fetched) and by `branch cleanup` for branches
 * whose link file is missing — this is what makes the link files rebuildable.
 */
import { parseBranchName } from '../../domain/branchName';
import { CONVENTIONAL_TYPES } from '../../domain/commitHeader';
import type { MilestoneState, TaskState } from '../../domain/types';
import type { Context } from '../context';
import { type BranchLink, markNotLinked, readLink, writeLink } from '../git/branchLinks';
import type { GitSettings } from '../git/gitSettings';
import { readMilestone } from '../milestoneAccess';

/** The link for `branch`: its link file, else one made from its name (null: not a milestone branch). */
export async function linkOf(ctx: Context, settings: GitSettings, branch: string, o: { write: boolean }): Promise<BranchLink | null> {
  const known = readLink(ctx.repo.commonDir, branch);
  if (known) return known;
  const short = parseBranchName(settings.naming, branch);
  const task = short ? await ctx.index.findTasks(short) : [];
  const milestones = short && task.length === 0 ? await ctx.index.findMilestones(short) : [];
  let link: BranchLink | null = null;
  if (task.length === 1 || (task.length === 0 && milestones.length === 1)) {
    const milestoneId = task.length === 1 ? task[0].milestoneId : milestones[0];
    const state = await readMilestone(ctx, milestoneId, { allowDeleted: true });
    const t = task.length === 1 ? state.tasks.find((x) => x.id === task[0].taskId) ?? null : null;
    link = newLink(branch, state, t, null, ctx.env.clock());
  }
  if (o.write) {
    if (link) writeLink(ctx.repo.commonDir, link);
    else markNotLinked(ctx.repo.commonDir, branch);
  }
  return link;
}

export function newLink(branch: string, m: MilestoneState, task: TaskState | null, start: string | null, now: Date): BranchLink {
  return { version: 1, branch, milestone: m.id, task: task?.id ?? null, tasks: task ? [task.id] : [], type: commitType(task, m), start, linkedAt: now.toISOString() };
}

/** {type}: a conventional type named in the task's (or milestone's) extra fields, else `feat`. */
export function commitType(task: TaskState | null, m: MilestoneState): string {
  const given = [task?.extra?.type, m.extra?.type].find((v) => typeof v === 'string' && (CONVENTIONAL_TYPES as readonly string[]).includes(v));
  return (given as string | undefined) ?? 'feat';
}
