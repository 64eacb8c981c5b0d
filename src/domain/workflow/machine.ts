/**
 * The phase state machine: which phase operation may move a phase from its shown status, and
 * which phase a command means when none is named. A phase starts only when the one before it is
 * done: approved if it needs approval, else completed (or approved).
 */
import type { PhaseRecord, PhaseStatus, SettablePhaseStatus, TaskWorkflow } from './phaseState';

/** The action words of `phase <action>` and the status each sets. */
export const PHASE_ACTIONS = {
  start: 'in_progress', submit: 'waiting_approval', complete: 'completed', block: 'blocked',
  reopen: 'in_progress',
} as const;
export type PhaseAction = keyof typeof PHASE_ACTIONS;

const FROM: Readonly<Record<PhaseAction, readonly PhaseStatus[]>> = {
  start: ['pending', 'blocked'],
  submit: ['in_progress'],
  complete: ['in_progress'],
  block: ['pending', 'in_progress', 'waiting_approval'],
  reopen: ['completed', 'approved', 'rejected', 'changes_requested', 'blocked', 'waiting_approval'],
};

export function isDone(p: PhaseRecord): boolean {
  return p.status === 'approved' || (!p.needsApproval && p.status === 'completed');
}

export function phaseIndex(w: TaskWorkflow, name: string): number {
  return w.phases.findIndex((p) => p.name === name);
}

/** Why `action` may not be taken on `phase` now, or null when it may. */
export function transitionProblem(w: TaskWorkflow, phase: string, action: PhaseAction): string | null {
  const i = phaseIndex(w, phase);
  if (i < 0) {
    return `unknown phase "${phase}" (workflow ${w.name}: ${w.phases.map((p) => p.name).join(', ')})`;
  }
  const p = w.phases[i];
  if (!FROM[action].includes(p.status)) {
    return `phase ${phase} is ${p.status}; \`phase ${action}\` needs it ${FROM[action].join(' or ')}`;
  }
  if (action === 'start' && i > 0 && !isDone(w.phases[i - 1])) {
    const prev = w.phases[i - 1];
    const must = prev.needsApproval ? 'approved' : 'completed';
    return `phase ${phase} cannot start: ${prev.name} is ${prev.status}, and must be ${must} first`;
  }
  if (action === 'complete' && p.needsApproval) {
    return `phase ${phase} needs approval: submit it for review (\`phase submit\`)`;
  }
  return null;
}

/** The status a phase action writes: submit of a phase without a gate completes it. */
export function actionStatus(p: PhaseRecord, action: PhaseAction): SettablePhaseStatus {
  if (action === 'submit' && !p.needsApproval) return 'completed';
  return PHASE_ACTIONS[action];
}

/**
 * The phase a command means when it names none: the first that is open (in progress, waiting,
 * rejected, blocked), else the first not done; null when every phase is done.
 */
export function currentPhaseOf(w: TaskWorkflow): PhaseRecord | null {
  const open = w.phases.find((p) => !['pending', 'completed', 'approved'].includes(p.status));
  return open ?? w.phases.find((p) => !isDone(p) && p.status !== 'completed') ?? null;
}
