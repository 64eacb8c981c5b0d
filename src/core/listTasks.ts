/**
 * `git milestone task list [milestone]`: tasks of one milestone or of all, filtered by status and
 * assignee, in creation order.
 */
import { taskView, type TaskView } from '../domain/views';
import type { Context } from './context';
import { readAllMilestones } from './readAllMilestones';

export interface ListTasksOptions {
  milestone?: string;
  status?: string[];
  assignee?: string[];
}

export async function listTasks(ctx: Context, o: ListTasksOptions): Promise<TaskView[]> {
  const out: TaskView[] = [];
  for (const m of await readAllMilestones(ctx, o.milestone)) {
    for (const t of m.tasks) {
      if (t.deleted) continue;
      if (o.status?.length && !o.status.includes(t.status)) continue;
      if (o.assignee?.length && !o.assignee.includes(t.assignee ?? '')) continue;
      out.push(taskView(t, m));
    }
  }
  return out;
}
