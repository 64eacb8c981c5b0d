/**
 * `milestone.alias` {add, remove?}: other names a milestone answers to, for example the legacy id
 * `milestone-001` kept by an import. Set semantics, order of first addition. An alias must be a
 * usable token (non-empty, no surrounding whitespace or control characters) and differ from the
 * milestone's own id; that aliases are unique across milestones is the use case's concern.
 */
import type { MilestoneState, Operation } from '../types';
import { tokenProblem } from '../values';
import { draft, type Draft, type OpHandler } from './OpHandler';
import { badInput } from './payload';
import { checkAddRemove, nextSet, validateAddRemove } from './setMember';
import { onLive, touch } from './state';

const TYPE = 'milestone.alias';

/** The payload of `milestone.alias` (the envelope and `prev` are stamped by the engine). */
export type MilestoneAliasPayload = { add?: string[]; remove?: string[] };

export function milestoneAliasOp(p: MilestoneAliasPayload): Draft<typeof TYPE, MilestoneAliasPayload> {
  return draft(TYPE, p);
}

function check(op: Operation): void {
  checkAddRemove(op, TYPE);
}

function validate(state: MilestoneState | null, op: Operation): void {
  const { live, change } = validateAddRemove(state, op, TYPE, 'alias');
  if (change.add.includes(live.id)) badInput('an alias must differ from the milestone id');
}

function apply(state: MilestoneState | null, op: Operation, hash: string): MilestoneState {
  return onLive(state, op, (live) => {
    const accept = (alias: string): boolean => tokenProblem('alias', alias) === null && alias !== live.id;
    return touch(live, op, nextSet(live, 'aliases', op, hash, accept, false));
  });
}

export const milestoneAlias: OpHandler = { type: TYPE, level: 1, check, validate, apply };
