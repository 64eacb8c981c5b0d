/**
 * Writes entity rows into the SQLite index with prepared statements: `put` replaces everything
 * one milestone owns (its row keeps its rowid, which is also its full-text row's), `remove` drops
 * it. Callers wrap calls in a transaction. Safe when several processes sync at once: each put
 * looks at what is stored inside the caller's transaction, never at what was there when it began.
 */
import type { EntityRows } from '../model/entityRows';
import { shardKey } from '../shared/digests';
import type { Db } from './openSqlite';

const COLUMNS = ['id', 'shard', 'tip', 'error', 'title', 'description', 'status', 'priority', 'category', 'start_date', 'due_date',
  'progress', 'task_count', 'done_count', 'blocked_count', 'conflict_count', 'archived', 'deleted', 'created_at', 'updated_at',
  'text_ascii', 'summary', 'summary_len'];
const CHILDREN = ['labels', 'aliases', 'tasks', 'dependencies', 'operations'];

export class SqliteWriter {
  private readonly s;

  constructor(db: Db) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      current: p('SELECT rowid, tip FROM milestones WHERE id = ?'),
      upsert: p(`INSERT INTO milestones (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})
        ON CONFLICT (id) DO UPDATE SET ${COLUMNS.slice(1).map((c) => `${c} = excluded.${c}`).join(', ')} RETURNING rowid`).pluck(),
      drop: p('DELETE FROM milestones WHERE id = ?'),
      children: CHILDREN.map((t) => p(`DELETE FROM ${t} WHERE milestone_id = ?`)),
      unsearch: p('DELETE FROM search WHERE rowid = ?'),
      label: p('INSERT OR IGNORE INTO labels (label, milestone_id) VALUES (?, ?)'),
      alias: p('INSERT OR REPLACE INTO aliases (alias, milestone_id) VALUES (?, ?)'),
      task: p(`INSERT OR REPLACE INTO tasks (id, milestone_id, title, description, status, assignee, estimated_hours, started_at, completed_at, deleted, created_at, updated_at)
        VALUES (@id, @milestone_id, @title, @description, @status, @assignee, @estimated_hours, @started_at, @completed_at, @deleted, @created_at, @updated_at)`),
      dep: p('INSERT INTO dependencies (milestone_id, kind, from_id, to_id) VALUES (@milestone_id, @kind, @from_id, @to_id)'),
      op: p(`INSERT OR REPLACE INTO operations (milestone_id, commit_oid, seq, lamport, type, author_name, author_email, time, op)
        VALUES (@milestone_id, @commit_oid, @seq, @lamport, @type, @author_name, @author_email, @time, @op)`),
      search: p('INSERT INTO search (rowid, title, description, criteria, aliases, tasks) VALUES (@rowid, @title, @description, @criteria, @aliases, @tasks)'),
    };
  }

  /**
   * Replaces one milestone's rows; true when its tip changed (or it is new). Rows already stored at
   * the same tip are left as they are unless `rewrite` (a rebuild): another process syncing at the
   * same time may have written them first.
   */
  put(rows: EntityRows, rewrite = false): boolean {
    const id = rows.milestone.id;
    const cur = this.s.current.get(id) as { rowid: number; tip: string } | undefined;
    if (cur && cur.tip === rows.milestone.tip && !rewrite) return false;
    if (cur) this.clear(id, cur.rowid);
    const m = rows.milestone;
    const summary = m.error ? null : Buffer.from(m.summary, 'utf8');
    const rowid = this.s.upsert.get({ ...m, shard: shardKey(id), summary, summary_len: summary?.length ?? 0 }) as number;
    for (const l of rows.labels) this.s.label.run(l, id);
    for (const a of rows.aliases) this.s.alias.run(a, id);
    for (const t of rows.tasks) this.s.task.run(t);
    for (const d of rows.deps) this.s.dep.run(d);
    for (const o of rows.ops) this.s.op.run(o);
    if (rows.search) this.s.search.run({ rowid, ...rows.search });
    return cur?.tip !== m.tip;
  }

  remove(id: string): void {
    const cur = this.s.current.get(id) as { rowid: number } | undefined;
    if (!cur) return;
    this.clear(id, cur.rowid);
    this.s.drop.run(id);
  }

  private clear(id: string, rowid: number): void {
    this.s.unsearch.run(rowid);
    for (const c of this.s.children) c.run(id);
  }
}
