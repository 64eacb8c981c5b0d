/**
 * `git milestone list`: rows from the derived index (checked against the refs first) of the chosen
 * backend (`--backend`, or the one scale selection picks). Status and archived filters run on the
 * row headers; anything else (labels, assignees, a query, sort, limit) parses only the rows left
 * and filters them in the domain. A database index first narrows the rows in SQL (a superset),
 * so every backend gives the domain's exact answer. Rows keep their pre-rendered JSON. In a clone
 * with no milestones at all, the remote's are fetched on first use (firstFetch.ts).
 */
import { filterSummaries, type SummaryFilter } from '../domain/query';
import type { ListRow, MilestoneIndex } from '../index/MilestoneIndex';
import type { Context } from './context';
import { fetchOnFirstUse } from './firstFetch';
import { openBackendIndex } from './openBackendIndex';
import { SummaryList } from './SummaryList';
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
    const list = await listFrom(index, filter);
    // As next and task list do: an unreadable milestone is named, never skipped silently.
    for (const u of (await index.unreadable?.()) ?? []) ctx.env.err(`warning: skipping milestone ${u.id.slice(0, 8)}: ${u.message}\n`);
    return list;
  } finally {
    if (index !== ctx.index) await index.close?.();
  }
}

async function listFrom(index: MilestoneIndex, filter: SummaryFilter): Promise<SummaryList> {
  const plain = !filter.label?.length && !filter.assignee?.length && !filter.text && !filter.query?.length
    && (filter.sort ?? 'created') === 'created' && filter.limit === undefined;
  if (plain && !filter.all && !filter.status?.length && index.liveJson) return SummaryList.ofJson(await index.liveJson());
  const source = !plain && index.candidates ? await index.candidates(filter) : await index.rows();
  const rows = source.filter((r) => (filter.all || !r.archived) && (!filter.status?.length || filter.status.includes(r.status)));
  if (plain) return SummaryList.ofRows(rows);
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const kept = filterSummaries(SummaryList.ofRows(rows).items, filter);
  return SummaryList.ofRows(kept.map((s) => rowById.get(s.id) as ListRow));
}
