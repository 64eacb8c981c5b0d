/**
 * Rules for the scalar fields that `milestone.create`, `milestone.set`, `task.add` and `task.set`
 * write. Each field has a type test (a wrong type makes the operation malformed: INVALID_OPERATION,
 * raised by `check`) and a value rule (a wrong value is bad input: INVALID_INPUT, raised by
 * `validate`). `apply` uses the same rules to skip values that slipped past both, so a fold of a
 * foreign or damaged history never puts an impossible value into a state.
 *
 * Titles must have a non-space character but are stored verbatim, untrimmed.
 */
import { MILESTONE_STATUSES, PRIORITIES, TASK_STATUSES } from './types';
import type { MilestoneScalarField, TaskScalarField } from './types';
import { isDateValue, isPlainObject, isStringArray } from './values';

export interface FieldRule {
  /** Expected type, for messages (`a string`, `a number or null`). */
  type: string;
  isType(value: unknown): boolean;
  /** Why a value of the right type is still not allowed, or null. */
  problem(value: unknown): string | null;
}

const none = (): null => null;
const isString = (v: unknown): boolean => typeof v === 'string';
const orNull = (test: (v: unknown) => boolean) => (v: unknown): boolean => v === null || test(v);

const title: FieldRule = {
  type: 'a string',
  isType: isString,
  problem: (v) => ((v as string).trim() === '' ? 'title must not be empty' : null),
};
const text: FieldRule = { type: 'a string', isType: isString, problem: none };
const textOrNull: FieldRule = { type: 'a string or null', isType: orNull(isString), problem: none };
const hours: FieldRule = {
  type: 'a number or null',
  isType: orNull((v) => typeof v === 'number'),
  problem: (v) =>
    v === null || (Number.isFinite(v) && (v as number) >= 0) ? null : `estimatedHours must be a non-negative number, got ${String(v)}`,
};
const date = (name: string): FieldRule => ({
  type: 'a string or null',
  isType: orNull(isString),
  problem: (v) => (v === null || isDateValue(v) ? null : `${name} must be YYYY-MM-DD or an ISO 8601 date-time, got ${JSON.stringify(v)}`),
});
const oneOf = (name: string, allowed: readonly string[], nullable: boolean): FieldRule => ({
  type: nullable ? 'a string or null' : 'a string',
  isType: nullable ? orNull(isString) : isString,
  problem: (v) =>
    (nullable && v === null) || allowed.includes(v as string)
      ? null
      : `${name} must be one of ${allowed.join(', ')}${nullable ? ' (or null)' : ''}, got ${JSON.stringify(v)}`,
});

export const MILESTONE_FIELD_RULES: Record<MilestoneScalarField, FieldRule> = {
  title,
  description: text,
  status: oneOf('status', MILESTONE_STATUSES, false),
  priority: oneOf('priority', PRIORITIES, true),
  category: textOrNull,
  startDate: date('startDate'),
  dueDate: date('dueDate'),
  estimatedHours: hours,
  successCriteria: { type: 'an array of strings', isType: isStringArray, problem: none },
  deliverables: { type: 'an array', isType: Array.isArray, problem: none },
  risks: { type: 'an array', isType: Array.isArray, problem: none },
  resources: { type: 'an object', isType: isPlainObject, problem: none },
};

export const TASK_FIELD_RULES: Record<TaskScalarField, FieldRule> = {
  title,
  description: text,
  assignee: {
    type: 'a string or null',
    isType: orNull(isString),
    problem: (v) => (v === null || (v as string).trim() !== '' ? null : 'assignee must not be empty (use null to unassign)'),
  },
  estimatedHours: hours,
};

export const TASK_STATUS_RULE: FieldRule = oneOf('status', TASK_STATUSES, false);

function ruleFor(rules: Record<string, FieldRule>, name: string): FieldRule | undefined {
  return Object.prototype.hasOwnProperty.call(rules, name) ? rules[name] : undefined;
}

/** Type problem of every field of `fields` (unknown names included), or [] when well typed. */
export function fieldTypeProblems(rules: Record<string, FieldRule>, fields: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(fields)) {
    const rule = ruleFor(rules, name);
    if (!rule) problems.push(`unknown field ${JSON.stringify(name)} (known: ${Object.keys(rules).join(', ')})`);
    else if (!rule.isType(value)) problems.push(`${name} must be ${rule.type}`);
  }
  return problems;
}

/** Value problems of well-typed fields, or [] when every value is allowed. */
export function fieldValueProblems(rules: Record<string, FieldRule>, fields: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(fields)) {
    const problem = ruleFor(rules, name)?.problem(value);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** The fields `apply` may write: known name, right type, allowed value. */
export function acceptedFields(rules: Record<string, FieldRule>, fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    const rule = ruleFor(rules, name);
    if (rule && rule.isType(value) && rule.problem(value) === null) out[name] = structuredClone(value);
  }
  return out;
}
