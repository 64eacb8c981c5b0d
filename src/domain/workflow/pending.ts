/**
 * What the index keeps of a milestone's workflow, so `review --pending`, `review --mine`,
 * `list waiting:me` and `list overdue:true` are answered without reading entities: the phases
 * waiting for a review (with who may still review) and when the longest-open phase started
 * (overall, and per workflow phase).
 */
import type { MilestoneState } from '../types';
import { pendingReviewers } from './gate';

export interface PendingReview {
  task: string;
  title: string;
  phase: string;
  /** When it was submitted. */
  since: string;
  /** Emails of the roles still to approve; empty: anyone may review. */
  reviewers: string[];
  /** Deliverables as submitted. */
  deliverables: Array<{ path: string; blob: string }>;
}

export function pendingReviewsOf(state: MilestoneState): PendingReview[] {
  return state.tasks.filter((t) => !t.deleted && t.workflow).flatMap((t) => t.workflow!.phases
    .filter((p) => p.status === 'waiting_approval')
    .map((p) => ({
      task: t.id, title: t.title, phase: p.name, since: p.submittedAt ?? t.updated.at,
      reviewers: pendingReviewers(p), deliverables: p.deliverables.map((d) => ({ ...d })),
    })));
}

const OPEN = ['in_progress', 'waiting_approval', 'blocked', 'rejected', 'changes_requested'];

export function openPhaseSince(state: MilestoneState): string | null {
  const starts = Object.values(openPhases(state));
  return starts.length === 0 ? null : starts.sort()[0];
}

/**
 * `<workflow>/<phase>` → when the longest-open such phase of a live task started, so an overdue
 * query can apply each phase's own timeout (a workflow file may set one per phase).
 */
export function openPhases(state: MilestoneState): Record<string, string> {
  const out = new Map<string, string>();
  for (const t of state.tasks.filter((x) => !x.deleted && x.workflow)) {
    for (const p of t.workflow!.phases.filter((x) => OPEN.includes(x.status) && x.startedAt)) {
      const key = `${t.workflow!.name}/${p.name}`;
      const seen = out.get(key);
      if (seen === undefined || (p.startedAt as string) < seen) out.set(key, p.startedAt as string);
    }
  }
  return Object.fromEntries([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** May `email` review this pending phase? (Anyone when no role is listed.) */
export function waitsFor(r: PendingReview, email: string): boolean {
  return r.reviewers.length === 0 || r.reviewers.includes(email.toLowerCase());
}
