/**
 * State helpers shared by the operation handlers: stamps, the bookkeeping every `apply` does
 * (`updated` stamp, Lamport clock, operation count), tombstone handling and task lookup.
 *
 * States are never mutated: every helper returns a new object and copies only what changes, so a
 * fold costs O(changed) per operation and old snapshots stay valid.
 *
 * Tombstones: an operation that meets a deleted milestone (or a task operation that meets a
 * removed or unknown task) takes no effect in a fold; only the clock and the operation count move,
 * because the operation was still folded in. At write time `validate` refuses such operations.
 */
import { MilestoneError } from '../../errors/MilestoneError';
import type { MilestoneState, Operation, Stamp, TaskState } from '../types';
import { shortId } from '../values';
import { refused } from './payload';

export function stampOf(op: Operation): Stamp {
  return { at: op.time, by: { name: op.author.name, email: op.author.email } };
}

/** The operation was folded in but changed nothing: advance the clock and the count only. */
export function ignore(state: MilestoneState, op: Operation): MilestoneState {
  return { ...state, clock: Math.max(state.clock, op.lamport), opCount: state.opCount + 1 };
}

/** The operation took effect: merge `changes` and stamp the state. */
export function touch(state: MilestoneState, op: Operation, changes: Partial<MilestoneState>): MilestoneState {
  return { ...ignore(state, op), ...changes, updated: stampOf(op) };
}

/** Runs `effect` on a live milestone; a deleted one (tombstone wins) only records the op. */
export function onLive(
  state: MilestoneState | null,
  op: Operation,
  effect: (live: MilestoneState) => MilestoneState,
): MilestoneState {
  if (state === null) {
    throw new MilestoneError('INVALID_OPERATION', `${op.type} needs a milestone: the first operation must be milestone.create`);
  }
  return state.deleted ? ignore(state, op) : effect(state);
}

export function findTask(state: MilestoneState, id: string): TaskState | undefined {
  return state.tasks.find((t) => t.id === id);
}

/** Live tasks (not removed), in creation order. */
export function liveTasks(state: MilestoneState): TaskState[] {
  return state.tasks.filter((t) => !t.deleted);
}

/** Replaces one live task through `change` and stamps both the task and the milestone. */
export function changeTask(
  state: MilestoneState,
  op: Operation,
  id: string,
  change: (task: TaskState) => Partial<TaskState>,
): MilestoneState {
  const task = findTask(state, id);
  if (!task || task.deleted) return ignore(state, op);
  const next: TaskState = { ...task, ...change(task), updated: stampOf(op) };
  return touch(state, op, { tasks: state.tasks.map((t) => (t.id === id ? next : t)) });
}

/** validate: there is a milestone and it is not deleted. */
export function requireLiveMilestone(state: MilestoneState | null, op: Operation): MilestoneState {
  if (state === null) {
    refused(`${op.type} needs an existing milestone`, 'Create the milestone first (milestone.create).');
  }
  if (state.deleted) {
    refused(`milestone ${shortId(state.id)} is deleted; ${op.type} is not allowed`, undefined, { milestone: state.id });
  }
  return state;
}

/** validate: the task exists (NOT_FOUND) and is not removed (INVALID_OPERATION). */
export function requireLiveTask(state: MilestoneState, id: string, op: Operation): TaskState {
  const task = findTask(state, id);
  if (!task) {
    throw new MilestoneError('NOT_FOUND', `no task ${shortId(id)} in milestone ${shortId(state.id)}`, {
      hint: 'List the tasks with `git milestone show <milestone>`.',
      data: { task: id, milestone: state.id },
    });
  }
  if (task.deleted) {
    refused(`task ${shortId(id)} ${JSON.stringify(task.title)} was removed; ${op.type} is not allowed`, undefined, { task: id });
  }
  return task;
}

/** validate: every id names a live task of this milestone; a removed one counts as not found. */
export function requireLiveTaskIds(state: MilestoneState, ids: string[]): void {
  for (const id of ids) {
    const task = findTask(state, id);
    if (!task || task.deleted) {
      throw new MilestoneError('NOT_FOUND', `no task ${shortId(id)} in milestone ${shortId(state.id)}${task ? ' (it was removed)' : ''}`, {
        hint: 'A dependency must name a live task of the same milestone.',
        data: { task: id, milestone: state.id },
      });
    }
  }
}
