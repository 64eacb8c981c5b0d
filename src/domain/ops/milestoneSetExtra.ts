/**
 * `milestone.set-extra` {fields}: writes fields that have no place in the model (legacy or future
 * fields), kept verbatim in `state.extra`. Each key is a last-writer-wins register; null deletes the
 * key. Keys must be non-empty; values must be JSON (anything canonical JSON can carry).
 */
import { canonicalJson } from '../canonical';
import type { MilestoneState, Operation } from '../types';
import { copyJson } from '../values';
import type { OpHandler } from './OpHandler';
import { badInput, checkEnvelope, malformed, objectMember, rejectUnknownKeys } from './payload';
import { onLive, requireLiveMilestone, touch } from './state';

const TYPE = 'milestone.set-extra';

function check(op: Operation): void {
  checkEnvelope(op, TYPE);
  const fields = objectMember(op, 'fields', true);
  if (Object.keys(fields).length === 0) malformed(op, 'fields must name at least one key');
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) malformed(op, `extra field ${JSON.stringify(key)} has no value (null deletes)`);
  }
}

function validate(state: MilestoneState | null, op: Operation): void {
  check(op);
  rejectUnknownKeys(op, ['fields']);
  requireLiveMilestone(state, op);
  for (const [key, value] of Object.entries(objectMember(op, 'fields', true))) {
    if (key.trim() === '') badInput('an extra field name must not be empty');
    try {
      canonicalJson(value);
    } catch {
      badInput(`extra field ${JSON.stringify(key)} is not plain JSON`);
    }
  }
}

function apply(state: MilestoneState | null, op: Operation): MilestoneState {
  return onLive(state, op, (live) => {
    // A Map, not property assignment: a key such as "__proto__" stays an ordinary key.
    const extra = new Map(Object.entries(live.extra));
    for (const [key, value] of Object.entries(objectMember(op, 'fields', true))) {
      if (value === null) extra.delete(key);
      else extra.set(key, copyJson(value));
    }
    return touch(live, op, { extra: Object.fromEntries(extra) });
  });
}

export const milestoneSetExtra: OpHandler = { type: TYPE, check, validate, apply };
