/**
 * Legacy tasks → task.add payloads, pure. Mapped: title, description, estimated_hours, status,
 * assigned_to, started_at, completed_at (of a completed task) and dependencies (when every entry
 * names another task of the same milestone and adding them closes no cycle; else the list stays
 * verbatim in extra). The legacy id, an original status spelling and the mapped paths go to
 * `extra.legacy`; every other field (type, kiro_workflow with its phases, unknown ones) stays in
 * `extra` verbatim. A task written as a bare string becomes a task with that title.
 */
import { findCycle } from '../domain/graph';
import type { TaskAddPayload } from '../domain/ops/constructors';
import { isDateValue } from '../domain/values';
import { mapPhases, type MappedPhases, type PhaseContext } from './mapPhases';
import { isObject, LEGACY_KEY, Residue } from './residue';
import { taskStatus } from './status';
import type { Json, JsonObject } from './types';

/** The task.add members a legacy task maps to (each checked by its taker before it is put). */
type TaskPayload = Partial<
  Pick<TaskAddPayload, 'description' | 'estimatedHours' | 'assignee' | 'status' | 'startedAt' | 'completedAt'>
>;

export interface MappedTask {
  title: string;
  /** task.add members other than title, nonce and dependsOn. */
  payload: TaskPayload;
  extra: JsonObject;
  /** Indices (in the task list) of the tasks this one depends on, in the legacy order. */
  deps: number[];
  /** Its `kiro_workflow` phases, imported as phase and review operations (mapPhases.ts). */
  phases?: MappedPhases;
}

const text = (v: Json): boolean => typeof v === 'string';
const nonEmpty = (v: Json): boolean => typeof v === 'string' && v.trim() !== '';
const hours = (v: Json): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const idLike = (v: Json): boolean => (typeof v === 'string' && v !== '') || typeof v === 'number';

interface Draft {
  r: Residue | null;
  task: MappedTask;
  /** Bookkeeping for extra.legacy: the legacy id, an original status spelling, a task's form. */
  book: JsonObject;
}

/** null when the list cannot be mapped (not a list, or an entry neither a mapping nor a string). */
export function mapTasks(
  list: Json, warn: (message: string) => void, milestone: Omit<PhaseContext, 'legacyTaskId'> = { configuration: undefined, approvals: undefined },
): MappedTask[] | null {
  if (!Array.isArray(list) || !list.every((t) => isObject(t) || typeof t === 'string')) return null;
  const drafts = list.map((item, i) => (typeof item === 'string' ? textTask(item, i) : mapTask(item as JsonObject, i, warn)));
  mapDependencies(drafts, warn);
  for (const { r, task, book } of drafts) {
    const phases = r && mapPhases(r, { ...milestone, legacyTaskId: book.id === undefined ? undefined : String(book.id) }, warn);
    if (!phases) continue;
    task.phases = phases;
    // The statuses as imported: an export writes approved_at/approved_by only for approvals made since.
    book.phases = Object.fromEntries(phases.phases.map((p) => [p.name, p.status]));
  }
  return drafts.map(({ r, task, book }) => {
    if (r) task.extra = { ...r.rest, [LEGACY_KEY]: { ...book, mapped: r.mapped, ...(r.ownLegacy !== undefined ? { ownLegacy: r.ownLegacy } : {}) } };
    return task;
  });
}

function textTask(item: string, i: number): Draft {
  const task = { title: item.trim() === '' ? `Task ${i + 1}` : item, payload: {}, extra: { [LEGACY_KEY]: { form: 'text' } }, deps: [] };
  return { r: null, task, book: {} };
}

function mapTask(item: JsonObject, i: number, warn: (message: string) => void): Draft {
  const r = new Residue(item);
  const book: JsonObject = {};
  const id = r.take('id', idLike);
  if (id !== undefined) book.id = id;
  const title = (r.take('title', nonEmpty) as string | undefined) ?? (id !== undefined ? String(id) : `Task ${i + 1}`);
  const payload: TaskPayload = {};
  const put = <K extends keyof TaskPayload>(key: K, v: Json | undefined): void => {
    if (v !== undefined) payload[key] = v as TaskPayload[K];
  };
  put('description', r.take('description', text));
  put('estimatedHours', r.take('estimated_hours', hours));
  put('assignee', r.take('assigned_to', nonEmpty));
  const original = r.peek('status');
  const status = original === undefined ? null : taskStatus(original, r.peek('kiro_workflow'));
  if (status !== null) {
    r.take('status', () => true);
    payload.status = status;
    if (original !== status) book.status = original as string;
  } else if (original !== undefined) {
    warn(`task ${JSON.stringify(id ?? i + 1)}: status ${JSON.stringify(original)} is unknown; kept as written, the task is pending`);
  }
  put('startedAt', r.take('started_at', isDateValue));
  if (status === 'completed') put('completedAt', r.take('completed_at', isDateValue));
  return { r, task: { title, payload, extra: {}, deps: [] }, book };
}

/** Maps each task's `dependencies` onto task indices, refusing unknown ids, duplicates and cycles. */
function mapDependencies(drafts: Draft[], warn: (message: string) => void): void {
  const index = new Map<string, number>();
  const repeats = new Map<string, number[]>();
  drafts.forEach((d, i) => {
    if (d.book.id === undefined) return;
    const id = String(d.book.id);
    const first = index.get(id);
    if (first === undefined) index.set(id, i);
    else repeats.set(id, [...(repeats.get(id) ?? [first]), i]);
  });
  for (const [id, at] of repeats) {
    warn(`task id ${JSON.stringify(id)} is used by ${at.length} tasks (entries ${at.map((i) => i + 1).join(', ')} of tasks); `
      + 'each is imported, a dependency on that id links to the first');
  }
  const edges = new Map<string, string[]>();
  drafts.forEach(({ r, task, book }, i) => {
    const raw = r?.peek('dependencies');
    if (!r || raw === undefined) return;
    const result = resolveDeps(raw, index, i, edges);
    if ('deps' in result) {
      r.take('dependencies', () => true);
      task.deps = result.deps;
    } else warn(`task ${JSON.stringify(book.id ?? i + 1)}: the dependency list ${result.why}; kept as written, not linked`);
  });
}

function resolveDeps(raw: Json, index: Map<string, number>, self: number, edges: Map<string, string[]>): { deps: number[] } | { why: string } {
  if (!Array.isArray(raw) || !raw.every(idLike)) return { why: 'is not a list of task ids' };
  const deps = raw.map((d) => index.get(String(d)));
  const unknown = raw.filter((_, k) => deps[k] === undefined || deps[k] === self);
  if (unknown.length > 0) return { why: `names ${unknown.map((d) => JSON.stringify(d)).join(', ')}, not another task of this milestone` };
  if (new Set(deps).size !== deps.length) return { why: 'names a task twice' };
  edges.set(String(self), deps.map(String));
  if (!findCycle(edges, String(self))) return { deps: deps as number[] };
  edges.delete(String(self));
  return { why: 'would close a dependency cycle' };
}
