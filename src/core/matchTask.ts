/**
 * Finds a task of one milestone by id or unique prefix (for dependencies, which must stay inside
 * their milestone). Deleted tasks do not match.
 */
import type { MilestoneState, TaskState } from '../domain/types';
import { MilestoneError } from '../errors/MilestoneError';

export function matchTask(state: MilestoneState, given: string): TaskState {
  const key = given.trim().toLowerCase();
  const hits = state.tasks.filter((t) => !t.deleted && t.id.startsWith(key));
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
