/**
 * `git milestone phase start|submit|complete|block|reopen TASK [PHASE]`. PHASE defaults to the
 * task's current one. A task that follows no workflow gets one attached by `start` (the one named,
 * the milestone's, the settings' default, else `kiro`). start creates missing deliverables from the
 * workflow's templates; submit records each deliverable's blob id (refusing a missing or empty
 * required one) and the roles that must approve. What the workflow's policies have due on the
 * milestone (auto-approvals, phases sent back for review) is recorded first, and the command
 * decides on the state after it. The first phase started moves the task to in_progress; the last
 * one done completes it. `--gate PHASE=yes|no` overrides a gate for this task when `start`
 * attaches the workflow.
 */
import {
  phaseSetOp, taskStatusOp, taskWorkflowOp, type MilestoneOpDraft,
} from '../../domain/ops/constructors';
import type { MilestoneState } from '../../domain/types';
import { taskView, type TaskView } from '../../domain/views';
import { workflowOf } from '../../domain/ops/milestoneWorkflow';
import { unknownPhase } from '../../domain/ops/phaseHelpers';
import {
  actionStatus, currentPhaseOf, isDone, phaseIndex, transitionProblem, type PhaseAction,
} from '../../domain/workflow/machine';
import { checkGates, outlineFor, type GateOverrides } from '../../domain/workflow/outline';
import { newPhase, type TaskWorkflow } from '../../domain/workflow/phaseState';
import type { WorkflowDef } from '../../domain/workflow/types';
import { MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';
import { readMilestone, settlePolicy, writeMilestone } from '../milestoneAccess';
import { liveTask, resolveTask } from '../resolveTask';
import { actorOf, phaseEvent } from '../../domain/notify/events';
import { emitEvents } from '../notify/emit';
import { createFromTemplates, deliverableSpecs, insideWorkTree, recordBlobs } from './deliverables';
import { findWorkflow } from './findWorkflow';
import { phaseLens } from './phaseLens';
import { workflowSettings } from './workflowSettings';

export interface ChangePhaseOptions {
  task: string;
  action: PhaseAction;
  phase?: string;
  deliverables?: string[];
  workflow?: string;
  /** Gate overrides for this task, when `start` attaches the workflow. */
  gates?: GateOverrides;
}

function attachDef(ctx: Context, o: ChangePhaseOptions, s: MilestoneState, dflt: string | null): WorkflowDef {
  return findWorkflow(ctx, o.workflow ?? workflowOf(s) ?? dflt ?? 'kiro');
}

export async function changePhase(ctx: Context, o: ChangePhaseOptions): Promise<TaskView> {
  const loc = await resolveTask(ctx, o.task);
  const settings = await workflowSettings(ctx);
  const raw = liveTask(await readMilestone(ctx, loc.milestoneId), loc.taskId);
  if (o.phase !== undefined && raw.workflow && phaseIndex(raw.workflow, o.phase) < 0) {
    throw unknownPhase(raw.workflow, o.phase); // bad input is refused before the policies write
  }
  const before = await settlePolicy(ctx, loc.milestoneId);
  const task = liveTask(before, loc.taskId);
  let def: WorkflowDef | null = null;
  let workflow: TaskWorkflow | null = task.workflow ?? null;
  const drafts: MilestoneOpDraft[] = [];
  const gates = o.gates ?? {};
  if (!workflow) {
    if (o.action !== 'start') {
      throw new MilestoneError('INVALID_INPUT', `task ${task.id.slice(0, 8)} follows no workflow`, {
        hint: 'Start its first phase: `git milestone phase start TASK`.',
      });
    }
    def = attachDef(ctx, o, before, settings.defaultWorkflow);
    checkGates(def, gates);
    const outline = outlineFor(def, before, task, gates);
    drafts.push(taskWorkflowOp({ task: task.id, workflow: outline }));
    workflow = { name: def.name, phases: outline.phases.map(newPhase) };
  } else {
    if (Object.keys(gates).length > 0) {
      const message = `task ${task.id.slice(0, 8)} already follows ${workflow.name}: `
        + '--gate applies when a workflow is attached';
      const hint = 'Give --gate to `task add` or to the first `phase start`.';
      throw new MilestoneError('USAGE', message, { hint });
    }
    try { def = findWorkflow(ctx, workflow.name); } catch { def = null; }
  }
  if (o.phase !== undefined && phaseIndex(workflow, o.phase) < 0) throw unknownPhase(workflow, o.phase);
  const phase = o.phase ?? currentPhaseOf(workflow)?.name;
  if (!phase) {
    throw new MilestoneError('INVALID_INPUT', `every phase of task ${task.id.slice(0, 8)} is done`, {
      hint: 'Name a phase to reopen it.',
    });
  }
  const problem = transitionProblem(workflow, phase, o.action);
  if (problem) throw new MilestoneError('INVALID_INPUT', problem, { data: { task: task.id, phase } });
  const record = workflow.phases.find((p) => p.name === phase)!;
  const status = actionStatus(record, o.action);
  const specs = deliverableSpecs(def, phase, before, task, o.deliverables ?? []);
  specs.forEach((s) => insideWorkTree(ctx, s.path));
  const blobs = o.action === 'submit' || o.action === 'complete' ? await recordBlobs(ctx, specs) : undefined;
  const approvers = status === 'waiting_approval' ? settings.approvers(phase) : undefined;
  const { state } = await writeMilestone(ctx, loc.milestoneId, (s) => {
    const out = [...drafts, phaseSetOp({ task: task.id, phase, status, deliverables: blobs, approvers })];
    const t = liveTask(s, task.id);
    if (o.action === 'start' && t.status === 'pending') {
      out.push(taskStatusOp({ task: task.id, status: 'in_progress' }));
    }
    const phases = workflow!.phases;
    const last = phases[phases.length - 1].name === phase && phases.slice(0, -1).every(isDone);
    if (status === 'completed' && last && t.status !== 'completed') {
      out.push(taskStatusOp({ task: task.id, status: 'completed' }));
    }
    return out;
  });
  if (o.action === 'start') {
    for (const p of createFromTemplates(ctx, specs)) {
      ctx.env.err(`created ${p} from the ${workflow.name} template\n`);
    }
  }
  const after = liveTask(state, task.id);
  if (status === 'waiting_approval') {
    const milestone = { id: state.id, title: state.title, status: state.status };
    const t = { id: after.id, title: after.title, status: after.status };
    const actor = actorOf(ctx.who().author);
    await emitEvents(ctx, [phaseEvent({ event: 'review.requested', milestone, task: t, phase, actor })]);
  }
  return taskView(after, state, await phaseLens(ctx, after, settings));
}
