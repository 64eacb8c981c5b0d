/**
 * The workflow state a task carries once it follows a workflow: a snapshot of the workflow's phases
 * (names, weights, default gates) taken when it was attached, and per phase the status, the
 * deliverables recorded at submit (git blob ids) and every review. Pure data.
 *
 * `base` is what phase operations set; `status` is derived from it and the reviews of the current
 * round (gate.ts), so concurrent reviews from two clones fold to the same answer in any order.
 */
/** As domain/types.ts Author (not imported: types.ts imports this file). */
type Author = { name: string; email: string };

export const PHASE_STATUSES = [
  'pending', 'in_progress', 'waiting_approval', 'approved', 'rejected', 'changes_requested', 'completed',
  'blocked',
] as const;
export type PhaseStatus = (typeof PHASE_STATUSES)[number];

/** The statuses a phase operation may set; the others come from reviews. */
export const SETTABLE_PHASE_STATUSES = ['in_progress', 'waiting_approval', 'completed', 'blocked'] as const;
export type SettablePhaseStatus = (typeof SETTABLE_PHASE_STATUSES)[number];

export const REVIEW_DECISIONS = ['approve', 'reject', 'request_changes'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** A deliverable as recorded: its work-tree path and the git blob id of its content. */
export interface DeliverableBlob {
  path: string;
  blob: string;
}

/** A role that must approve, with the identities (emails) that may act for it. */
export interface ApproverRole {
  role: string;
  emails: string[];
}

export interface ReviewRecord {
  /** Hash of the review operation. */
  op: string;
  by: Author;
  decision: ReviewDecision;
  at: string;
  /** The submission (hash of the phase operation that asked for review) this review answers. */
  round: string;
  /** The deliverables the reviewer saw: the approval binds to these blob ids. */
  deliverables: DeliverableBlob[];
  message?: string;
  /** Recorded by the auto-approval policy (approval_workflow.auto_approve_after), not a person. */
  policy?: boolean;
}

export interface PhaseRecord {
  name: string;
  weight: number;
  needsApproval: boolean;
  base: PhaseStatus;
  status: PhaseStatus;
  startedAt: string | null;
  submittedAt: string | null;
  round: string | null;
  approvers: ApproverRole[];
  deliverables: DeliverableBlob[];
  reviews: ReviewRecord[];
}

export interface TaskWorkflow {
  name: string;
  phases: PhaseRecord[];
}

/** A phase as a workflow is attached to a task: what the snapshot keeps of the definition. */
export interface PhaseOutline {
  name: string;
  weight: number;
  needsApproval: boolean;
}

export function newPhase(o: PhaseOutline): PhaseRecord {
  return {
    name: o.name, weight: o.weight, needsApproval: o.needsApproval, base: 'pending', status: 'pending',
    startedAt: null, submittedAt: null, round: null, approvers: [], deliverables: [], reviews: [],
  };
}
