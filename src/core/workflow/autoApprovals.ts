/**
 * `approval_workflow.auto_approve_after`: every phase of the milestone whose wait is over gets a
 * review.add by the policy, recorded by the next command that writes the milestone, so history says
 * the policy approved it and when. Returns the drafts to prepend to that write.
 */
import { reviewAddOp, type MilestoneOpDraft } from '../../domain/ops/constructors';
import type { MilestoneState } from '../../domain/types';
import { autoApprovalDue } from '../../domain/workflow/staleness';

export function autoApprovals(state: MilestoneState, now: Date, afterMs: number | null): MilestoneOpDraft[] {
  if (afterMs === null) return [];
  return state.tasks.filter((t) => !t.deleted && t.workflow).flatMap((t) => t.workflow!.phases
    .filter((p) => p.round !== null && autoApprovalDue(p, now, afterMs))
    .map((p) => reviewAddOp({
      task: t.id, phase: p.name, round: p.round as string, decision: 'approve', deliverables: p.deliverables,
      message: `approved by policy: no decision within approval_workflow.auto_approve_after of ${p.submittedAt}`, policy: true,
    })));
}
