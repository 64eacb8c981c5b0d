/**
 * A milestone's state → its legacy YAML document, pure (the inverse of mapMilestone/mapTasks).
 * The residue in `extra` is written back as it was; model fields go to the paths they came from;
 * statuses get their original spelling back while they still mean the same; tasks and dependencies
 * are written with legacy ids (`names` gives a milestone's; a task without one gets `task-<short id>`).
 */
import type { MilestoneState, TaskState } from '../domain/types';
import { shortId } from '../domain/values';
import { isObject } from './residue';
import { currentProgress } from './progress';
import { milestoneStatus, taskStatus } from './status';
import type { Json, JsonObject } from './types';
import { putPhases } from './toLegacyPhases';
import { WriteBack } from './writeBack';

export const MILESTONE_ORDER = [
  'id', 'title', 'description', 'status', 'priority', 'category', 'created_at', 'timeline', 'progress', 'success_criteria',
  'deliverables', 'dependencies', 'resources', 'risks', 'kiro_configuration', 'execution', 'blockers', 'requirements', 'tasks',
] as const;
export const TASK_ORDER = [
  'id', 'title', 'description', 'type', 'estimated_hours', 'status', 'assigned_to', 'dependencies', 'started_at', 'completed_at', 'kiro_workflow',
] as const;
const OLD_TIMELINE = ['start_date', 'due_date', 'estimated_completion', 'actual_completion'];

/** The legacy id of a task: the one it was imported with, else `task-<short id>`. */
export function legacyTaskId(task: TaskState): Json {
  const book = task.extra.legacy;
  return isObject(book) && book.id !== undefined ? (book.id as Json) : `task-${shortId(task.id)}`;
}

/** The original spelling while it still normalises to the current status. */
function spelling(book: JsonObject, current: string, normalise: (v: Json) => string | null): string {
  return typeof book.status === 'string' && normalise(book.status) === current ? book.status : current;
}

export function toLegacyDoc(state: MilestoneState, legacyId: string, names: (id: string) => string): JsonObject {
  const w = new WriteBack(state.extra);
  const timeline = w.doc.timeline;
  const old = isObject(timeline) && OLD_TIMELINE.some((k) => k in timeline);
  w.put(['id'], legacyId, !w.native);
  w.put(['title'], state.title, !w.native && state.title === legacyId);
  w.put(['description'], state.description, state.description === '');
  w.put(['status'], spelling(w.book, state.status, milestoneStatus), state.status === 'planned');
  w.put(['priority'], state.priority, false);
  w.put(['category'], state.category, false);
  w.put(['timeline.estimated_start', 'timeline.start_date'], state.startDate, false, old ? 'timeline.start_date' : undefined);
  w.put(['timeline.estimated_end', 'timeline.due_date'], state.dueDate, false, old ? 'timeline.due_date' : undefined);
  w.put(['timeline.estimated_hours'], state.estimatedHours, false);
  w.put(['success_criteria'], state.successCriteria as Json, state.successCriteria.length === 0);
  w.put(['deliverables'], state.deliverables as Json, state.deliverables.length === 0);
  w.put(['risks'], state.risks as Json, state.risks.length === 0);
  w.put(['resources'], state.resources as Json, Object.keys(state.resources).length === 0);
  w.put(['dependencies.requires'], state.dependsOn.map(names), state.dependsOn.length === 0);
  const progress = currentProgress(state, w.doc.progress);
  if (progress !== undefined) w.doc.progress = progress;
  const live = state.tasks.filter((t) => !t.deleted);
  const taskNames = new Map(live.map((t) => [t.id, legacyTaskId(t)]));
  w.put(['tasks'], live.map((t, i) => toLegacyTask(t, taskNames, i)), live.length === 0);
  return w.ordered(MILESTONE_ORDER);
}

/** `index`: the task's place in the list, for the title an import gives a task without one. */
export function toLegacyTask(task: TaskState, names: Map<string, Json>, index: number): Json {
  const w = new WriteBack(task.extra);
  if (w.book.form === 'text') return task.title;
  const id = names.get(task.id) as Json;
  const imported = !w.native;
  w.put(['id'], id, imported);
  w.put(['title'], task.title, imported && task.title === (w.book.id !== undefined ? String(id) : `Task ${index + 1}`));
  w.put(['description'], task.description, task.description === '');
  w.put(['estimated_hours'], task.estimatedHours, false);
  putPhases(w, task); // before the status: a kiro_managed spelling is read from the phases
  w.put(['status'], spelling(w.book, task.status, (v) => taskStatus(v, w.doc.kiro_workflow)), imported && task.status === 'pending');
  w.put(['assigned_to'], task.assignee, false);
  const deps = task.dependsOn.filter((d) => names.has(d)).map((d) => names.get(d) as Json);
  w.put(['dependencies'], deps, deps.length === 0);
  // Times the import itself stamped (the creation time) were not in the legacy file.
  w.put(['started_at'], task.startedAt, imported && task.startedAt === task.created.at);
  w.put(['completed_at'], task.completedAt, imported && task.completedAt === task.created.at);
  return w.ordered(TASK_ORDER);
}
