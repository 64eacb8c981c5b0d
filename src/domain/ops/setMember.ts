/**
 * The add/remove set semantics shared by `milestone.label`, `milestone.depend` and
 * `milestone.alias`: an add-wins set (addWinsSet.ts). Remove first (only the adds the writer saw),
 * then add, keep each value once. A value both added and removed is refused by validate; in a fold
 * the add wins (it is applied last), and so does an add concurrent with a remove.
 */
import { applySetChange } from '../addWinsSet';
import type { MilestoneState, Operation } from '../types';
import { tokenProblem } from '../values';
import { badInput, checkEnvelope, checkPrev, refuseOverlap, rejectUnknownKeys, requireSomeChange, stringList } from './payload';
import { requireLiveMilestone } from './state';

export type MilestoneSet = 'labels' | 'dependsOn' | 'aliases';

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
  checkPrev(op);
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
  rejectUnknownKeys(op, ['add', 'remove', 'prev']);
  const live = requireLiveMilestone(state, op);
  for (const value of change.add) {
    const problem = tokenProblem(what, value);
    if (problem) badInput(problem);
  }
  refuseOverlap(change.add, change.remove, what);
  return { live, change };
}

/**
 * The next members of one of the milestone's sets, and their tags. `accept` filters added values
 * that validate would have refused (apply is total, so it drops them instead of throwing). Sorted
 * when `sorted`, else in order of (re)addition.
 */
export function nextSet(
  live: MilestoneState,
  name: MilestoneSet,
  op: Operation,
  hash: string,
  accept: (value: string) => boolean,
  sorted: boolean,
): Partial<MilestoneState> {
  const next = applySetChange({
    members: live[name], tags: live.tags?.[name], add: stringList(op, 'add', false), remove: stringList(op, 'remove', false),
    op, hash, accept, sorted,
  });
  return { [name]: next.members, tags: { ...live.tags, [name]: next.tags } };
}
