/**
 * Finds a task of one milestone by id or unique prefix (for dependencies, which must stay inside
 * their milestone), or by the id it had in the tool it was imported from (`1.2`, `T012`, `BACK-7`,
 * any case) when no task id matches. Deleted tasks do not match.
 */
import type { MilestoneState, TaskState } from '../domain/types';
import { MilestoneError } from '../errors/MilestoneError';

export function matchTask(state: MilestoneState, given: string): TaskState {
  const key = given.trim().toLowerCase();
  let hits = state.tasks.filter((t) => !t.deleted && t.id.startsWith(key));
  if (key !== '' && hits.length === 1) return hits[0];
  if (key !== '' && hits.length === 0) hits = bySourceId(state, key);
  if (key !== '' && hits.length === 1) return hits[0];
  if (key === '' || hits.length === 0) {
    throw new MilestoneError('NOT_FOUND', `milestone ${state.id.slice(0, 8)} has no task matching "${given}"`, {
      hint: `\`git milestone task list ${state.id.slice(0, 8)}\` shows its tasks; dependencies stay inside one milestone.`,
      data: { id: given, milestone: state.id },
    });
  }
  throw new MilestoneError('AMBIGUOUS_ID', `task id "${given}" is ambiguous in milestone ${state.id.slice(0, 8)}`, {
    hint: `The candidates are:\n${hits.map((t) => `  ${t.id.slice(0, 12)} ${JSON.stringify(t.title)}`).join('\n')}`,
    data: { candidates: hits.map((t) => t.id) },
  });
}

/** Live tasks of a milestone whose source id (`extra.source.id` of an import) is `key`, any case. */
export function bySourceId(state: MilestoneState, key: string): TaskState[] {
  return state.tasks.filter((t) => {
    const s = t.extra.source as { id?: unknown } | undefined;
    return !t.deleted && typeof s?.id === 'string' && s.id.toLowerCase() === key;
  });
}
