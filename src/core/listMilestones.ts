/**
 * `git milestone list`: milestone summaries from the derived index (refreshed against the refs
 * first), filtered and sorted in the domain.
 */
import { filterSummaries, type SummaryFilter, type MilestoneSummary } from '../domain/query';
import type { Context } from './context';

export async function listMilestones(ctx: Context, filter: SummaryFilter): Promise<MilestoneSummary[]> {
  return filterSummaries(await ctx.index.summaries(), filter);
}
