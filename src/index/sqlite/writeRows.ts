/**
 * Writes entity rows into the SQLite index with prepared statements: `put` replaces everything
 * one milestone owns (its row keeps its rowid, which is also its full-text row's), `remove` drops
 * it. Callers wrap calls in a transaction.
 */
import type { EntityRows } from '../model/entityRows';
import { shardKey } from '../file/digests';
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
      rowid: p('SELECT rowid FROM milestones WHERE id = ?').pluck(),
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

  /** Replaces one milestone's rows. `fresh`: the index was empty, nothing to delete first. */
  put(rows: EntityRows, fresh = false): void {
    const id = rows.milestone.id;
    if (!fresh) this.clear(id);
    const m = rows.milestone;
    const summary = m.error ? null : Buffer.from(m.summary, 'utf8');
    const rowid = this.s.upsert.get({ ...m, shard: shardKey(id), summary, summary_len: summary?.length ?? 0 }) as number;
    for (const l of rows.labels) this.s.label.run(l, id);
    for (const a of rows.aliases) this.s.alias.run(a, id);
    for (const t of rows.tasks) this.s.task.run(t);
    for (const d of rows.deps) this.s.dep.run(d);
    for (const o of rows.ops) this.s.op.run(o);
    if (rows.search) this.s.search.run({ rowid, ...rows.search });
  }

  remove(id: string): void {
    this.clear(id);
    this.s.drop.run(id);
  }

  private clear(id: string): void {
    const rowid = this.s.rowid.get(id) as number | undefined;
    if (rowid !== undefined) this.s.unsearch.run(rowid);
    for (const c of this.s.children) c.run(id);
  }
}
