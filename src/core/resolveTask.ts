/**
 * Resolves a task id or unique prefix to the task and the milestone holding it. Task ids are
 * hashes, unique across every milestone of the repository.
 */
import type { MilestoneState, TaskState } from '../domain/types';
import { MilestoneError } from '../errors/MilestoneError';
import type { TaskLocation } from '../index/MilestoneIndex';
import type { Context } from './context';

export async function resolveTask(ctx: Context, given: string): Promise<TaskLocation> {
  const key = given.trim().toLowerCase();
  if (!/^[0-9a-f]+$/.test(key)) {
    throw new MilestoneError('NOT_FOUND', `no task matches "${given}" (task ids are hexadecimal)`, {
      hint: '`git milestone task list` shows the task ids.',
      data: { id: given },
    });
  }
  const hits = await ctx.index.findTasks(key);
  if (hits.length === 1) return hits[0];
  if (hits.length === 0) {
    throw new MilestoneError('NOT_FOUND', `no task matches "${given}"`, {
      hint: '`git milestone task list` shows the task ids (a unique prefix is enough).',
      data: { id: given },
    });
  }
  throw new MilestoneError('AMBIGUOUS_ID', `task id "${given}" is ambiguous (${hits.length} match)`, {
    hint: `Use more characters. The candidates are:\n${hits.slice(0, 20).map((h) => `  ${h.taskId.slice(0, 12)}`).join('\n')}`,
    data: { candidates: hits.map((h) => h.taskId) },
  });
}

/** The live task `id` of a milestone's state (NOT_FOUND once removed). */
export function liveTask(s: MilestoneState, id: string): TaskState {
  const t = s.tasks.find((x) => x.id === id);
  if (!t || t.deleted) throw new MilestoneError('NOT_FOUND', `task ${id.slice(0, 8)} was removed`, { data: { id } });
  return t;
}
