/**
 * `milestone.workflow` {workflow: NAME | null}: the workflow the milestone's tasks follow by default
 * (`new --workflow`, `edit --workflow`); null clears it. A causal register (registers.ts) like the
 * fields of milestone.set. Its own type rather than a milestone.set field because a 0.2.0 reader
 * refuses unknown milestone.set fields as malformed (INVALID_OPERATION: a corrupt entity), whereas
 * an unknown type is FORMAT_TOO_NEW naming the release to upgrade to: format level 3.
 * Milestones written before (0.2.0 kept the name in `extra.workflow`) read through workflowOf.
 */
import { MILESTONE_SCOPE, writeFields } from '../registers';
import type { FoldOptions, MilestoneState, Operation } from '../types';
import { draft, type Draft, type OpHandler } from './OpHandler';
import { badInput, checkEnvelope, checkPrev, malformed, rejectUnknownKeys } from './payload';
import { onLive, requireLiveMilestone, touch } from './state';

const TYPE = 'milestone.workflow';

/** A workflow name as its file name gives it (`.milestones/workflows/<name>.yaml`). */
export const WORKFLOW_NAME = /^[a-z][a-z0-9_-]{0,39}$/;

export type MilestoneWorkflowPayload = { workflow: string | null };

export function milestoneWorkflowOp(p: MilestoneWorkflowPayload): Draft<typeof TYPE, typeof p> {
  return draft(TYPE, p);
}

function check(op: Operation): void {
  checkEnvelope(op, TYPE);
  if (op.workflow !== null && typeof op.workflow !== 'string') {
    malformed(op, 'workflow must be a name or null');
  }
  checkPrev(op);
}

function validate(state: MilestoneState | null, op: Operation): void {
  check(op);
  rejectUnknownKeys(op, ['workflow', 'prev']);
  requireLiveMilestone(state, op);
  if (typeof op.workflow === 'string' && !WORKFLOW_NAME.test(op.workflow)) {
    badInput(`workflow name ${JSON.stringify(op.workflow)} must be lowercase letters, digits, - or _`);
  }
}

/** The workflow a milestone names: the field, else (written by 0.2.0) `extra.workflow`; null: none. */
export function workflowOf(m: MilestoneState): string | null {
  if (m.workflow !== undefined) return m.workflow;
  return typeof m.extra.workflow === 'string' ? m.extra.workflow : null;
}

function apply(
  state: MilestoneState | null, op: Operation, hash: string, options: FoldOptions = {},
): MilestoneState {
  return onLive(state, op, (live) => {
    const value = typeof op.workflow === 'string' ? op.workflow : null;
    const w = writeFields(live, MILESTONE_SCOPE, { workflow: value }, () => workflowOf(live), {
      op, hash, policy: options.policy,
    });
    return touch(live, op, { workflow: w.values.get('workflow') as string | null, heads: w.heads });
  });
}

export const milestoneWorkflow: OpHandler = { type: TYPE, level: 3, check, validate, apply };
