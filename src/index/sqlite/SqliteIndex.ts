/**
 * The SQLite index (`<git-common-dir>/milestones/index.db`, WAL): milestones, tasks, labels,
 * aliases, dependencies and the operation history, with FTS5 over the text. Derived like the file
 * index and refreshed the same way (syncSqlite.ts). A damaged file found at any point is deleted
 * and rebuilt from the refs, and the call answered from the new one: never an error.
 */
import * as path from 'node:path';
import type { MilestoneSummary, SummaryFilter } from '../../domain/query';
import type { MilestoneState } from '../../domain/types';
import type { EntityStore } from '../../storage/entity/EntityStore';
import type { ListRow, MilestoneIndex, RefreshReport, TaskLocation } from '../MilestoneIndex';
import { prefilter } from '../model/prefilter';
import { isDamaged, openSqlite, removeDbFiles, type Db } from './openSqlite';
import { countRows, syncSqlite } from './syncSqlite';

export const SQLITE_FILE = 'index.db';

export interface SqliteIndexOptions {
  /** `<git-common-dir>/milestones` */
  dir: string;
  store: EntityStore<MilestoneState>;
}

type RowTuple = [string, string, number, string, Buffer];
const ROW_SQL = 'SELECT m.id, m.status, m.archived, m.created_at, m.summary FROM milestones m';

export class SqliteIndex implements MilestoneIndex {
  private handle?: Db;

  constructor(private readonly o: SqliteIndexOptions) {}

  get file(): string {
    return path.join(this.o.dir, SQLITE_FILE);
  }

  async rows(): Promise<ListRow[]> {
    return this.candidates({ all: true });
  }

  /** Rows that may pass `filter` (a superset, narrowed in SQL); the caller filters exactly. */
  async candidates(filter: SummaryFilter): Promise<ListRow[]> {
    return this.guard(async (db) => {
      await syncSqlite(db, this.o.store, false);
      const params: unknown[] = [];
      const param = (v: unknown) => (params.push(v), '?');
      const where = prefilter(filter, {
        param,
        scope: () => '',
        bool: (v) => (v ? '1' : '0'),
        text: (needle) => `m.rowid IN (SELECT rowid FROM search WHERE search MATCH ${param(`{title description aliases} : "${needle.replace(/"/g, '""')}"`)})`,
      });
      const tuples = db.prepare(`${ROW_SQL} WHERE ${where.join(' AND ')} ORDER BY m.created_at, m.id`).raw().all(...params) as RowTuple[];
      return tuples.map(([id, status, archived, createdAt, body]): ListRow => ({ id, status, archived: archived === 1, createdAt, body, start: 0, end: body.length }));
    });
  }

  async summaries(): Promise<MilestoneSummary[]> {
    return (await this.rows()).map((r) => JSON.parse(r.body.toString('utf8')) as MilestoneSummary);
  }

  async findMilestones(prefix: string): Promise<string[]> {
    return this.guard(async (db) => {
      await syncSqlite(db, this.o.store, false);
      const ids = db.prepare(`SELECT id FROM milestones WHERE substr(id, 1, ?) = ? UNION SELECT milestone_id FROM aliases WHERE alias = ? ORDER BY 1`)
        .pluck().all(prefix.length, prefix, prefix) as string[];
      return ids;
    });
  }

  async findTasks(prefix: string): Promise<TaskLocation[]> {
    return this.guard(async (db) => {
      await syncSqlite(db, this.o.store, false);
      return db.prepare(`SELECT id AS taskId, milestone_id AS milestoneId FROM tasks WHERE substr(id, 1, ?) = ? ORDER BY id`).all(prefix.length, prefix) as TaskLocation[];
    });
  }

  /** A no-op: the next read catches up from the refs (it also needs the history, which a put lacks). */
  async put(): Promise<void> {}

  async refresh(opts: { force?: boolean } = {}): Promise<RefreshReport> {
    return this.guard(async (db) => countRows(db, await syncSqlite(db, this.o.store, Boolean(opts.force))));
  }

  async rebuild(): Promise<RefreshReport> {
    this.close();
    removeDbFiles(this.file);
    return this.refresh({ force: true });
  }

  close(): void {
    this.handle?.close();
    this.handle = undefined;
  }

  /** Runs `fn`; if the file turns out to be damaged, deletes it and runs `fn` once more on a new one. */
  private async guard<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    try {
      return await fn((this.handle ??= openSqlite(this.file)));
    } catch (e) {
      if (!isDamaged(e)) throw e;
      this.close();
      removeDbFiles(this.file);
      return fn((this.handle = openSqlite(this.file)));
    }
  }
}
