/**
 * `git milestone list --as-of DATE`: every milestone as it stood then, folded from the operations
 * written up to that time (domain/history/asOf.ts), summarised and filtered exactly as `list`
 * does (domain/query.ts filterSummaries, the workflow terms resolved the same way). Answered from
 * the operation history, never from the index of current state.
 */
import { foldAsOf } from '../../domain/history/asOf';
import { filterSummaries, summarize, type MilestoneSummary, type SummaryFilter } from '../../domain/query';
import { SummaryList } from '../../index/shared/summaryList';
import type { Context } from '../context';
import { resolveWorkflowTerms } from '../workflow/workflowTerms';
import { firstTime, parseAsOf, refuseBefore } from './asOfTime';
import { readHistories } from './readHistories';

export async function listAsOf(ctx: Context, filter: SummaryFilter, asOf: string): Promise<SummaryList> {
  const at = parseAsOf(asOf);
  filterSummaries([], filter); // refuses a bad status, sort key or limit before any work
  if (filter.query?.length) filter = { ...filter, query: await resolveWorkflowTerms(ctx, filter.query) };
  const histories = await readHistories(ctx);
  refuseBefore(at, Math.min(...histories.map((h) => firstTime(h.ops)), Infinity), asOf, 'any milestone');
  const summaries: MilestoneSummary[] = [];
  for (const h of histories) {
    const state = foldAsOf(h.ops, at);
    if (state !== null) summaries.push(summarize(state));
  }
  const kept = filterSummaries(summaries, filter);
  return SummaryList.ofJson(Buffer.from(`${JSON.stringify(kept)}\n`));
}
