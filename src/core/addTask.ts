/**
 * `git milestone task add`: a task.add operation on the milestone. The task's id is the hash of
 * that operation (unique across milestones); dependencies are resolved inside the milestone and a
 * cycle is refused by the domain before anything is written. The task follows a workflow: the one
 * given (`--workflow NAME`, or `none`), else the milestone's, else the settings' default
 * (`workflow.default`, or `kiro` when `kiro_workflow.enabled`); `--gate PHASE=yes|no` overrides a
 * gate for this task. A workflow is attached by a second write (task.workflow names the task by
 * the hash of its task.add, known only once written), after every name has been checked.
 */
import { workflowOf } from '../domain/ops/milestoneWorkflow';
import { taskAddOp, taskWorkflowOp } from '../domain/ops/constructors';
import { taskView, type TaskView } from '../domain/views';
import { checkGates, outlineFor, type GateOverrides } from '../domain/workflow/outline';
import type { WorkflowDef } from '../domain/workflow/types';
import { MilestoneError } from '../errors/MilestoneError';
import type { Context } from './context';
import { matchTask } from './matchTask';
import { readMilestone, writeMilestone } from './milestoneAccess';
import { resolveMilestone } from './resolveMilestone';
import { findWorkflow } from './workflow/findWorkflow';
import { workflowSettings } from './workflow/workflowSettings';

export interface AddTaskOptions {
  milestone: string;
  title: string;
  description?: string;
  dependsOn?: string[];
  assignee?: string;
  estimatedHours?: number;
  /** A workflow name, or `none`; default: the milestone's, else the settings'. */
  workflow?: string;
  /** Gate overrides for this task (phase → needs approval). */
  gates?: GateOverrides;
}

/** The workflow a new task of milestone `id` follows (null: none); unknown names are refused. */
async function workflowFor(ctx: Context, id: string, o: AddTaskOptions): Promise<WorkflowDef | null> {
  const gates = o.gates ?? {};
  const name = o.workflow !== undefined
    ? o.workflow
    : workflowOf(await readMilestone(ctx, id)) ?? (await workflowSettings(ctx)).defaultWorkflow;
  const def = name === null || name === 'none' ? null : findWorkflow(ctx, name);
  if (def === null && Object.keys(gates).length > 0) {
    throw new MilestoneError('USAGE', '--gate needs a workflow: the task follows none', {
      hint: 'Give --workflow NAME, or name one for the milestone (`git milestone edit M --workflow kiro`).',
    });
  }
  if (def !== null) checkGates(def, gates);
  return def;
}

export async function addTask(ctx: Context, o: AddTaskOptions): Promise<TaskView> {
  const id = await resolveMilestone(ctx, o.milestone);
  const def = await workflowFor(ctx, id, o);
  const [view] = await addTasks(ctx, id, [o], def);
  return view;
}

/**
 * Adds several tasks to milestone `id` (a full id) in one write (one commit, one index update).
 * Each task's dependencies name tasks already in the milestone. With `def`, a second write
 * attaches that workflow to all of them.
 */
export async function addTasks(
  ctx: Context, id: string, tasks: Array<Omit<AddTaskOptions, 'milestone'>>, def: WorkflowDef | null = null,
): Promise<TaskView[]> {
  const nonces = tasks.map(() => ctx.env.nonce());
  const added = await writeMilestone(ctx, id, (s) => tasks.map((o, i) => taskAddOp({
    title: o.title,
    nonce: nonces[i],
    description: o.description,
    assignee: o.assignee,
    estimatedHours: o.estimatedHours,
    dependsOn: (o.dependsOn ?? []).map((d) => matchTask(s, d).id),
  })));
  const { hashes } = added;
  const state = def === null ? added.state : (await writeMilestone(ctx, id, (s) => hashes.map((task, i) =>
    taskWorkflowOp({ task, workflow: outlineFor(def, s, undefined, tasks[i].gates) })))).state;
  return hashes.map((hash) => {
    const task = state.tasks.find((t) => t.id === hash);
    if (!task) throw new Error(`task ${hash} missing after write`);
    return taskView(task, state);
  });
}
