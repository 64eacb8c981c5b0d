/**
 * `milestone.depend` {add?, remove?}: the ids of other milestones this one depends on, with set
 * semantics (order of first addition). Whether those milestones exist cannot be known from one
 * milestone's log: the use case resolves and checks ids before writing. Depending on itself (its
 * id or one of its aliases) is refused as a DEPENDENCY_CYCLE and dropped by apply.
 */
import { MilestoneError } from '../../errors/MilestoneError';
import type { MilestoneState, Operation } from '../types';
import { shortId, tokenProblem } from '../values';
import { draft, type Draft, type OpHandler } from './OpHandler';
import { checkAddRemove, nextSet, validateAddRemove } from './setMember';
import { onLive, touch } from './state';

const TYPE = 'milestone.depend';

/** The payload of `milestone.depend` (the envelope and `prev` are stamped by the engine). */
export type MilestoneDependPayload = { add?: string[]; remove?: string[] };

export function milestoneDependOp(p: MilestoneDependPayload): Draft<typeof TYPE, MilestoneDependPayload> {
  return draft(TYPE, p);
}

function isSelf(state: MilestoneState, id: string): boolean {
  return id === state.id || state.aliases.includes(id);
}

function check(op: Operation): void {
  checkAddRemove(op, TYPE);
}

function validate(state: MilestoneState | null, op: Operation): void {
  const { live, change } = validateAddRemove(state, op, TYPE, 'milestone id');
  const self = change.add.find((id) => isSelf(live, id));
  if (self !== undefined) {
    throw new MilestoneError('DEPENDENCY_CYCLE', `dependency cycle: ${shortId(live.id)} → ${shortId(live.id)}`, {
      hint: 'A milestone cannot depend on itself.',
      data: { cycle: [live.id, live.id], titles: [live.title, live.title] },
    });
  }
}

function apply(state: MilestoneState | null, op: Operation, hash: string): MilestoneState {
  return onLive(state, op, (live) => {
    const accept = (id: string): boolean => tokenProblem('milestone id', id) === null && !isSelf(live, id);
    return touch(live, op, nextSet(live, 'dependsOn', op, hash, accept, false));
  });
}

export const milestoneDepend: OpHandler = { type: TYPE, level: 1, check, validate, apply };
