/**
 * `milestone.set` {fields}: writes scalar fields of a milestone (title, description, status,
 * priority, category, dates, estimated hours, success criteria, deliverables, risks, resources).
 * Each field is a last-writer-wins register: in a fold the operation sorted last wins.
 *
 * check refuses unknown field names and wrong types (INVALID_OPERATION); validate refuses values
 * outside the rules of fields.ts (INVALID_INPUT). Values are stored as given (titles untrimmed).
 */
import { acceptedFields, fieldTypeProblems, fieldValueProblems, MILESTONE_FIELD_RULES } from '../fields';
import type { MilestoneState, Operation } from '../types';
import type { OpHandler } from './OpHandler';
import { badInput, checkEnvelope, malformed, objectMember, rejectUnknownKeys } from './payload';
import { ignore, onLive, requireLiveMilestone, touch } from './state';

const TYPE = 'milestone.set';

function check(op: Operation): void {
  checkEnvelope(op, TYPE);
  const fields = objectMember(op, 'fields', true);
  if (Object.keys(fields).length === 0) malformed(op, 'fields must name at least one field');
  const problems = fieldTypeProblems(MILESTONE_FIELD_RULES, fields);
  if (problems.length > 0) {
    malformed(op, problems.join('; '));
  }
}

function validate(state: MilestoneState | null, op: Operation): void {
  check(op);
  rejectUnknownKeys(op, ['fields']);
  requireLiveMilestone(state, op);
  const problems = fieldValueProblems(MILESTONE_FIELD_RULES, objectMember(op, 'fields', true));
  if (problems.length > 0) {
    badInput(problems.join('; '), 'Dates are YYYY-MM-DD; hours are non-negative numbers; null clears a field.');
  }
}

function apply(state: MilestoneState | null, op: Operation): MilestoneState {
  return onLive(state, op, (live) => {
    const fields = acceptedFields(MILESTONE_FIELD_RULES, objectMember(op, 'fields', true));
    if (Object.keys(fields).length === 0) return ignore(live, op);
    return touch(live, op, fields as Partial<MilestoneState>);
  });
}

export const milestoneSet: OpHandler = { type: TYPE, check, validate, apply };
