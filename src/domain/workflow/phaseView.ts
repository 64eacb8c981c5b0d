/**
 * Phases as `task show --json` prints them, in workflow order. What depends on the world (the
 * deliverables' content now, the time, the settings) comes in a `Lens` from the use case, so the
 * view stays pure: with no lens nothing is stale, overdue, auto-approved or sent back for review.
 */
import type { TaskState } from '../types';
import type { ApproverRole, PhaseRecord, PhaseStatus, ReviewDecision } from './phaseState';
import { reapprovalDue } from './policy';
import { autoApprovalDue, isOverdue, isStale } from './staleness';

export interface Lens {
  /** path → blob id of the deliverable in the work tree now (absent: missing). */
  current?: ReadonlyMap<string, string>;
  now?: Date;
  autoApproveMs?: number | null;
  /** The phase's timeout (workflow file, else settings); null: never overdue. */
  timeoutOf?: (phase: string) => number | null;
  /** approval_workflow.reapprove_on_change is on. */
  reapproveOnChange?: boolean;
}

export interface ReviewView {
  by: string;
  decision: ReviewDecision;
  at: string;
  stale: boolean;
  message?: string;
  policy?: boolean;
}

export interface PhaseView {
  name: string;
  weight: number;
  status: PhaseStatus;
  needsApproval: boolean;
  startedAt: string | null;
  submittedAt: string | null;
  overdue: boolean;
  /** Shown approved because approval_workflow.auto_approve_after passed; recorded by the next write. */
  autoApproved: boolean;
  /**
   * Shown waiting_approval because a deliverable changed after the approval and
   * approval_workflow.reapprove_on_change is on; recorded by the next write.
   */
  reapprovalDue: boolean;
  approvers: ApproverRole[];
  deliverables: Array<{ path: string; blob: string }>;
  reviews: ReviewView[];
}

export function phaseView(p: PhaseRecord, lens: Lens = {}): PhaseView {
  const now = lens.now ?? null;
  const auto = now !== null && autoApprovalDue(p, now, lens.autoApproveMs ?? null);
  const back = lens.reapproveOnChange === true && reapprovalDue(p, lens.current);
  return {
    name: p.name,
    weight: p.weight,
    status: auto ? 'approved' : back ? 'waiting_approval' : p.status,
    needsApproval: p.needsApproval,
    startedAt: p.startedAt,
    submittedAt: p.submittedAt,
    overdue: now !== null && !auto && isOverdue(p, now, lens.timeoutOf?.(p.name) ?? null),
    autoApproved: auto,
    reapprovalDue: back,
    approvers: p.approvers.map((r) => ({ role: r.role, emails: [...r.emails] })),
    deliverables: p.deliverables.map((d) => ({ path: d.path, blob: d.blob })),
    reviews: p.reviews.map((r) => ({
      by: `${r.by.name} <${r.by.email}>`, decision: r.decision, at: r.at,
      stale: lens.current !== undefined && isStale(r, lens.current),
      ...(r.message !== undefined ? { message: r.message } : {}), ...(r.policy ? { policy: true } : {}),
    })),
  };
}

export function phaseViews(task: TaskState, lens: Lens = {}): PhaseView[] {
  return task.workflow ? task.workflow.phases.map((p) => phaseView(p, lens)) : [];
}
