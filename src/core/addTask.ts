/**
 * `git milestone task add`: a task.add operation on the milestone. The task's id is the hash of
 * that operation (unique across milestones); dependencies are resolved inside the milestone and a
 * cycle is refused by the domain before anything is written.
 */
import { taskAddOp } from '../domain/ops/constructors';
import { taskView, type TaskView } from '../domain/views';
import type { Context } from './context';
import { matchTask } from './matchTask';
import { writeMilestone } from './milestoneAccess';
import { resolveMilestone } from './resolveMilestone';

export interface AddTaskOptions {
  milestone: string;
  title: string;
  description?: string;
  dependsOn?: string[];
  assignee?: string;
  estimatedHours?: number;
}

export async function addTask(ctx: Context, o: AddTaskOptions): Promise<TaskView> {
  const id = await resolveMilestone(ctx, o.milestone);
  return (await addTasks(ctx, id, [o]))[0];
}

/**
 * Adds several tasks to milestone `id` (a full id) in one write (one commit, one index update).
 * Each task's dependencies name tasks already in the milestone.
 */
export async function addTasks(
  ctx: Context, id: string, tasks: Array<Omit<AddTaskOptions, 'milestone'>>,
): Promise<TaskView[]> {
  const nonces = tasks.map(() => ctx.env.nonce());
  const { state, hashes } = await writeMilestone(ctx, id, (s) => tasks.map((o, i) => taskAddOp({
    title: o.title,
    nonce: nonces[i],
    description: o.description,
    assignee: o.assignee,
    estimatedHours: o.estimatedHours,
    dependsOn: (o.dependsOn ?? []).map((d) => matchTask(s, d).id),
  })));
  return hashes.map((hash) => {
    const task = state.tasks.find((t) => t.id === hash);
    if (!task) throw new Error(`task ${hash} missing after write`);
    return taskView(task, state);
  });
}
