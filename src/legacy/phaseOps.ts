/**
 * A legacy task's mapped phases (mapPhases.ts) → the operations that give it the same workflow state
 * as `phase` and `review` commands would: `task.workflow` (its phases, weights and gates), then per
 * phase in order `phase.set` in_progress, waiting_approval (a submission: the round its reviews
 * answer) or completed, or blocked, and each review as `review.add` signed by its reviewer at its
 * time. The phase operations carry the legacy `started_at`/`completed_at` as their times when given,
 * so `task show` says when a phase started; the rest carry the import's time and author.
 */
import {
  phaseSetOp, reviewAddOp, taskWorkflowOp, type MilestoneOpDraft, type PhaseSetPayload,
} from '../domain/ops/constructors';
import type { Author } from '../domain/types';
import { legacyIdentity } from './legacyReviews';
import type { LegacyPhase, MappedPhases } from './mapPhases';

/** Writes one operation (the import's author and time unless given) and returns its hash. */
export type PushOp = (draft: MilestoneOpDraft, stamp?: { author?: Author; time?: string }) => string;

function phaseSteps(task: string, p: LegacyPhase, push: PushOp): void {
  if (p.status === 'pending') return;
  type Extra = Partial<PhaseSetPayload>;
  const set = (status: PhaseSetPayload['status'], time: string | null, extra: Extra = {}): string =>
    push(phaseSetOp({ task, phase: p.name, status, ...extra }), time === null ? undefined : { time });
  if (p.status === 'blocked') {
    set('blocked', p.startedAt);
    return;
  }
  set('in_progress', p.startedAt);
  if (p.status === 'in_progress') return;
  const done = p.completedAt ?? p.startedAt;
  if (p.status === 'completed') {
    set('completed', done);
    return;
  }
  const approvers = p.approvers.map((role) => ({ role, emails: [legacyIdentity(role).email] }));
  const round = set('waiting_approval', done, approvers.length > 0 ? { approvers } : {});
  for (const r of p.reviews) {
    const message = r.message !== undefined ? { message: r.message } : {};
    const { decision } = r;
    const draft = reviewAddOp({ task, phase: p.name, round, decision, deliverables: [], ...message });
    const at = r.at ?? done;
    push(draft, { ...(r.by ? { author: r.by } : {}), ...(at !== null ? { time: at } : {}) });
  }
}

/** The operations of one task's phases, after its `task.add` (whose hash is `task`). */
export function pushPhaseOps(task: string, mapped: MappedPhases, push: PushOp): void {
  push(taskWorkflowOp({ task, workflow: mapped.workflow }));
  for (const p of mapped.phases) phaseSteps(task, p, push);
}
