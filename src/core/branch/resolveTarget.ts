/**
 * What `branch start` was given: a task (id or unique prefix) or a milestone (id, unique prefix or
 * alias). Task and milestone ids are both hashes; a prefix matching one of each is ambiguous and
 * listed like any other ambiguous id.
 */
import { MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';

export type Target = { kind: 'task'; milestoneId: string; taskId: string } | { kind: 'milestone'; milestoneId: string };

export async function resolveTarget(ctx: Context, given: string): Promise<Target> {
  const key = given.trim();
  if (key === '') throw new MilestoneError('USAGE', 'a task or milestone id is required');
  const hex = /^[0-9a-fA-F]+$/.test(key);
  const tasks = hex ? await ctx.index.findTasks(key.toLowerCase()) : [];
  const milestones = await ctx.index.findMilestones(hex ? key.toLowerCase() : key);
  const all: Target[] = [
    ...tasks.map((t) => ({ kind: 'task' as const, milestoneId: t.milestoneId, taskId: t.taskId })),
    ...milestones.map((m) => ({ kind: 'milestone' as const, milestoneId: m })),
  ];
  if (all.length === 1) return all[0];
  if (all.length === 0) {
    throw new MilestoneError('NOT_FOUND', `no task or milestone matches "${given}"`, {
      hint: '`git milestone task list` and `git milestone list` show the ids (a unique prefix is enough).',
      data: { id: given },
    });
  }
  const ids = all.map((t) => (t.kind === 'task' ? `task ${t.taskId.slice(0, 12)}` : `milestone ${t.milestoneId.slice(0, 12)}`));
  throw new MilestoneError('AMBIGUOUS_ID', `"${given}" is ambiguous (${all.length} match)`, {
    hint: `Use more characters. The candidates are:\n${ids.slice(0, 20).map((i) => `  ${i}`).join('\n')}`,
    data: { candidates: all.map((t) => (t.kind === 'task' ? t.taskId : t.milestoneId)) },
  });
}
