/**
 * `milestone.label` {add?, remove?}: adds and removes labels with set semantics; the state keeps
 * them sorted (code-unit order, the same on every machine). A label must be non-empty, without
 * surrounding whitespace or control characters; otherwise it is stored verbatim (quotes, unicode).
 */
import type { MilestoneState, Operation } from '../types';
import { tokenProblem } from '../values';
import { draft, type Draft, type OpHandler } from './OpHandler';
import { checkAddRemove, nextSet, validateAddRemove } from './setMember';
import { onLive, touch } from './state';

const TYPE = 'milestone.label';

/** The payload of `milestone.label` (the envelope and `prev` are stamped by the engine). */
export type MilestoneLabelPayload = { add?: string[]; remove?: string[] };

export function milestoneLabelOp(p: MilestoneLabelPayload): Draft<typeof TYPE, MilestoneLabelPayload> {
  return draft(TYPE, p);
}

function check(op: Operation): void {
  checkAddRemove(op, TYPE);
}

function validate(state: MilestoneState | null, op: Operation): void {
  validateAddRemove(state, op, TYPE, 'label');
}

function apply(state: MilestoneState | null, op: Operation, hash: string): MilestoneState {
  return onLive(state, op, (live) => {
    return touch(live, op, nextSet(live, 'labels', op, hash, (l) => tokenProblem('label', l) === null, true));
  });
}

export const milestoneLabel: OpHandler = { type: TYPE, level: 1, check, validate, apply };
