/**
 * What the workflow's policies record, pure given the time, the settings and the deliverables'
 * blob ids in the work tree now. Every write of a milestone prepends these drafts
 * (core/milestoneAccess.ts), so history says the policy acted and when:
 *  - `approval_workflow.auto_approve_after`: a review.add by the policy for each phase whose wait
 *    is over;
 *  - `approval_workflow.reapprove_on_change`: an approved phase whose deliverable changed since the
 *    approval goes back to waiting_approval (reopen, then submit with the new blob ids: a new review
 *    round, so the old approvals no longer count). A phase whose deliverable is gone is left to
 *    the user (its reviews show stale).
 */
import { phaseSetOp, reviewAddOp, type MilestoneOpDraft } from '../ops/constructors';
import type { MilestoneState, TaskState } from '../types';
import type { ApproverRole, PhaseRecord } from './phaseState';
import { autoApprovalDue, changedDeliverables } from './staleness';

export interface PolicyInput {
  now: Date;
  autoApproveMs: number | null;
  /** path → blob id now, when reapprove_on_change is on and there is a work tree; else undefined. */
  current?: ReadonlyMap<string, string>;
  approvers(phase: string): ApproverRole[];
}

const liveWorkflowTasks = (s: MilestoneState): TaskState[] => s.tasks.filter((t) => !t.deleted && t.workflow);

/** Would reapprove_on_change send this phase back? (Approved, a deliverable changed, none gone.) */
export function reapprovalDue(p: PhaseRecord, current: ReadonlyMap<string, string> | undefined): boolean {
  if (current === undefined || p.status !== 'approved' || p.deliverables.length === 0) return false;
  const present = p.deliverables.every((d) => current.has(d.path));
  return present && changedDeliverables(p.deliverables, current).length > 0;
}

/** Does the milestone hold a phase some policy could act on (so settings are worth reading)? */
export function policyCandidate(s: MilestoneState): boolean {
  return liveWorkflowTasks(s).some((t) => t.workflow!.phases.some((p) =>
    p.status === 'waiting_approval' || (p.status === 'approved' && p.deliverables.length > 0)));
}

/** Deliverable paths of the approved phases (what reapprove_on_change compares). */
export function approvedDeliverablePaths(s: MilestoneState): string[] {
  return liveWorkflowTasks(s).flatMap((t) => t.workflow!.phases
    .filter((p) => p.status === 'approved').flatMap((p) => p.deliverables.map((d) => d.path)));
}

export function policyDrafts(s: MilestoneState, o: PolicyInput): MilestoneOpDraft[] {
  return liveWorkflowTasks(s).flatMap((t) => t.workflow!.phases.flatMap((p): MilestoneOpDraft[] => {
    if (p.round !== null && autoApprovalDue(p, o.now, o.autoApproveMs)) {
      const message = 'approved by policy: no decision within approval_workflow.auto_approve_after '
        + `of ${p.submittedAt}`;
      return [reviewAddOp({
        task: t.id, phase: p.name, round: p.round, decision: 'approve', deliverables: p.deliverables,
        message, policy: true,
      })];
    }
    if (!reapprovalDue(p, o.current)) return [];
    const now = o.current as ReadonlyMap<string, string>;
    const deliverables = p.deliverables.map((d) => ({ path: d.path, blob: now.get(d.path) as string }));
    const approvers = o.approvers(p.name);
    return [
      phaseSetOp({ task: t.id, phase: p.name, status: 'in_progress' }),
      phaseSetOp({ task: t.id, phase: p.name, status: 'waiting_approval', deliverables, approvers }),
    ];
  }));
}
