/**
 * Spec documents and approvals → the phases of the `kiro` workflow, pure. A spec's documents are
 * the deliverables of its specification task: requirements (requirements.md, spec.md) of the
 * design phase, the design (design.md, plan.md) of the spec phase, the task list of the task phase,
 * in the order both tools go. A generated document submits its phase; an approved one is approved
 * (a review by the importer); the task phase, which needs no approval, is started when the list
 * is generated and completed when approved. `nextPhaseStep` gives one operation at a time from the
 * task's current workflow, only ever moving forward, so a re-import adds just what is new.
 */
import { phaseSetOp, reviewAddOp, type MilestoneOpDraft } from '../domain/ops/constructors';
import type { TaskState } from '../domain/types';
import { isDone } from '../domain/workflow/machine';
import type { DeliverableBlob } from '../domain/workflow/phaseState';
import type { ApprovalState, PlanDocument } from './plan';

export const PHASE_OF_ROLE: Record<PlanDocument['role'], string> = { requirements: 'design', design: 'spec', tasks: 'task' };

export type PhaseTargets = Record<string, { state: ApprovalState; deliverables: DeliverableBlob[] }>;

export function nextPhaseStep(task: TaskState, targets: PhaseTargets): MilestoneOpDraft | null {
  const w = task.workflow;
  if (!w) return null;
  for (const p of w.phases) {
    const t = targets[p.name];
    if (!t || t.state === 'none') return null;
    if (isDone(p)) continue;
    const base = { task: task.id, phase: p.name };
    if (p.status === 'pending') return phaseSetOp({ ...base, status: 'in_progress' });
    if (p.status === 'in_progress') {
      if (p.needsApproval) return phaseSetOp({ ...base, status: 'waiting_approval', deliverables: t.deliverables });
      return t.state === 'approved' ? phaseSetOp({ ...base, status: 'completed', deliverables: t.deliverables }) : null;
    }
    if (p.status === 'waiting_approval' && t.state === 'approved' && p.round) {
      return reviewAddOp({
        ...base, round: p.round, decision: 'approve', deliverables: p.deliverables, message: 'approved in the source (imported)',
      });
    }
    return null;
  }
  return null;
}

/** A later document approved while an earlier one is not: the phases stop at the earlier one. */
export function approvalGap(approvals: Partial<Record<PlanDocument['role'], ApprovalState>>): string | null {
  const roles: Array<PlanDocument['role']> = ['requirements', 'design', 'tasks'];
  for (let i = 0; i < roles.length; i++) {
    if (approvals[roles[i]] === 'approved') continue;
    const later = roles.slice(i + 1).find((r) => approvals[r] === 'approved');
    if (later) return `${later} is approved while ${roles[i]} is not: phases recorded up to ${PHASE_OF_ROLE[roles[i]]}`;
    return null;
  }
  return null;
}
