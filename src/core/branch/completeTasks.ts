/**
 * Completes the tasks of a merged branch, in one write to their milestone. Tasks already completed
 * or cancelled, removed tasks and tasks of a deleted milestone are left as they are. `dry-run`
 * writes nothing and reports what would be completed; `check` (completion switched off) writes
 * nothing and reports the tasks still open.
 */
import { taskStatusOp, type MilestoneOpDraft } from '../../domain/ops/constructors';
import { isMilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';
import { readMilestone, writeMilestone } from '../milestoneAccess';

export interface Completion {
  /** Completed now (or would be, on a dry run). */
  completed: string[];
  /** Still not completed afterwards. */
  open: string[];
}

export async function completeTasks(ctx: Context, milestoneId: string, taskIds: string[], mode: 'write' | 'dry-run' | 'check'): Promise<Completion> {
  if (taskIds.length === 0) return { completed: [], open: [] };
  let state;
  try {
    state = await readMilestone(ctx, milestoneId);
  } catch (e) {
    if (isMilestoneError(e) && e.code === 'NOT_FOUND') return { completed: [], open: [] };
    throw e;
  }
  const todo = taskIds.filter((id) => {
    const t = state.tasks.find((x) => x.id === id);
    return t !== undefined && !t.deleted && t.status !== 'completed' && t.status !== 'cancelled';
  });
  if (mode === 'check') return { completed: [], open: todo };
  if (todo.length === 0 || mode === 'dry-run') return { completed: todo, open: [] };
  await writeMilestone(ctx, milestoneId, (s) => {
    const drafts: MilestoneOpDraft[] = [];
    for (const id of todo) {
      const t = s.tasks.find((x) => x.id === id);
      const open = t && !t.deleted && t.status !== 'completed' && t.status !== 'cancelled';
      if (open) drafts.push(taskStatusOp({ task: id, status: 'completed' }));
    }
    return drafts;
  });
  ctx.env.log.info('tasks completed by a merge', { milestone: milestoneId, tasks: todo });
  return { completed: todo, open: [] };
}
