/**
 * Helpers of the phase operations (task.workflow, phase.set, review.add): find a task's phase at
 * write time (refusing an unknown one) and replace one phase in a fold, re-deriving its status.
 */
import { MilestoneError } from '../../errors/MilestoneError';
import type { MilestoneState, Operation, TaskState } from '../types';
import { derivedStatus } from '../workflow/gate';
import type { DeliverableBlob, PhaseRecord, TaskWorkflow } from '../workflow/phaseState';
import { isPlainObject } from '../values';
import { malformed } from './payload';
import { changeTask, findTask, ignore } from './state';

/** validate: the task follows a workflow and it has `phase`. */
export function requirePhase(task: TaskState, phase: string): { workflow: TaskWorkflow; phase: PhaseRecord } {
  const w = task.workflow;
  if (!w) {
    throw new MilestoneError('INVALID_INPUT', `task ${task.id.slice(0, 8)} follows no workflow`, {
      hint: 'Attach one: `git milestone task add --workflow kiro`, or start a phase with `git milestone phase start TASK`.',
    });
  }
  const p = w.phases.find((x) => x.name === phase);
  if (!p) {
    throw unknownPhase(w, phase);
  }
  return { workflow: w, phase: p };
}

/**
 * An unknown phase is NOT_FOUND (exit 3), like an unknown workflow, template, task or remote: a
 * name that matches nothing, not a malformed value.
 */
export function unknownPhase(w: TaskWorkflow, phase: string): MilestoneError {
  const names = w.phases.map((x) => x.name);
  return new MilestoneError('NOT_FOUND', `unknown phase "${phase}": workflow ${w.name} has ${names.join(', ')}`, {
    hint: `Name one of ${names.join(', ')}, or leave PHASE out for the current one.`,
    data: { phase, phases: names },
  });
}

/** Fold: replaces one phase of a task's workflow through `change`; no effect when either is missing. */
export function changePhase(
  state: MilestoneState, op: Operation, taskId: string, phase: string, change: (p: PhaseRecord) => Partial<PhaseRecord>,
): MilestoneState {
  const task = findTask(state, taskId);
  const w = task && !task.deleted ? task.workflow : null;
  const p = w?.phases.find((x) => x.name === phase);
  if (!w || !p) return ignore(state, op);
  const next = { ...p, ...change(p) };
  const phases = w.phases.map((x) => (x.name === phase ? { ...next, status: derivedStatus(next) } : x));
  return changeTask(state, op, taskId, () => ({ workflow: { ...w, phases } }));
}

/** check: `deliverables` is absent or an array of {path, blob} strings. */
export function deliverableList(op: Operation, key = 'deliverables'): DeliverableBlob[] {
  const v = op[key];
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((d) => isPlainObject(d) && typeof d.path === 'string' && typeof d.blob === 'string')) {
    malformed(op, `${key} must be an array of {path, blob} strings`);
  }
  return (v as DeliverableBlob[]).map((d) => ({ path: d.path, blob: d.blob }));
}
