/**
 * The result of `list`: milestone summaries whose JSON is already rendered, either as index rows
 * or as the whole answer read in one piece (an index's `liveJson`). `jsonText()` gives exactly what
 * JSON.stringify(items) would (plus a newline), from the rendered bytes; `items` parses them only when
 * something needs objects (the text table, a filter).
 */
import type { MilestoneSummary } from '../domain/query';
import type { ListRow } from '../index/MilestoneIndex';
import { joinRows } from '../index/shared/renderRows';

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
