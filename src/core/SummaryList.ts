/**
 * The result of `list`: index rows whose JSON is already rendered. `jsonText()` gives exactly what
 * JSON.stringify(items, null, 2) would, built from the rendered bytes (one slice when the rows are
 * consecutive in the cache); `items` parses them only when something needs objects.
 */
import type { MilestoneSummary } from '../domain/query';
import type { ListRow } from '../index/MilestoneIndex';

const OPEN = Buffer.from('[\n');
const SEP = Buffer.from(',\n');
const CLOSE = Buffer.from('\n]\n');

export class SummaryList {
  private parsed?: MilestoneSummary[];

  constructor(private readonly rows: ListRow[]) {}

  get length(): number {
    return this.rows.length;
  }

  get items(): MilestoneSummary[] {
    this.parsed ??= this.rows.map((r) => JSON.parse(r.body.toString('utf8', r.start, r.end)) as MilestoneSummary);
    return this.parsed;
  }

  jsonText(): Buffer {
    if (this.rows.length === 0) return Buffer.from('[]\n');
    const parts: Buffer[] = [OPEN];
    let run = this.rows[0];
    let runEnd = run.end;
    for (const r of this.rows.slice(1)) {
      if (r.body === run.body && r.start === runEnd + SEP.length) {
        runEnd = r.end;
        continue;
      }
      parts.push(run.body.subarray(run.start, runEnd), SEP);
      run = r;
      runEnd = r.end;
    }
    parts.push(run.body.subarray(run.start, runEnd), CLOSE);
    return Buffer.concat(parts);
  }

  toJSON(): MilestoneSummary[] {
    return this.items;
  }
}

/** Results that carry their own JSON rendering. */
export function hasJsonText(value: unknown): value is { jsonText(): Buffer } {
  return typeof (value as { jsonText?: unknown } | null)?.jsonText === 'function';
}
