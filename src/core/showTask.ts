/**
 * `git milestone task show`: one task with its milestone context and derived progress, and the
 * commits linked to it by the hooks' notes (core/commits/taskCommits.ts).
 */
import { taskView, type TaskView } from '../domain/views';
import { MilestoneError } from '../errors/MilestoneError';
import { taskCommits, type TaskCommit } from './commits/taskCommits';
import type { Context } from './context';
import { readMilestone } from './milestoneAccess';
import { resolveTask } from './resolveTask';
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
  return { ...taskView(task, state, lens), commits: await taskCommits(ctx, task.id) };
}
