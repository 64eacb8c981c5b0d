/**
 * `review.add` {task, phase, round, decision, deliverables, message?, policy?}: one review of a
 * phase waiting for approval, answering the submission `round` and bound to the deliverables' blob
 * ids the reviewer saw. Reviews accumulate (two approvers from two clones both count); the phase's
 * status is derived from the round's reviews (workflow/gate.ts). Who may review is checked by the
 * use case against the settings; the domain refuses a review of a phase that is not waiting, or
 * one answering an older round.
 */
import type { MilestoneState, Operation } from '../types';
import { REVIEW_DECISIONS, type DeliverableBlob, type ReviewDecision } from '../workflow/phaseState';
import { draft, type Draft, type OpHandler } from './OpHandler';
import { changePhase, deliverableList, requirePhase } from './phaseHelpers';
import { badInput, checkEnvelope, malformed, rejectUnknownKeys, requireString } from './payload';
import { onLive, requireLiveMilestone, requireLiveTask, stampOf } from './state';

const TYPE = 'review.add';

export type ReviewAddPayload = {
  task: string; phase: string; round: string; decision: ReviewDecision; deliverables: DeliverableBlob[];
  message?: string; policy?: boolean;
};

export function reviewAddOp(p: ReviewAddPayload): Draft<typeof TYPE, ReviewAddPayload> {
  return draft(TYPE, p);
}

function check(op: Operation): void {
  checkEnvelope(op, TYPE);
  for (const key of ['task', 'phase', 'round']) requireString(op, key);
  if (!(REVIEW_DECISIONS as readonly unknown[]).includes(op.decision)) malformed(op, `decision must be one of ${REVIEW_DECISIONS.join(', ')}`);
  deliverableList(op);
  if (op.message !== undefined && typeof op.message !== 'string') malformed(op, 'message must be a string');
  if (op.policy !== undefined && op.policy !== true) malformed(op, 'policy must be true when present');
}

function validate(state: MilestoneState | null, op: Operation): void {
  check(op);
  rejectUnknownKeys(op, ['task', 'phase', 'round', 'decision', 'deliverables', 'message', 'policy']);
  const task = requireLiveTask(requireLiveMilestone(state, op), op.task as string, op);
  const { phase } = requirePhase(task, op.phase as string);
  if (phase.status !== 'waiting_approval') {
    badInput(`phase ${phase.name} is ${phase.status}, not waiting for a review`, 'Review a phase after `phase submit`; `review --pending` lists them.', { phase: phase.name, status: phase.status });
  }
  if (op.round !== phase.round) badInput(`phase ${phase.name} was submitted again since; review the new submission`);
}

function apply(state: MilestoneState | null, op: Operation, hash: string): MilestoneState {
  return onLive(state, op, (live) => changePhase(live, op, op.task as string, op.phase as string, (p) => ({
    reviews: [...p.reviews, {
      op: hash, ...stampOf(op), decision: op.decision as ReviewDecision, round: op.round as string,
      deliverables: deliverableList(op), ...(typeof op.message === 'string' ? { message: op.message } : {}),
      ...(op.policy === true ? { policy: true } : {}),
    }].sort((a, b) => (a.at === b.at ? (a.op < b.op ? -1 : 1) : a.at < b.at ? -1 : 1)),
  })));
}

export const reviewAdd: OpHandler = { type: TYPE, level: 2, check, validate, apply };
