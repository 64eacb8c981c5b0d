/**
 * `git milestone task add`: a task.add operation on the milestone. The task's id is the hash of
 * that operation (unique across milestones); dependencies are resolved inside the milestone and a
 * cycle is refused by the domain before anything is written.
 */
import { taskAddOp, taskWorkflowOp } from '../domain/ops/constructors';
import { taskView, type TaskView } from '../domain/views';
import type { TaskState } from '../domain/types';
import { outlineFor } from '../domain/workflow/outline';
import type { Context } from './context';
import { matchTask } from './matchTask';
import { readMilestone, writeMilestone } from './milestoneAccess';
import { resolveMilestone } from './resolveMilestone';
import { findWorkflow } from './workflow/findWorkflow';

export interface AddTaskOptions {
  milestone: string;
  title: string;
  description?: string;
  dependsOn?: string[];
  assignee?: string;
  estimatedHours?: number;
  /** A workflow name, or `none`; default: the milestone's (`new --workflow`). */
  workflow?: string;
}

export async function addTask(ctx: Context, o: AddTaskOptions): Promise<TaskView> {
  const id = await resolveMilestone(ctx, o.milestone);
  const given = o.workflow !== undefined && o.workflow !== 'none' ? findWorkflow(ctx, o.workflow) : null;
  const [view] = await addTasks(ctx, id, [o]);
  const state = await readMilestone(ctx, id);
  const fromMilestone = o.workflow === undefined && typeof state.extra.workflow === 'string' ? findWorkflow(ctx, state.extra.workflow) : null;
  const def = given ?? fromMilestone;
  if (!def) return view;
  const attached = await writeMilestone(ctx, id, (s) => [taskWorkflowOp({ task: view.id, workflow: outlineFor(def, s) })]);
  return taskView(attached.state.tasks.find((t) => t.id === view.id) as TaskState, attached.state);
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
