/**
 * `git milestone list`: rows from the derived index (checked against the refs first) of the chosen
 * backend (`--backend`, or the one scale selection picks), answered by the index itself
 * (MilestoneIndex.list: pre-rendered JSON, filtered as src/index/shared/summaryList.ts says). In a clone
 * with no milestones at all, the remote's are fetched on first use (firstFetch.ts).
 */
import { filterSummaries, type SummaryFilter } from '../domain/query';
import type { SummaryList } from '../index/shared/summaryList';
import type { Context } from './context';
import { fetchOnFirstUse } from './firstFetch';
import { openBackendIndex, releaseIndex } from './openBackendIndex';
import { resolveWorkflowTerms } from './workflow/workflowTerms';

export interface ListOptions {
  /** `--backend`: file, sqlite or postgresql; otherwise scale selection decides. */
  backend?: string;
}

export async function listMilestones(ctx: Context, filter: SummaryFilter, o: ListOptions = {}): Promise<SummaryList> {
  if (filter.query?.length) filter = { ...filter, query: await resolveWorkflowTerms(ctx, filter.query) };
  const list = await listOnce(ctx, filter, o);
  // A fresh clone: fetch the remote's milestones on first use, or say how (firstFetch.ts).
  return list.empty && (await fetchOnFirstUse(ctx)) ? listOnce(ctx, filter, o) : list;
}

async function listOnce(ctx: Context, filter: SummaryFilter, o: ListOptions): Promise<SummaryList> {
  filterSummaries([], filter); // refuses a bad status, sort key or limit before any work
  const { index } = await openBackendIndex(ctx, o.backend);
  try {
    const list = await index.list(filter);
    // As next and task list do: an unreadable milestone is named, never skipped silently.
    for (const u of (await index.unreadable?.()) ?? []) ctx.env.err(`warning: skipping milestone ${u.id.slice(0, 8)}: ${u.message}\n`);
    return list;
  } finally {
    await releaseIndex(ctx, index);
  }
}
