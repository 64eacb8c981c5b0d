/**
 * What the scale metrics need of the list rows, counted inside the index so core never reads the
 * rendered bytes: the bytes of every live summary as `list --json` prints it, and their tasks.
 */
import type { ListRow } from './listRow';

export interface RowCounts {
  /** Bytes of the live summaries' compact JSON. */
  bytes: number;
  /** Live tasks of the live milestones (each summary's taskCount). */
  tasks: number;
}

/**
 * The `taskCount` of one pre-rendered summary row (compact JSON, as JSON.stringify writes it).
 * A title or description cannot fake the key: a quote inside a string is escaped as `\"`.
 */
export function taskCountOf(row: string): number {
  return Number(/"taskCount":\s*(\d+)/.exec(row)?.[1] ?? 0);
}

export function rowCounts(rows: ListRow[]): RowCounts {
  let bytes = 0;
  let tasks = 0;
  for (const r of rows) {
    bytes += r.end - r.start;
    tasks += taskCountOf(r.body.toString('utf8', r.start, r.end));
  }
  return { bytes, tasks };
}
