/**
 * `task.status` {task, status}: moves a task to pending, in_progress, blocked, completed or
 * cancelled (any transition is allowed; setting the current status again is a harmless no-op).
 * apply keeps the two timestamps:
 *  - startedAt: the op's time the first time the task becomes in_progress; kept afterwards.
 *  - completedAt: the op's time when the task becomes completed (kept while it stays completed);
 *    cleared when it leaves completed.
 * The status is a causal register (registers.ts); the timestamps move only when the written status
 * is the one that stays visible.
 */
import { TASK_STATUS_RULE } from '../fields';
import { writeFields } from '../registers';
import type { FoldOptions, MilestoneState, Operation, TaskStatus } from '../types';
import { draft, type Draft, type OpHandler } from './OpHandler';
import { badInput, checkEnvelope, checkPrev, malformed, rejectUnknownKeys, requireString } from './payload';
import { changeTask, findTask, ignore, onLive, requireLiveMilestone, requireLiveTask } from './state';

const TYPE = 'task.status';

/** The payload of `task.status` (the envelope and `prev` are stamped by the engine). */
export type TaskStatusPayload = { task: string; status: TaskStatus };

export function taskStatusOp(p: TaskStatusPayload): Draft<typeof TYPE, TaskStatusPayload> {
  return draft(TYPE, p);
}

function check(op: Operation): void {
  checkEnvelope(op, TYPE);
  requireString(op, 'task');
  if (!TASK_STATUS_RULE.isType(op.status)) malformed(op, 'status must be a string');
  checkPrev(op);
}

function validate(state: MilestoneState | null, op: Operation): void {
  check(op);
  rejectUnknownKeys(op, ['task', 'status', 'prev']);
  const live = requireLiveMilestone(state, op);
  requireLiveTask(live, op.task as string, op);
  const problem = TASK_STATUS_RULE.problem(op.status);
  if (problem) badInput(problem);
}

function apply(state: MilestoneState | null, op: Operation, hash: string, options: FoldOptions = {}): MilestoneState {
  return onLive(state, op, (live) => {
    const task = findTask(live, op.task as string);
    if (TASK_STATUS_RULE.problem(op.status) !== null || !task || task.deleted) return ignore(live, op);
    const status = op.status as TaskStatus;
    const w = writeFields(live, { kind: 'task', task: task.id }, { status }, () => task.status, { op, hash, policy: options.policy });
    const next = changeTask(live, op, task.id, (t) => (w.won ? {
      status,
      startedAt: t.startedAt ?? (status === 'in_progress' ? op.time : null),
      completedAt: status !== 'completed' ? null : t.status === 'completed' && t.completedAt ? t.completedAt : op.time,
    } : {}));
    return { ...next, heads: w.heads };
  });
}

export const taskStatus: OpHandler = { type: TYPE, level: 1, check, validate, apply };
