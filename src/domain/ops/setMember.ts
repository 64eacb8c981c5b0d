/**
 * The add/remove set semantics shared by `milestone.label`, `milestone.depend` and
 * `milestone.alias`: remove first, then add, keep each value once. A value both added and removed
 * is refused by validate; in a fold the add wins (it is applied last).
 */
import type { MilestoneState, Operation } from '../types';
import { compareStrings, tokenProblem, unique } from '../values';
import { badInput, checkEnvelope, refuseOverlap, rejectUnknownKeys, requireSomeChange, stringList } from './payload';
import { requireLiveMilestone } from './state';

export interface AddRemove {
  add: string[];
  remove: string[];
}

/** check: envelope plus optional `add` / `remove` string arrays, at least one value in all. */
export function checkAddRemove(op: Operation, type: string): AddRemove {
  checkEnvelope(op, type);
  const add = stringList(op, 'add', false);
  const remove = stringList(op, 'remove', false);
  requireSomeChange(op, add, remove);
  return { add, remove };
}

/** validate: shape, live milestone, each added value a usable token, no value on both sides. */
export function validateAddRemove(
  state: MilestoneState | null,
  op: Operation,
  type: string,
  what: string,
): { live: MilestoneState; change: AddRemove } {
  const change = checkAddRemove(op, type);
  rejectUnknownKeys(op, ['add', 'remove']);
  const live = requireLiveMilestone(state, op);
  for (const value of change.add) {
    const problem = tokenProblem(what, value);
    if (problem) badInput(problem);
  }
  refuseOverlap(change.add, change.remove, what);
  return { live, change };
}

/**
 * The next value of a set member. `accept` filters added values that validate would have refused
 * (apply is total, so it drops them instead of throwing). Sorted when `sorted`, else in order of
 * first addition.
 */
export function nextSet(
  current: string[],
  op: Operation,
  accept: (value: string) => boolean,
  sorted: boolean,
): string[] {
  const remove = new Set(stringList(op, 'remove', false));
  const add = stringList(op, 'add', false).filter(accept);
  const next = unique([...current.filter((v) => !remove.has(v)), ...add]);
  return sorted ? next.sort(compareStrings) : next;
}
