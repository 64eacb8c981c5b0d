/**
 * `task.depend` {task, add?, remove?}: edits which tasks of the same milestone a task waits for.
 * validate refuses an unknown or removed task on either end (NOT_FOUND), a task depending on
 * itself and any edge that would close a cycle (DEPENDENCY_CYCLE, message
 * `dependency cycle: 1a2b3c4d → 5e6f7a8b → 1a2b3c4d`, full ids in `data.cycle`, titles in
 * `data.titles`). apply is total: merged histories may hold a cycle; the edges are kept and
 * readiness reports the tasks on it. The dependencies are an add-wins set (addWinsSet.ts): a
 * remove takes away only the adds its writer saw.
 */
import { MilestoneError } from '../../errors/MilestoneError';
import { findCycle } from '../graph';
import { applySetChange } from '../addWinsSet';
import type { MilestoneState, Operation } from '../types';
import { getEntry, shortId, unique, withEntry } from '../values';
import { draft, type Draft, type OpHandler } from './OpHandler';
import { checkEnvelope, checkPrev, refuseOverlap, rejectUnknownKeys, requireSomeChange, requireString, stringList } from './payload';
import { changeTask, findTask, liveTasks, onLive, requireLiveMilestone, requireLiveTask, requireLiveTaskIds } from './state';

const TYPE = 'task.depend';

/** The payload of `task.depend` (the envelope and `prev` are stamped by the engine). */
export type TaskDependPayload = { task: string; add?: string[]; remove?: string[] };

export function taskDependOp(p: TaskDependPayload): Draft<typeof TYPE, TaskDependPayload> {
  return draft(TYPE, p);
}

function check(op: Operation): void {
  checkEnvelope(op, TYPE);
  requireString(op, 'task');
  requireSomeChange(op, stringList(op, 'add', false), stringList(op, 'remove', false));
  checkPrev(op);
}

function nextDeps(current: string[], op: Operation, self: string): string[] {
  const remove = new Set(stringList(op, 'remove', false));
  const add = stringList(op, 'add', false).filter((id) => id !== self);
  return unique([...current.filter((id) => !remove.has(id)), ...add]);
}

/** The DEPENDENCY_CYCLE error for a closed path of task ids. */
export function cycleError(state: MilestoneState, cycle: string[]): MilestoneError {
  const titles = cycle.map((id) => findTask(state, id)?.title ?? '');
  return new MilestoneError('DEPENDENCY_CYCLE', `dependency cycle: ${cycle.map(shortId).join(' → ')}`, {
    hint: 'Remove one of the dependencies on this path first, or leave this one out.',
    data: { cycle, titles },
  });
}

function validate(state: MilestoneState | null, op: Operation): void {
  check(op);
  rejectUnknownKeys(op, ['task', 'add', 'remove', 'prev']);
  const live = requireLiveMilestone(state, op);
  const task = requireLiveTask(live, op.task as string, op);
  const add = stringList(op, 'add', false);
  const remove = stringList(op, 'remove', false);
  refuseOverlap(add, remove, 'dependency');
  if (add.includes(task.id)) throw cycleError(live, [task.id, task.id]);
  requireLiveTaskIds(live, add);
  requireLiveTaskIds(live, remove.filter((id) => !task.dependsOn.includes(id)));
  const alive = new Set(liveTasks(live).map((t) => t.id));
  const edges = new Map<string, string[]>();
  for (const t of liveTasks(live)) {
    const deps = t.id === task.id ? nextDeps(t.dependsOn, op, t.id) : t.dependsOn;
    edges.set(t.id, deps.filter((id) => alive.has(id)));
  }
  const cycle = findCycle(edges, task.id);
  if (cycle) throw cycleError(live, cycle);
}

function apply(state: MilestoneState | null, op: Operation, hash: string): MilestoneState {
  return onLive(state, op, (live) => {
    const task = findTask(live, op.task as string);
    if (!task || task.deleted) return changeTask(live, op, op.task as string, () => ({}));
    const next = applySetChange({
      members: task.dependsOn, tags: getEntry(live.tags?.tasks, task.id), add: stringList(op, 'add', false),
      remove: stringList(op, 'remove', false), op, hash, accept: (id) => id !== task.id, sorted: false,
    });
    const changed = changeTask(live, op, task.id, () => ({ dependsOn: next.members }));
    return { ...changed, tags: { ...live.tags, tasks: withEntry(live.tags?.tasks, task.id, next.tags) } };
  });
}

export const taskDepend: OpHandler = { type: TYPE, level: 1, check, validate, apply };
