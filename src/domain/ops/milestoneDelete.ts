/**
 * `milestone.delete` {}: the tombstone. The milestone stays in the repository (its log is history)
 * but `deleted` is set; validate refuses every later operation on it, and in a fold every
 * operation sorted after the delete takes no effect (tombstone wins over concurrent edits).
 */
import type { MilestoneState, Operation } from '../types';
import { draft, type Draft, type OpHandler } from './OpHandler';
import { checkEnvelope, rejectUnknownKeys } from './payload';
import { onLive, requireLiveMilestone, touch } from './state';

const TYPE = 'milestone.delete';

/** The payload of `milestone.delete` (the envelope and `prev` are stamped by the engine). */
export type MilestoneDeletePayload = Record<never, never>;

export function milestoneDeleteOp(): Draft<typeof TYPE, MilestoneDeletePayload> {
  return draft(TYPE, {});
}

function check(op: Operation): void {
  checkEnvelope(op, TYPE);
}

function validate(state: MilestoneState | null, op: Operation): void {
  check(op);
  rejectUnknownKeys(op, []);
  requireLiveMilestone(state, op);
}

function apply(state: MilestoneState | null, op: Operation): MilestoneState {
  return onLive(state, op, (live) => touch(live, op, { deleted: true }));
}

export const milestoneDelete: OpHandler = { type: TYPE, level: 1, check, validate, apply };
