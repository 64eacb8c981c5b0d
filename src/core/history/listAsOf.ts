/**
 * `git milestone list --as-of DATE`: every milestone as it stood then, folded from the operations
 * written up to that time, summarised and filtered exactly as `list` does (domain/query.ts
 * filterSummaries, the workflow terms resolved the same way). Answered from each milestone's summary
 * timeline (summaryTimelines.ts: derived from the history, cached by tip) by binary search, never
 * from the index of current state.
 */
import { valueAt } from '../../domain/history/timeline';
import { filterSummaries, type MilestoneSummary, type SummaryFilter } from '../../domain/query';
import { SummaryList } from '../../index/shared/summaryList';
import type { Context } from '../context';
import { resolveWorkflowTerms } from '../workflow/workflowTerms';
import { parseAsOf, refuseBefore } from './asOfTime';
import { summaryTimelines } from './summaryTimelines';

export async function listAsOf(ctx: Context, filter: SummaryFilter, asOf: string): Promise<SummaryList> {
  const at = parseAsOf(asOf);
  filterSummaries([], filter); // refuses a bad status, sort key or limit before any work
  if (filter.query?.length) filter = { ...filter, query: await resolveWorkflowTerms(ctx, filter.query) };
  const timelines = await summaryTimelines(ctx);
  let first = Infinity;
  const summaries: MilestoneSummary[] = [];
  for (const timeline of timelines.values()) {
    if (timeline.length > 0) first = Math.min(first, timeline[0][0]);
    const summary = valueAt(timeline, at, null);
    if (summary !== null) summaries.push(summary);
  }
  refuseBefore(at, first, asOf, 'any milestone');
  const kept = filterSummaries(summaries, filter);
  return SummaryList.ofJson(Buffer.from(`${JSON.stringify(kept)}\n`));
}
