/**
 * Gate evaluation: the status a phase shows given what phase operations set and the reviews of its
 * current round. Order-independent, so two clones folding the same reviews agree:
 *  - any rejection in the round: rejected (a rejection concurrent with an approval wins);
 *  - else any request for changes: back to in_progress;
 *  - else every listed role has an approval by one of its identities (or, with no roles listed,
 *    someone approved; or the policy approved): approved;
 *  - else waiting_approval.
 */
import type { ApproverRole, PhaseRecord, PhaseStatus, ReviewRecord } from './phaseState';

export function roundReviews(p: PhaseRecord): ReviewRecord[] {
  return p.round === null ? [] : p.reviews.filter((r) => r.round === p.round);
}

const sameEmail = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function mayAct(role: ApproverRole, email: string): boolean {
  return role.emails.some((e) => sameEmail(e, email));
}

/** Roles still to approve in the current round. */
export function missingRoles(p: PhaseRecord): ApproverRole[] {
  const approvals = roundReviews(p).filter((r) => r.decision === 'approve');
  return p.approvers.filter((role) => !approvals.some((r) => mayAct(role, r.by.email)));
}

export function derivedStatus(p: PhaseRecord): PhaseStatus {
  if (p.base !== 'waiting_approval') return p.base;
  const reviews = roundReviews(p);
  if (reviews.some((r) => r.decision === 'reject')) return 'rejected';
  if (reviews.some((r) => r.decision === 'request_changes')) return 'in_progress';
  const approvals = reviews.filter((r) => r.decision === 'approve');
  if (approvals.some((r) => r.policy)) return 'approved';
  if (p.approvers.length === 0) return approvals.length > 0 ? 'approved' : 'waiting_approval';
  return missingRoles(p).length === 0 ? 'approved' : 'waiting_approval';
}

/** The identities that may review the phase now: those of the roles still missing (empty: anyone). */
export function pendingReviewers(p: PhaseRecord): string[] {
  if (p.status !== 'waiting_approval') return [];
  return [...new Set(missingRoles(p).flatMap((r) => r.emails.map((e) => e.toLowerCase())))].sort();
}

/** Is `email` allowed to review? With no roles listed, anyone is. */
export function mayReview(p: PhaseRecord, email: string): boolean {
  return p.approvers.length === 0 || p.approvers.some((r) => mayAct(r, email));
}
