/**
 * `task.set` {task, fields}: writes scalar fields of a task (title, description, assignee,
 * estimatedHours); each is a causal register (registers.ts). Status has its own operation (task.status)
 * because it also moves startedAt / completedAt. Refused on an unknown (NOT_FOUND) or removed
 * task; in a fold it takes no effect on those.
 */
import { acceptedFields, fieldTypeProblems, fieldValueProblems, TASK_FIELD_RULES } from '../fields';
import { writeFields } from '../registers';
import type { FoldOptions, MilestoneState, Operation, TaskScalarField, TaskState } from '../types';
import { draft, type Draft, type OpHandler } from './OpHandler';
import { badInput, checkEnvelope, checkPrev, malformed, objectMember, rejectUnknownKeys, requireString } from './payload';
import { changeTask, findTask, ignore, onLive, requireLiveMilestone, requireLiveTask } from './state';

const TYPE = 'task.set';

/** The payload of `task.set` (the envelope and `prev` are stamped by the engine). */
export type TaskSetPayload = { task: string; fields: Partial<Record<TaskScalarField, unknown>> };

export function taskSetOp(p: TaskSetPayload): Draft<typeof TYPE, TaskSetPayload> {
  return draft(TYPE, p);
}

function check(op: Operation): void {
  checkEnvelope(op, TYPE);
  requireString(op, 'task');
  const fields = objectMember(op, 'fields', true);
  if (Object.keys(fields).length === 0) malformed(op, 'fields must name at least one field');
  if ('status' in fields) malformed(op, 'status is set with task.status, not task.set');
  const problems = fieldTypeProblems(TASK_FIELD_RULES, fields);
  if (problems.length > 0) malformed(op, problems.join('; '));
  checkPrev(op);
}

function validate(state: MilestoneState | null, op: Operation): void {
  check(op);
  rejectUnknownKeys(op, ['task', 'fields', 'prev']);
  const live = requireLiveMilestone(state, op);
  requireLiveTask(live, op.task as string, op);
  const problems = fieldValueProblems(TASK_FIELD_RULES, objectMember(op, 'fields', true));
  if (problems.length > 0) badInput(problems.join('; '));
}

function apply(state: MilestoneState | null, op: Operation, hash: string, options: FoldOptions = {}): MilestoneState {
  return onLive(state, op, (live) => {
    const fields = acceptedFields(TASK_FIELD_RULES, objectMember(op, 'fields', true));
    const task = findTask(live, op.task as string);
    if (Object.keys(fields).length === 0 || !task || task.deleted) return ignore(live, op);
    const current = task as unknown as Record<string, unknown>;
    const w = writeFields(live, { kind: 'task', task: task.id }, fields, (f) => current[f], { op, hash, policy: options.policy });
    const next = changeTask(live, op, task.id, () => Object.fromEntries(w.values) as Partial<TaskState>);
    return { ...next, heads: w.heads };
  });
}

export const taskSet: OpHandler = { type: TYPE, level: 1, check, validate, apply };
