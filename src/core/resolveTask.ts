/**
 * Resolves a task id or unique prefix to the task and the milestone holding it. Task ids are
 * hashes, unique across every milestone of the repository. When no id matches, the id a task had
 * in the tool it was imported from (`T012`, `1.2`, `BACK-355.02`) finds it, if only one task has it.
 */
import type { MilestoneState, TaskState } from '../domain/types';
import { MilestoneError } from '../errors/MilestoneError';
import type { TaskLocation } from '../index/MilestoneIndex';
import type { Context } from './context';
import { bySourceId } from './matchTask';
import { readAllMilestones } from './readAllMilestones';

export async function resolveTask(ctx: Context, given: string): Promise<TaskLocation> {
  const key = given.trim().toLowerCase();
  const hits = /^[0-9a-f]+$/.test(key) ? await ctx.index.findTasks(key) : [];
  if (hits.length === 1) return hits[0];
  if (hits.length === 0 && key !== '') {
    const found = (await readAllMilestones(ctx))
      .flatMap((m) => bySourceId(m, key).map((t) => ({ taskId: t.id, milestoneId: m.id, m })));
    if (found.length === 1) return { taskId: found[0].taskId, milestoneId: found[0].milestoneId };
    if (found.length > 1) {
      throw new MilestoneError('AMBIGUOUS_ID', `"${given}" is the source id of ${found.length} imported tasks`, {
        hint: `Use the task id. The candidates are:\n${found.slice(0, 20)
          .map((h) => `  ${h.taskId.slice(0, 12)} in ${JSON.stringify(h.m.title)}`).join('\n')}`,
        data: { candidates: found.map((h) => h.taskId) },
      });
    }
  }
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
