/**
 * `task.remove` {task}: the task's tombstone (deleted = true). The task stays in the state so the
 * log still makes sense, but views, progress and readiness leave it out, dependencies on it are
 * ignored, validate refuses later operations on it and a fold ignores them.
 */
import type { MilestoneState, Operation } from '../types';
import { draft, type Draft, type OpHandler } from './OpHandler';
import { checkEnvelope, rejectUnknownKeys, requireString } from './payload';
import { changeTask, onLive, requireLiveMilestone, requireLiveTask } from './state';

const TYPE = 'task.remove';

/** The payload of `task.remove` (the envelope and `prev` are stamped by the engine). */
export type TaskRemovePayload = { task: string };

export function taskRemoveOp(p: TaskRemovePayload): Draft<typeof TYPE, TaskRemovePayload> {
  return draft(TYPE, p);
}

function check(op: Operation): void {
  checkEnvelope(op, TYPE);
  requireString(op, 'task');
}

function validate(state: MilestoneState | null, op: Operation): void {
  check(op);
  rejectUnknownKeys(op, ['task']);
  const live = requireLiveMilestone(state, op);
  requireLiveTask(live, op.task as string, op);
}

function apply(state: MilestoneState | null, op: Operation): MilestoneState {
  return onLive(state, op, (live) => changeTask(live, op, op.task as string, () => ({ deleted: true })));
}

export const taskRemove: OpHandler = { type: TYPE, level: 1, check, validate, apply };
