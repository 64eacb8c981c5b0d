/**
 * `git milestone list`: rows from the derived index (checked against the refs first). Status and
 * archived filters run on the row headers; anything else (labels, assignees, a query, sort, limit)
 * parses only the rows left and filters them in the domain. Rows keep their pre-rendered JSON.
 */
import { filterSummaries, type SummaryFilter } from '../domain/query';
import type { Context } from './context';
import { SummaryList } from './SummaryList';

export async function listMilestones(ctx: Context, filter: SummaryFilter): Promise<SummaryList> {
  filterSummaries([], filter); // refuses a bad status, sort key or limit before any work
  const rows = (await ctx.index.rows()).filter(
    (r) => (filter.all || !r.archived) && (!filter.status?.length || filter.status.includes(r.status)),
  );
  const plain = !filter.label?.length && !filter.assignee?.length && !filter.text && !filter.query?.length
    && (filter.sort ?? 'created') === 'created' && filter.limit === undefined;
  if (plain) return new SummaryList(rows);
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const kept = filterSummaries(new SummaryList(rows).items, filter);
  return new SummaryList(kept.map((s) => rowById.get(s.id) as (typeof rows)[number]));
}
