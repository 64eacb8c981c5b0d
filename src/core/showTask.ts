/**
 * `git milestone task show`: one task with its milestone context and derived progress, and the
 * commits linked to it by the hooks' notes (core/commits/taskCommits.ts). An overdue phase it
 * shows fires `phase.overdue` once (workflow/noticeOverdue.ts).
 */
import { taskView, type TaskView } from '../domain/views';
import { MilestoneError } from '../errors/MilestoneError';
import { taskCommits, type TaskCommit } from './commits/taskCommits';
import type { Context } from './context';
import { readMilestone } from './milestoneAccess';
import { resolveTask } from './resolveTask';
import { overdueIn } from './workflow/findOverdue';
import { noticeOverdue } from './workflow/noticeOverdue';
import { phaseLens } from './workflow/phaseLens';
import { workflowSettings } from './workflow/workflowSettings';

export async function showTask(ctx: Context, o: { task: string }): Promise<TaskView & { commits: TaskCommit[] }> {
  const loc = await resolveTask(ctx, o.task);
  const state = await readMilestone(ctx, loc.milestoneId);
  const task = state.tasks.find((t) => t.id === loc.taskId);
  if (!task || task.deleted) {
    throw new MilestoneError('NOT_FOUND', `task ${loc.taskId.slice(0, 8)} was removed`, { data: { id: loc.taskId } });
  }
  const lens = task.workflow ? await phaseLens(ctx, task, await workflowSettings(ctx)) : undefined;
  const view = taskView(task, state, lens);
  const overdue = view.phases.filter((p) => p.overdue).map((p) => p.name);
  if (lens && overdue.length > 0) {
    const found = overdueIn(state, lens.now as Date, (_w, phase) => lens.timeoutOf?.(phase) ?? null);
    await noticeOverdue(ctx, found.filter((f) => f.task.id === task.id && overdue.includes(f.phase.name)));
  }
  return { ...view, commits: await taskCommits(ctx, task.id) };
}
