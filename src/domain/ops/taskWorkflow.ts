/**
 * `task.workflow` {task, workflow: {name, phases: [{name, weight, needsApproval}]} | null}: the
 * task follows this workflow from now on (a snapshot of its phases, so progress and gates read the
 * same on every clone and index whatever workflow files say later), or none. Attaching the
 * workflow the task already follows keeps its phase history; another one starts it afresh.
 */
import type { MilestoneState, Operation } from '../types';
import { isPlainObject } from '../values';
import { newPhase, type PhaseOutline } from '../workflow/phaseState';
import { draft, type Draft, type OpHandler } from './OpHandler';
import { badInput, checkEnvelope, malformed, rejectUnknownKeys, requireString } from './payload';
import { changeTask, findTask, ignore, onLive, requireLiveMilestone, requireLiveTask } from './state';

const TYPE = 'task.workflow';

export type TaskWorkflowPayload = { task: string; workflow: { name: string; phases: PhaseOutline[] } | null };

export function taskWorkflowOp(p: TaskWorkflowPayload): Draft<typeof TYPE, TaskWorkflowPayload> {
  return draft(TYPE, p);
}

function outline(op: Operation): TaskWorkflowPayload['workflow'] {
  const w = op.workflow;
  if (w === null) return null;
  if (!isPlainObject(w) || typeof w.name !== 'string' || !Array.isArray(w.phases)) malformed(op, 'workflow must be {name, phases} or null');
  const phases = (w.phases as unknown[]).map((p) => {
    if (!isPlainObject(p) || typeof p.name !== 'string' || typeof p.weight !== 'number' || typeof p.needsApproval !== 'boolean') {
      malformed(op, 'each phase must be {name, weight, needsApproval}');
    }
    return { name: p.name, weight: p.weight, needsApproval: p.needsApproval };
  });
  return { name: w.name, phases };
}

function check(op: Operation): void {
  checkEnvelope(op, TYPE);
  requireString(op, 'task');
  outline(op);
}

function validate(state: MilestoneState | null, op: Operation): void {
  check(op);
  rejectUnknownKeys(op, ['task', 'workflow']);
  requireLiveTask(requireLiveMilestone(state, op), op.task as string, op);
  const w = outline(op);
  if (!w) return;
  const names = w.phases.map((p) => p.name);
  if (names.length === 0 || new Set(names).size !== names.length) badInput(`workflow ${w.name}: phase names must be distinct and at least one`);
  const sum = w.phases.reduce((a, p) => a + p.weight, 0);
  if (w.phases.some((p) => p.weight < 0) || sum !== 100) badInput(`workflow ${w.name}: phase weights sum to ${sum}, not 100`);
}

function apply(state: MilestoneState | null, op: Operation): MilestoneState {
  return onLive(state, op, (live) => {
    const task = findTask(live, op.task as string);
    if (!task || task.deleted) return ignore(live, op);
    const w = outline(op);
    if (w && task.workflow && task.workflow.name === w.name) return ignore(live, op);
    return changeTask(live, op, task.id, () => ({ workflow: w ? { name: w.name, phases: w.phases.map(newPhase) } : null }));
  });
}

export const taskWorkflow: OpHandler = { type: TYPE, level: 2, check, validate, apply };
