/**
 * The answer to `list` (MilestoneIndex.list): milestone summaries whose JSON is already rendered,
 * either as index rows or as the whole answer read in one piece (an index's `liveJson`), so the
 * byte rows never leave the index layer. Status and archived filters run on the row headers;
 * anything else (labels, assignees, a query, sort, limit) parses only the rows left and filters
 * them in the domain. A database index first narrows the rows (`candidates`, a superset), so every
 * backend gives the domain's exact answer. `jsonText()` gives exactly what JSON.stringify(items)
 * would (plus a newline), from the rendered bytes; `items` parses them only when something needs
 * objects (the text table, a filter).
 */
import { filterSummaries, type MilestoneSummary, type SummaryFilter } from '../../domain/query';
import type { ListRow } from './listRow';
import { joinRows } from './renderRows';

export class SummaryList {
  private parsed?: MilestoneSummary[];

  private constructor(
    private readonly rows: ListRow[] | null,
    private readonly rendered: Buffer | null,
  ) {}

  static ofRows(rows: ListRow[]): SummaryList {
    return new SummaryList(rows, null);
  }

  /** `json`: the rendered array itself, as `list --json` prints it. */
  static ofJson(json: Buffer): SummaryList {
    return new SummaryList(null, json);
  }

  get length(): number {
    return this.rows ? this.rows.length : this.items.length;
  }

  /** Whether there is no row, without parsing a rendered answer that has some. */
  get empty(): boolean {
    if (this.rows) return this.rows.length === 0;
    return (this.rendered as Buffer).length < 16 && this.items.length === 0;
  }

  get items(): MilestoneSummary[] {
    this.parsed ??= this.rows
      ? this.rows.map((r) => JSON.parse(r.body.toString('utf8', r.start, r.end)) as MilestoneSummary)
      : (JSON.parse((this.rendered as Buffer).toString('utf8')) as MilestoneSummary[]);
    return this.parsed;
  }

  jsonText(): Buffer {
    return this.rendered ?? joinRows(this.rows as ListRow[]);
  }

  toJSON(): MilestoneSummary[] {
    return this.items;
  }
}

/** Results that carry their own JSON rendering. */
export function hasJsonText(value: unknown): value is { jsonText(): Buffer } {
  return typeof (value as { jsonText?: unknown } | null)?.jsonText === 'function';
}

/** What answerList reads of an index (the MilestoneIndex members of those names). */
export interface ListSource {
  rows(): Promise<ListRow[]>;
  candidates?(filter: SummaryFilter): Promise<ListRow[]>;
  liveJson?(): Promise<Buffer>;
}

/** The list answer of `index` for `filter` (what every MilestoneIndex.list returns). */
export async function answerList(index: ListSource, filter: SummaryFilter): Promise<SummaryList> {
  // Rows come in the default order, so a limit alone is a slice: no row is parsed.
  const headersOnly = !filter.label?.length && !filter.assignee?.length && !filter.text && !filter.query?.length
    && (filter.sort ?? 'created') === 'created';
  const plain = headersOnly && filter.limit === undefined;
  if (plain && !filter.all && !filter.status?.length && index.liveJson) return SummaryList.ofJson(await index.liveJson());
  const source = !headersOnly && index.candidates ? await index.candidates(filter) : await index.rows();
  const rows = source.filter((r) => (filter.all || !r.archived) && (!filter.status?.length || filter.status.includes(r.status)));
  if (headersOnly) return SummaryList.ofRows(plain ? rows : rows.slice(0, filter.limit));
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const kept = filterSummaries(SummaryList.ofRows(rows).items, filter);
  return SummaryList.ofRows(kept.map((s) => rowById.get(s.id) as ListRow));
}
