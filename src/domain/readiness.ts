/**
 * What can be worked on next. Only pending tasks are candidates: a pending task is ready when each
 * of its dependencies is completed or cancelled; dependencies on removed (or unknown) tasks are
 * ignored. A pending task that is not ready is waiting, with one reason per open dependency, e.g.
 * `waits for 1a2b3c4d "Write parser" (in_progress)`, plus `in a dependency cycle` when it lies on a
 * cycle of open tasks (possible after a merge). In-progress and blocked tasks are returned on their
 * own. Every list is in creation order. A deleted milestone has nothing to do.
 */
import { nodesOnCycles } from './graph';
import type { MilestoneState, TaskState } from './types';
import { shortId } from './values';

export interface WaitingTask {
  task: TaskState;
  reasons: string[];
}

export interface NextTasks {
  ready: TaskState[];
  waiting: WaitingTask[];
  inProgress: TaskState[];
  blocked: TaskState[];
}

export const CYCLE_REASON = 'in a dependency cycle';

/** A task that no longer holds anyone up. */
export function isDone(task: TaskState): boolean {
  return task.status === 'completed' || task.status === 'cancelled';
}

export function waitReason(dep: TaskState): string {
  return `waits for ${shortId(dep.id)} ${JSON.stringify(dep.title)} (${dep.status})`;
}

export function nextTasks(state: MilestoneState): NextTasks {
  const result: NextTasks = { ready: [], waiting: [], inProgress: [], blocked: [] };
  if (state.deleted) return result;
  const live = new Map<string, TaskState>();
  for (const t of state.tasks) if (!t.deleted) live.set(t.id, t);

  // Open dependencies of every live task: the edges that still hold work up.
  const open = new Map<string, TaskState[]>();
  for (const t of live.values()) {
    const deps = t.dependsOn.map((id) => live.get(id)).filter((d): d is TaskState => d !== undefined && !isDone(d));
    open.set(t.id, deps);
  }
  const edges = new Map([...open].filter(([id]) => !isDone(live.get(id) as TaskState)).map(([id, deps]) => [id, deps.map((d) => d.id)]));
  const cyclic = nodesOnCycles(edges);

  for (const task of live.values()) {
    if (task.status === 'in_progress') result.inProgress.push(task);
    else if (task.status === 'blocked') result.blocked.push(task);
    if (task.status !== 'pending') continue;
    const reasons = (open.get(task.id) ?? []).map(waitReason);
    if (cyclic.has(task.id)) reasons.push(CYCLE_REASON);
    if (reasons.length === 0) result.ready.push(task);
    else result.waiting.push({ task, reasons });
  }
  return result;
}
