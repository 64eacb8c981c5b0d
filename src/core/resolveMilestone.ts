/**
 * Turns what a user typed (a full id, a unique prefix, or an alias such as a legacy
 * `milestone-001`) into one milestone id, like git does for commits: an ambiguous prefix is an
 * error listing the candidates.
 */
import { MilestoneError } from '../errors/MilestoneError';
import { ID_PATTERN, refName } from '../storage/entity/layout';
import type { Context } from './context';

export async function resolveMilestone(ctx: Context, given: string): Promise<string> {
  const key = given.trim();
  if (key === '') throw new MilestoneError('USAGE', 'a milestone id is required');
  if (ID_PATTERN.test(key.toLowerCase())) {
    if (await ctx.storage.refs.read(refName('milestone', key.toLowerCase()))) return key.toLowerCase();
    throw notFound(given);
  }
  const hits = await ctx.index.findMilestones(/^[0-9a-fA-F]+$/.test(key) ? key.toLowerCase() : key);
  if (hits.length === 1) return hits[0];
  if (hits.length === 0) throw notFound(given);
  const summaries = new Map((await ctx.index.summaries()).map((s) => [s.id, s.title]));
  const lines = hits.slice(0, 20).map((id) => `  ${id.slice(0, 12)} ${JSON.stringify(summaries.get(id) ?? '')}`);
  throw new MilestoneError('AMBIGUOUS_ID', `milestone id "${given}" is ambiguous (${hits.length} match)`, {
    hint: `Use more characters. The candidates are:\n${lines.join('\n')}`,
    data: { candidates: hits },
  });
}

function notFound(given: string): MilestoneError {
  return new MilestoneError('NOT_FOUND', `no milestone matches "${given}"`, {
    hint: '`git milestone list` shows the ids (a unique prefix is enough).',
    data: { id: given },
  });
}
