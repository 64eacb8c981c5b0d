/**
 * The rows of the SQLite index that may pass a filter (a superset, narrowed in SQL by the shared
 * prefilter; the caller filters exactly), in default order. Row headers come from a covering index,
 * then every rendered row in one value (as the file index's list cache holds them): consecutive
 * rows are then one slice of one buffer, with no per-row copy. Runs in one read transaction.
 */
import type { SummaryFilter } from '../../domain/query';
import type { ListRow } from '../MilestoneIndex';
import { prefilter } from '../model/prefilter';
import type { Db } from './openSqlite';

export type RowTuple = [string, string, number, string, number];
const ROW_SQL = 'SELECT m.id, m.status, m.archived, m.created_at, m.summary_len FROM milestones m';

export function selectRows(db: Db, filter: SummaryFilter): ListRow[] {
  const params: unknown[] = [];
  const param = (v: unknown) => (params.push(v), '?');
  const where = prefilter(filter, {
    param,
    scope: () => '',
    bool: (v) => (v ? '1' : '0'),
    text: (needle) => `m.rowid IN (SELECT rowid FROM search WHERE search MATCH ${param(`{title description aliases} : "${needle.replace(/"/g, '""')}"`)})`,
  });
  const cond = where.join(' AND ');
  return db.transaction(() => {
    const heads = db.prepare(`${ROW_SQL} WHERE ${cond} ORDER BY m.created_at, m.id`).raw().all(...params) as RowTuple[];
    const body = db.prepare(`SELECT CAST(group_concat(s, ',') AS BLOB) FROM (SELECT m.summary AS s FROM milestones m WHERE ${cond} ORDER BY m.created_at, m.id)`)
      .pluck().get(...params) as Buffer | null;
    const rows = rowsOf(heads, body as Buffer);
    // Every row must begin with its own id (`{"id":"…`); otherwise read the rows one by one.
    if (rows.every((r) => r.body.toString('latin1', r.start + 7, r.start + 7 + r.id.length) === r.id)) return rows;
    const bodies = db.prepare(`SELECT m.summary FROM milestones m WHERE ${cond} ORDER BY m.created_at, m.id`).pluck().all(...params) as Buffer[];
    return rows.map((r, i) => ({ ...r, body: bodies[i], start: 0, end: bodies[i].length }));
  })();
}

/** Rows laid back to back in `body` with a `,` between them, from their headers (length last). */
export function rowsOf(heads: RowTuple[], body: Buffer): ListRow[] {
  let start = 0;
  return heads.map(([id, status, archived, createdAt, length]): ListRow => {
    const row = { id, status, archived: archived === 1, createdAt, body, start, end: start + length };
    start += length + 1;
    return row;
  });
}
