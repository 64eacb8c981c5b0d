/**
 * Conflicts: registers that hold more than one value after a merge (registers.ts). Each conflict
 * names the field (`title`, `extra.<key>`, or a task's field together with the task id). It lists
 * every concurrent value with its author and time, in fold order: the last value is the one shown.
 * An ordinary edit of the field resolves it. Removed tasks and deleted milestones report none.
 */
import { MILESTONE_SCALAR_FIELDS } from './types';
import type { Author, HeadMap, MilestoneState, RegisterHead } from './types';
import { compareStrings, getEntry } from './values';

export interface ConflictValue {
  value: unknown;
  by: Author;
  at: string;
  /** Hash of the operation that wrote the value. */
  op: string;
}

export interface FieldConflict {
  field: string;
  /** Set when the field is a task's. */
  task?: string;
  values: ConflictValue[];
}

const MILESTONE_ORDER: readonly string[] = [...MILESTONE_SCALAR_FIELDS, 'archived'];
const TASK_ORDER: readonly string[] = ['title', 'description', 'status', 'assignee', 'estimatedHours'];

function order(known: readonly string[]): (a: string, b: string) => number {
  const rank = (f: string): number => (known.includes(f) ? known.indexOf(f) : known.length);
  return (a, b) => rank(a) - rank(b) || compareStrings(a, b);
}

function listed(map: HeadMap | undefined, known: readonly string[], visible: (field: string) => unknown): Array<[string, ConflictValue[]]> {
  return Object.keys(map ?? {})
    .filter((f) => (getEntry(map, f) ?? []).length > 1)
    .sort(order(known))
    .map((f) => {
      const heads = getEntry(map, f) as RegisterHead[];
      const last = heads.length - 1;
      return [f, heads.map((h, i) => ({ value: i === last ? visible(f) : h.value ?? null, by: h.by, at: h.at, op: h.op }))];
    });
}

/** Every conflict of a milestone: its own fields, then `extra` keys, then tasks in creation order. */
export function conflictsOf(state: MilestoneState): FieldConflict[] {
  if (state.deleted || !state.heads) return [];
  const own = state as unknown as Record<string, unknown>;
  const out: FieldConflict[] = listed(state.heads.milestone, MILESTONE_ORDER, (f) => own[f]).map(([field, values]) => ({ field, values }));
  for (const [key, values] of listed(state.heads.extra, [], (k) => getEntry(state.extra, k) ?? null)) out.push({ field: `extra.${key}`, values });
  for (const task of state.tasks) {
    if (task.deleted) continue;
    const fields = task as unknown as Record<string, unknown>;
    for (const [field, values] of listed(getEntry(state.heads.tasks, task.id), TASK_ORDER, (f) => fields[f])) {
      out.push({ field, task: task.id, values });
    }
  }
  return out;
}

/** Whether a field (of the milestone, or of a task when `task` is given) holds a conflict. */
export function hasConflict(state: MilestoneState, field: string, task?: string): boolean {
  const map = task === undefined ? state.heads?.milestone : getEntry(state.heads?.tasks, task);
  return (getEntry(map, field) ?? []).length > 1;
}
