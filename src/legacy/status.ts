/**
 * Legacy status spellings → model statuses, and back. Milestones: `planning` → planned and
 * `active` → in_progress; the other seven spellings are the model's own. Tasks: the model's five,
 * plus `kiro_managed` (the phased workflow owns the task), read from its phases: completed when all
 * four are completed or approved, in_progress once any has moved, else pending. The original
 * spelling is kept (extra.legacy.status) and written back while the status has not changed since.
 */
import { PHASES } from '../domain/progress';
import { MILESTONE_STATUSES, TASK_STATUSES, type MilestoneStatus, type TaskStatus } from '../domain/types';
import { isObject } from './residue';
import type { Json } from './types';

const MILESTONE_ALIASES: Record<string, MilestoneStatus> = { planning: 'planned', active: 'in_progress' };

export function milestoneStatus(value: Json): MilestoneStatus | null {
  if (typeof value !== 'string') return null;
  if ((MILESTONE_STATUSES as readonly string[]).includes(value)) return value as MilestoneStatus;
  return Object.prototype.hasOwnProperty.call(MILESTONE_ALIASES, value) ? MILESTONE_ALIASES[value] : null;
}

function phaseStatus(phase: Json | undefined): string | null {
  if (typeof phase === 'string') return phase;
  return isObject(phase) && typeof phase.status === 'string' ? phase.status : null;
}

/** The status a `kiro_managed` task has, from `kiro_workflow.phases`. */
export function phasedStatus(kiro: Json | undefined): TaskStatus {
  const phases = isObject(kiro) && isObject(kiro.phases) ? kiro.phases : {};
  const states = PHASES.map((p) => phaseStatus(phases[p]));
  if (states.every((s) => s === 'completed' || s === 'approved')) return 'completed';
  return states.some((s) => s !== null && s !== 'pending') ? 'in_progress' : 'pending';
}

/** The model status of a legacy task status (`kiro_workflow` is the task's, for kiro_managed). */
export function taskStatus(value: Json, kiro: Json | undefined): TaskStatus | null {
  if (typeof value !== 'string') return null;
  if ((TASK_STATUSES as readonly string[]).includes(value)) return value as TaskStatus;
  return value === 'kiro_managed' ? phasedStatus(kiro) : null;
}
