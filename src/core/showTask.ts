/**
 * `git milestone task show`: one task with its milestone context and derived progress.
 */
import { taskView, type TaskView } from '../domain/views';
import { MilestoneError } from '../errors/MilestoneError';
import type { Context } from './context';
import { readMilestone } from './milestoneAccess';
import { resolveTask } from './resolveTask';

export async function showTask(ctx: Context, o: { task: string }): Promise<TaskView> {
  const loc = await resolveTask(ctx, o.task);
  const state = await readMilestone(ctx, loc.milestoneId);
  const task = state.tasks.find((t) => t.id === loc.taskId);
  if (!task || task.deleted) {
    throw new MilestoneError('NOT_FOUND', `task ${loc.taskId.slice(0, 8)} was removed`, { data: { id: loc.taskId } });
  }
  return taskView(task, state);
}
