/**
 * `progress` of a legacy file on export, pure. The file's number was the earlier system's cache of
 * what its tasks gave; an export writes what they give now, in the form the file had (an integer,
 * or {percentage, tasks_completed, total_tasks, last_update}; `last_update` moves only when the
 * numbers do). The import records the progress its tasks gave then (`extra.legacy.progress`):
 * while that is still the progress, nothing has changed and the file's own value goes back
 * verbatim, so an import and export round trip gives the same file.
 */
import { countedTasks, milestoneProgress } from '../domain/progress';
import type { MilestoneState } from '../domain/types';
import { modelStatus, type MappedPhases } from './mapPhases';
import { isObject } from './residue';
import type { Json, JsonObject } from './types';

/**
 * The progress a just-mapped milestone will have once folded: its status and extra (phase weights),
 * and its tasks' status, extra and imported phases (as the reviews leave them) are all progress reads.
 */
type MappedTaskLike = { payload: Record<string, unknown>; extra: JsonObject; phases?: MappedPhases };

export function importedProgress(status: unknown, extra: JsonObject, tasks: MappedTaskLike[]): number {
  const workflow = (m: MappedPhases) => ({
    name: m.workflow.name,
    phases: m.phases.map((p, i) => ({ ...m.workflow.phases[i], status: modelStatus(p.status) })),
  });
  const state = {
    status: status ?? 'planned', extra,
    tasks: tasks.map((t) => ({
      status: t.payload.status ?? 'pending', extra: t.extra, deleted: false, workflow: t.phases ? workflow(t.phases) : null,
    })),
  };
  return milestoneProgress(state as unknown as MilestoneState);
}

export function currentProgress(state: MilestoneState, kept: Json | undefined): Json | undefined {
  const book = isObject(state.extra.legacy) ? state.extra.legacy : null;
  const percentage = milestoneProgress(state);
  if (book && book.progress === percentage) return kept;
  const counted = countedTasks(state);
  const numbers: JsonObject = {
    percentage, tasks_completed: counted.filter((t) => t.status === 'completed').length, total_tasks: counted.length,
  };
  if (typeof kept === 'number') return percentage;
  if (isObject(kept)) {
    const out: JsonObject = { ...kept };
    let moved = false;
    for (const [k, v] of Object.entries(numbers)) {
      if (k !== 'percentage' && !(k in kept)) continue;
      moved ||= kept[k] !== v;
      out[k] = v;
    }
    if (moved && 'last_update' in kept) out.last_update = state.updated.at;
    return out;
  }
  // A milestone created in git-milestone gets the object form; an imported one without the field, none.
  if (kept !== undefined || book) return kept;
  return { ...numbers, last_update: state.updated.at };
}
