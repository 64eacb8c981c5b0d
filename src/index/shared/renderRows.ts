/**
 * List rows pre-rendered as the compact JSON `list --json` prints (pretty-printing on a terminal
 * happens in runDef), shared by every index: rendering a summary, the default order (created,
 * then id), and joining rows into the printed array, where a run of rows lying back to back in
 * one buffer (as every cache stores them) is copied as one slice.
 */
import type { MilestoneSummary } from '../../domain/query';
import type { ListRow } from './listRow';

export const SEP = Buffer.from(',');
const OPEN = Buffer.from('[');
const CLOSE = Buffer.from(']\n');

export function renderRow(s: MilestoneSummary): ListRow {
  const body = Buffer.from(JSON.stringify(s), 'utf8');
  return { id: s.id, status: s.status, archived: s.archived, createdAt: s.createdAt, body, start: 0, end: body.length };
}

export function sortRows(rows: ListRow[]): ListRow[] {
  return rows.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** `[`, `bytes` bytes read by `fill` at offset 1, `]\n`: the printed array from one stored run. */
export function wrapRun(bytes: number, fill: (out: Buffer, at: number) => void): Buffer {
  if (bytes === 0) return Buffer.from('[]\n');
  const out = Buffer.allocUnsafe(bytes + OPEN.length + CLOSE.length);
  OPEN.copy(out, 0);
  fill(out, OPEN.length);
  CLOSE.copy(out, OPEN.length + bytes);
  return out;
}

/**
 * The JSON array of rows (as JSON.stringify(summaries) prints it, plus a newline), from their rendered
 * bytes: a run of rows that lie back to back in one body is copied as one slice.
 */
export function joinRows(rows: ListRow[]): Buffer {
  if (rows.length === 0) return Buffer.from('[]\n');
  const parts: Buffer[] = [OPEN];
  let run = rows[0];
  let runEnd = run.end;
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i];
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
