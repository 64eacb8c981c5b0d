/**
 * `milestone.archive` {archived}: archives (true) or unarchives (false) a milestone. Archiving
 * hides it from `list` unless asked for; it does not touch the status. Last writer wins. Setting the
 * flag it already has is allowed (idempotent for scripts) and only restamps the milestone.
 */
import type { MilestoneState, Operation } from '../types';
import type { OpHandler } from './OpHandler';
import { checkEnvelope, malformed, rejectUnknownKeys } from './payload';
import { onLive, requireLiveMilestone, touch } from './state';

const TYPE = 'milestone.archive';

function check(op: Operation): void {
  checkEnvelope(op, TYPE);
  if (typeof op.archived !== 'boolean') malformed(op, 'archived must be true or false');
}

function validate(state: MilestoneState | null, op: Operation): void {
  check(op);
  rejectUnknownKeys(op, ['archived']);
  requireLiveMilestone(state, op);
}

function apply(state: MilestoneState | null, op: Operation): MilestoneState {
  return onLive(state, op, (live) => touch(live, op, { archived: op.archived === true }));
}

export const milestoneArchive: OpHandler = { type: TYPE, check, validate, apply };
