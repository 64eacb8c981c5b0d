/**
 * `milestone.set` {fields}: writes scalar fields of a milestone (title, description, status,
 * priority, category, dates, estimated hours, success criteria, deliverables, risks, resources).
 * Each field is a causal register (registers.ts): a write replaces the values its writer saw;
 * concurrent writes of different values are kept as a conflict (policy `merge`) or resolved by
 * wall-clock time (`last_writer_wins`).
 *
 * check refuses unknown field names and wrong types (INVALID_OPERATION); validate refuses values
 * outside the rules of fields.ts (INVALID_INPUT). Values are stored as given (titles untrimmed).
 */
import { acceptedFields, fieldTypeProblems, fieldValueProblems, MILESTONE_FIELD_RULES } from '../fields';
import { draft, type Draft, type OpHandler } from './OpHandler';
import type { FoldOptions, MilestoneScalarField, MilestoneState, Operation } from '../types';
import { MILESTONE_SCOPE, writeFields } from '../registers';
import { badInput, checkEnvelope, checkPrev, malformed, objectMember, rejectUnknownKeys } from './payload';
import { ignore, onLive, requireLiveMilestone, touch } from './state';

const TYPE = 'milestone.set';

/** The payload of `milestone.set` (the envelope and `prev` are stamped by the engine). */
export type MilestoneSetPayload = { fields: Partial<Record<MilestoneScalarField, unknown>> };

export function milestoneSetOp(p: MilestoneSetPayload): Draft<typeof TYPE, MilestoneSetPayload> {
  return draft(TYPE, p);
}

function check(op: Operation): void {
  checkEnvelope(op, TYPE);
  const fields = objectMember(op, 'fields', true);
  if (Object.keys(fields).length === 0) malformed(op, 'fields must name at least one field');
  const problems = fieldTypeProblems(MILESTONE_FIELD_RULES, fields);
  if (problems.length > 0) {
    malformed(op, problems.join('; '));
  }
  checkPrev(op);
}

function validate(state: MilestoneState | null, op: Operation): void {
  check(op);
  rejectUnknownKeys(op, ['fields', 'prev']);
  requireLiveMilestone(state, op);
  const problems = fieldValueProblems(MILESTONE_FIELD_RULES, objectMember(op, 'fields', true));
  if (problems.length > 0) {
    badInput(problems.join('; '), 'Dates are YYYY-MM-DD; hours are non-negative numbers; null clears a field.');
  }
}

function apply(state: MilestoneState | null, op: Operation, hash: string, options: FoldOptions = {}): MilestoneState {
  return onLive(state, op, (live) => {
    const fields = acceptedFields(MILESTONE_FIELD_RULES, objectMember(op, 'fields', true));
    if (Object.keys(fields).length === 0) return ignore(live, op);
    const current = live as unknown as Record<string, unknown>;
    const w = writeFields(live, MILESTONE_SCOPE, fields, (f) => current[f], { op, hash, policy: options.policy });
    return touch(live, op, { ...(Object.fromEntries(w.values) as Partial<MilestoneState>), heads: w.heads });
  });
}

export const milestoneSet: OpHandler = { type: TYPE, level: 1, check, validate, apply };
