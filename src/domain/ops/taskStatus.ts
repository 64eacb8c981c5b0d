/**
 * `task.status` {task, status}: moves a task to pending, in_progress, blocked, completed or
 * cancelled (any transition is allowed; setting the current status again is a harmless no-op).
 * apply keeps the two timestamps:
 *  - startedAt: the op's time the first time the task becomes in_progress; kept afterwards.
 *  - completedAt: the op's time when the task becomes completed (kept while it stays completed);
 *    cleared when it leaves completed.
 */
import { TASK_STATUS_RULE } from '../fields';
import type { MilestoneState, Operation, TaskStatus } from '../types';
import type { OpHandler } from './OpHandler';
import { badInput, checkEnvelope, malformed, rejectUnknownKeys, requireString } from './payload';
import { changeTask, ignore, onLive, requireLiveMilestone, requireLiveTask } from './state';

const TYPE = 'task.status';

function check(op: Operation): void {
  checkEnvelope(op, TYPE);
  requireString(op, 'task');
  if (!TASK_STATUS_RULE.isType(op.status)) malformed(op, 'status must be a string');
}

function validate(state: MilestoneState | null, op: Operation): void {
  check(op);
  rejectUnknownKeys(op, ['task', 'status']);
  const live = requireLiveMilestone(state, op);
  requireLiveTask(live, op.task as string, op);
  const problem = TASK_STATUS_RULE.problem(op.status);
  if (problem) badInput(problem);
}

function apply(state: MilestoneState | null, op: Operation): MilestoneState {
  return onLive(state, op, (live) => {
    if (TASK_STATUS_RULE.problem(op.status) !== null) return ignore(live, op);
    const status = op.status as TaskStatus;
    return changeTask(live, op, op.task as string, (task) => ({
      status,
      startedAt: task.startedAt ?? (status === 'in_progress' ? op.time : null),
      completedAt: status !== 'completed' ? null : task.status === 'completed' && task.completedAt ? task.completedAt : op.time,
    }));
  });
}

export const taskStatus: OpHandler = { type: TYPE, check, validate, apply };
