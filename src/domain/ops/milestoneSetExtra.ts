/**
 * `milestone.set-extra` {fields}: writes fields that have no place in the model (legacy or future
 * fields), kept verbatim in `state.extra`. Each key is a causal register (registers.ts); null
 * deletes the key. Keys must be non-empty; values must be JSON (anything canonical JSON can carry).
 */
import { canonicalJson } from '../canonical';
import { EXTRA_SCOPE, writeFields } from '../registers';
import type { FoldOptions, MilestoneState, Operation } from '../types';
import { copyJson, getEntry } from '../values';
import { draft, type Draft, type OpHandler } from './OpHandler';
import { badInput, checkEnvelope, checkPrev, malformed, objectMember, rejectUnknownKeys } from './payload';
import { onLive, requireLiveMilestone, touch } from './state';

const TYPE = 'milestone.set-extra';

/** The payload of `milestone.set-extra` (the envelope and `prev` are stamped by the engine). */
export type MilestoneSetExtraPayload = { fields: Record<string, unknown> };

export function milestoneSetExtraOp(p: MilestoneSetExtraPayload): Draft<typeof TYPE, typeof p> {
  return draft(TYPE, p);
}

function check(op: Operation): void {
  checkEnvelope(op, TYPE);
  const fields = objectMember(op, 'fields', true);
  if (Object.keys(fields).length === 0) malformed(op, 'fields must name at least one key');
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) malformed(op, `extra field ${JSON.stringify(key)} has no value (null deletes)`);
  }
  checkPrev(op);
}

function validate(state: MilestoneState | null, op: Operation): void {
  check(op);
  rejectUnknownKeys(op, ['fields', 'prev']);
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

function apply(state: MilestoneState | null, op: Operation, hash: string, options: FoldOptions = {}): MilestoneState {
  return onLive(state, op, (live) => {
    const fields = objectMember(op, 'fields', true);
    const w = writeFields(live, EXTRA_SCOPE, fields, (k) => getEntry(live.extra, k) ?? null, { op, hash, policy: options.policy });
    // A Map, not property assignment: a key such as "__proto__" stays an ordinary key.
    const extra = new Map(Object.entries(live.extra));
    for (const [key, value] of w.values) {
      if (value === null) extra.delete(key);
      else extra.set(key, copyJson(value));
    }
    return touch(live, op, { extra: Object.fromEntries(extra), heads: w.heads });
  });
}

export const milestoneSetExtra: OpHandler = { type: TYPE, level: 1, check, validate, apply };
