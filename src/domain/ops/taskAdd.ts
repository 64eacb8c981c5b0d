/**
 * `task.add` {title, nonce, description?, dependsOn?, assignee?, estimatedHours?, status?, extra?,
 * startedAt?, completedAt?}: adds a task to a live milestone; the operation's hash is the task id.
 * `dependsOn` must name live tasks of the same milestone (a new task cannot close a cycle: nothing
 * depends on it yet). Created `in_progress` or `completed`, the task gets startedAt / completedAt =
 * the op's time, unless the operation carries them (an import keeps the recorded times; completedAt
 * only counts for a completed task).
 */
import { acceptedFields, fieldTypeProblems, fieldValueProblems, TASK_FIELD_RULES, TASK_STATUS_RULE } from '../fields';
import type { MilestoneState, Operation, TaskState, TaskStatus } from '../types';
import { copyJson, isDateValue, unique } from '../values';
import { draft, type Draft, type OpHandler } from './OpHandler';
import {
  badInput, checkEnvelope, malformed, objectMember, rejectUnknownKeys, requireNonce, requireString, stringList,
} from './payload';
import { findTask, ignore, onLive, requireLiveMilestone, requireLiveTaskIds, stampOf, touch } from './state';

const TYPE = 'task.add';

/** The payload of `task.add` (the envelope and `prev` are stamped by the engine). */
export type TaskAddPayload = {
  title: string;
  /** Keeps two tasks of equal content distinct (the task id is the hash of this operation). */
  nonce: string;
  description?: string;
  dependsOn?: string[];
  assignee?: string | null;
  estimatedHours?: number | null;
  status?: TaskStatus;
  extra?: Record<string, unknown>;
  /** Recorded times an import keeps (YYYY-MM-DD or ISO 8601). */
  startedAt?: string;
  completedAt?: string;
};

export function taskAddOp(p: TaskAddPayload): Draft<typeof TYPE, TaskAddPayload> {
  return draft(TYPE, p);
}
const SCALARS = ['title', 'description', 'assignee', 'estimatedHours'] as const;
const KEYS = [...SCALARS, 'nonce', 'dependsOn', 'status', 'extra', 'startedAt', 'completedAt'];
const TIMES = ['startedAt', 'completedAt'] as const;

function scalars(op: Operation): Record<string, unknown> {
  return Object.fromEntries(SCALARS.filter((k) => op[k] !== undefined).map((k) => [k, op[k]]));
}

function check(op: Operation): void {
  checkEnvelope(op, TYPE);
  requireString(op, 'title');
  requireNonce(op);
  const problems = fieldTypeProblems(TASK_FIELD_RULES, scalars(op));
  if (op.status !== undefined && !TASK_STATUS_RULE.isType(op.status)) problems.push('status must be a string');
  for (const k of TIMES) if (op[k] !== undefined && typeof op[k] !== 'string') problems.push(`${k} must be a string`);
  if (problems.length > 0) malformed(op, problems.join('; '));
  stringList(op, 'dependsOn', false);
  objectMember(op, 'extra', false);
}

/** A recorded time the operation carries, when it is a date or date-time. */
function givenTime(op: Operation, key: (typeof TIMES)[number]): string | null {
  return isDateValue(op[key]) ? (op[key] as string) : null;
}

function validate(state: MilestoneState | null, op: Operation): void {
  check(op);
  rejectUnknownKeys(op, KEYS);
  const live = requireLiveMilestone(state, op);
  const problems = fieldValueProblems(TASK_FIELD_RULES, scalars(op));
  const statusProblem = op.status === undefined ? null : TASK_STATUS_RULE.problem(op.status);
  if (statusProblem) problems.push(statusProblem);
  for (const k of TIMES) if (op[k] !== undefined && givenTime(op, k) === null) problems.push(`${k} must be YYYY-MM-DD or an ISO 8601 date-time`);
  if (problems.length > 0) badInput(problems.join('; '));
  const deps = stringList(op, 'dependsOn', false);
  if (unique(deps).length !== deps.length) badInput('dependsOn names a task twice');
  requireLiveTaskIds(live, deps);
}

function apply(state: MilestoneState | null, op: Operation, hash: string): MilestoneState {
  return onLive(state, op, (live) => {
    if (findTask(live, hash)) return ignore(live, op);
    const stamp = stampOf(op);
    const status: TaskStatus =
      typeof op.status === 'string' && TASK_STATUS_RULE.problem(op.status) === null ? (op.status as TaskStatus) : 'pending';
    const task: TaskState = {
      id: hash,
      title: op.title as string,
      description: '',
      status,
      assignee: null,
      estimatedHours: null,
      dependsOn: unique(stringList(op, 'dependsOn', false)).filter((id) => id !== hash),
      startedAt: givenTime(op, 'startedAt') ?? (status === 'in_progress' ? op.time : null),
      completedAt: status === 'completed' ? givenTime(op, 'completedAt') ?? op.time : null,
      created: stamp,
      updated: stampOf(op),
      deleted: false,
      extra: copyJson(objectMember(op, 'extra', false)),
      ...(acceptedFields(TASK_FIELD_RULES, scalars(op)) as Partial<TaskState>),
    };
    return touch(live, op, { tasks: [...live.tasks, task] });
  });
}

export const taskAdd: OpHandler = { type: TYPE, level: 1, check, validate, apply };
