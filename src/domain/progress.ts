/**
 * Progress numbers (0-100), following the rules of the legacy system:
 *  - a task outside the phased workflow: 100 completed, 50 in_progress, 0 otherwise;
 *  - a task in the phased ("Kiro") workflow: sum over its phases of credit × weight / 100, credit
 *    100 completed/approved, 90 waiting_approval, 60 in_progress, 30 blocked, 0 otherwise; default
 *    weights design 15, spec 25, task 20, execute 40 (a milestone may override them);
 *  - a milestone: the mean of its live, non-cancelled tasks, rounded to an integer; with no such
 *    task 0, or 100 when the milestone itself is completed.
 *
 * A task is phased when it follows a workflow (`task.workflow`, the phased operations: its own
 * phases and weights), else when its `extra.phases` is an object (phase → status, or phase → {status}), or,
 * as the legacy importer keeps it, `extra.kiro_workflow` is {enabled: true, phases: {...}}.
 * A milestone overrides weights with `extra.phaseWeights` or legacy
 * `extra.kiro_configuration.phase_weights`. A completed task is always 100.
 */
import type { MilestoneState, TaskState } from './types';
import { isPlainObject } from './values';
import { currentPhaseOf } from './workflow/machine';

export const PHASES = ['design', 'spec', 'task', 'execute'] as const;
export type Phase = (typeof PHASES)[number];

export { PHASE_STATUSES, type PhaseStatus } from './workflow/phaseState';

export type PhaseWeights = Readonly<Record<string, number>>;

export const DEFAULT_PHASE_WEIGHTS: Readonly<Record<Phase, number>> = { design: 15, spec: 25, task: 20, execute: 40 };

const CREDIT: Readonly<Record<string, number>> = {
  completed: 100, approved: 100, waiting_approval: 90, in_progress: 60, blocked: 30,
};

/** Credit (0-100) of one phase given its status, or `{status}` as the legacy files hold it. */
export function phaseCredit(phase: unknown): number {
  const status = isPlainObject(phase) ? phase.status : phase;
  return typeof status === 'string' && Object.prototype.hasOwnProperty.call(CREDIT, status) ? CREDIT[status] : 0;
}

/**
 * Progress of a phased task: Σ credit × weight / Σ weights (with weights summing to 100, as the
 * defaults do, that is the legacy Σ credit × weight / 100). Phases missing from `phases` count 0.
 * Not rounded.
 */
export function phasedProgress(phases: Readonly<Record<string, unknown>>, weights: PhaseWeights = DEFAULT_PHASE_WEIGHTS): number {
  let total = 0;
  let sum = 0;
  for (const [phase, weight] of Object.entries(weights)) {
    total += weight;
    sum += phaseCredit(Object.prototype.hasOwnProperty.call(phases, phase) ? phases[phase] : undefined) * weight;
  }
  return total > 0 ? Math.min(100, Math.max(0, sum / total)) : 0;
}

/** The phases of a phased task, or null for a task outside the workflow. */
export function taskPhases(task: TaskState): Record<string, unknown> | null {
  if (task.workflow) return Object.fromEntries(task.workflow.phases.map((p) => [p.name, p.status]));
  if (isPlainObject(task.extra.phases)) return task.extra.phases;
  const kiro = task.extra.kiro_workflow;
  if (isPlainObject(kiro) && kiro.enabled === true && isPlainObject(kiro.phases)) return kiro.phases;
  return null;
}

/**
 * The phase a task in the phased workflow is at: its recorded `current_phase`, else the first
 * phase not yet completed or approved; null for a task outside the workflow.
 */
export function currentPhase(task: TaskState): string | null {
  if (task.deleted) return null;
  if (task.workflow) return currentPhaseOf(task.workflow)?.name ?? null;
  const kiro = task.extra.kiro_workflow;
  if (isPlainObject(kiro) && kiro.enabled === true && typeof kiro.current_phase === 'string') return kiro.current_phase;
  const phases = taskPhases(task);
  if (!phases) return null;
  for (const p of PHASES) {
    const st = isPlainObject(phases[p]) ? (phases[p] as Record<string, unknown>).status : phases[p];
    if (st !== 'completed' && st !== 'approved') return p;
  }
  return null;
}

function validWeights(value: unknown): value is PhaseWeights {
  if (!isPlainObject(value)) return false;
  const numbers = Object.values(value);
  return numbers.length > 0
    && numbers.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0)
    && numbers.some((n) => (n as number) > 0);
}

/** The phase weights of a milestone: its override when valid, else the defaults. */
export function phaseWeights(milestone: MilestoneState): PhaseWeights {
  if (validWeights(milestone.extra.phaseWeights)) return milestone.extra.phaseWeights;
  const kiro = milestone.extra.kiro_configuration;
  if (isPlainObject(kiro) && validWeights(kiro.phase_weights)) return kiro.phase_weights;
  return DEFAULT_PHASE_WEIGHTS;
}

/** Progress of one task (0-100, not rounded). */
export function taskProgress(task: TaskState, weights: PhaseWeights = DEFAULT_PHASE_WEIGHTS): number {
  if (task.status === 'completed') return 100;
  if (task.workflow) {
    const own = Object.fromEntries(task.workflow.phases.map((p) => [p.name, p.weight]));
    return phasedProgress(taskPhases(task) as Record<string, unknown>, own);
  }
  const phases = taskPhases(task);
  if (phases) return phasedProgress(phases, weights);
  return task.status === 'in_progress' ? 50 : 0;
}

/** The tasks that count towards a milestone's progress: live and not cancelled. */
export function countedTasks(state: MilestoneState): TaskState[] {
  return state.tasks.filter((t) => !t.deleted && t.status !== 'cancelled');
}

/** Progress of a milestone, an integer 0-100. */
export function milestoneProgress(state: MilestoneState): number {
  const tasks = countedTasks(state);
  if (tasks.length === 0) return state.status === 'completed' ? 100 : 0;
  const weights = phaseWeights(state);
  const sum = tasks.reduce((acc, t) => acc + taskProgress(t, weights), 0);
  return Math.round(sum / tasks.length);
}
