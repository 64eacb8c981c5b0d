/**
 * `milestone.archive` {archived}: archives (true) or unarchives (false) a milestone. Archiving
 * hides it from `list` unless asked for; it does not touch the status. Setting the
 * flag it already has is allowed (idempotent for scripts) and only restamps the milestone.
 * `archived` is a causal register (registers.ts), like the fields of milestone.set.
 */
import { MILESTONE_SCOPE, writeFields } from '../registers';
import type { FoldOptions, MilestoneState, Operation } from '../types';
import { draft, type Draft, type OpHandler } from './OpHandler';
import { checkEnvelope, checkPrev, malformed, rejectUnknownKeys } from './payload';
import { onLive, requireLiveMilestone, touch } from './state';

const TYPE = 'milestone.archive';

/** The payload of `milestone.archive` (the envelope and `prev` are stamped by the engine). */
export type MilestoneArchivePayload = { archived: boolean };

export function milestoneArchiveOp(p: MilestoneArchivePayload): Draft<typeof TYPE, MilestoneArchivePayload> {
  return draft(TYPE, p);
}

function check(op: Operation): void {
  checkEnvelope(op, TYPE);
  if (typeof op.archived !== 'boolean') malformed(op, 'archived must be true or false');
  checkPrev(op);
}

function validate(state: MilestoneState | null, op: Operation): void {
  check(op);
  rejectUnknownKeys(op, ['archived', 'prev']);
  requireLiveMilestone(state, op);
}

function apply(state: MilestoneState | null, op: Operation, hash: string, options: FoldOptions = {}): MilestoneState {
  return onLive(state, op, (live) => {
    const w = writeFields(live, MILESTONE_SCOPE, { archived: op.archived === true }, () => live.archived, { op, hash, policy: options.policy });
    return touch(live, op, { archived: w.values.get('archived') === true, heads: w.heads });
  });
}

export const milestoneArchive: OpHandler = { type: TYPE, level: 1, check, validate, apply };
