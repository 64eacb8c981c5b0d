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
import { joinRows } from '../file/listCache';
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

type RowTuple = [string, string, number, string, number];
const ROW_SQL = 'SELECT m.id, m.status, m.archived, m.created_at, m.summary_len FROM milestones m';

export class SqliteIndex implements MilestoneIndex {
  private handle?: Db;

  constructor(private readonly o: SqliteIndexOptions) {}

  get file(): string {
    return path.join(this.o.dir, SQLITE_FILE);
  }

  /** Every live row; served from `list_cache` (all rows, rendered back to back) while no sync changed anything. */
  async rows(): Promise<ListRow[]> {
    return this.guard(async (db) => {
      await syncSqlite(db, this.o.store, false);
      const hit = db.prepare('SELECT header, body FROM list_cache LIMIT 1').get() as { header: string; body: Buffer } | undefined;
      if (hit) {
        let start = 0;
        return (JSON.parse(hit.header) as Array<[string, string, number, string, number]>).map(([id, status, archived, createdAt, length]) => {
          const row = { id, status, archived: archived === 1, createdAt, body: hit.body, start, end: start + length };
          start += length + 1;
          return row;
        });
      }
      const rows = await this.candidates({ all: true });
      const body = rows[0]?.body;
      if (body && rows.every((r) => r.body === body)) {
        const header = JSON.stringify(rows.map((r) => [r.id, r.status, r.archived ? 1 : 0, r.createdAt, r.end - r.start]));
        try {
          const live = joinRows(rows.filter((r) => !r.archived));
          db.prepare('INSERT OR REPLACE INTO list_cache (generation, header, body, live) VALUES (1, ?, ?, ?)').run(header, body, live);
        } catch {
          // derived: rendered again next time
        }
      }
      return rows;
    });
  }

  /** The plain `list --json` answer: one stored value while no sync changed anything, else rows() fills it. */
  async liveJson(): Promise<Buffer> {
    return this.guard(async (db) => {
      await syncSqlite(db, this.o.store, false);
      const live = db.prepare('SELECT live FROM list_cache LIMIT 1').pluck().get() as Buffer | null | undefined;
      return live ?? joinRows((await this.rows()).filter((r) => !r.archived));
    });
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
      // Row headers, then every rendered row in one value (as the file index's list cache holds them):
      // consecutive rows are then one slice of one buffer, with no per-row copy.
      const cond = where.join(' AND ');
      return db.transaction(() => {
        const heads = db.prepare(`${ROW_SQL} WHERE ${cond} ORDER BY m.created_at, m.id`).raw().all(...params) as RowTuple[];
        const body = db.prepare(`SELECT CAST(group_concat(s, ',') AS BLOB) FROM (SELECT m.summary AS s FROM milestones m WHERE ${cond} ORDER BY m.created_at, m.id)`)
          .pluck().get(...params) as Buffer | null;
        let start = 0;
        const rows = heads.map(([id, status, archived, createdAt, length]): ListRow => {
          const row = { id, status, archived: archived === 1, createdAt, body: body as Buffer, start, end: start + length };
          start += length + 1;
          return row;
        });
        // Every row must begin with its own id (`{"id":"…`); otherwise read the rows one by one.
        if (rows.every((r) => r.body.toString('latin1', r.start + 7, r.start + 7 + r.id.length) === r.id)) return rows;
        const bodies = db.prepare(`SELECT m.summary FROM milestones m WHERE ${cond} ORDER BY m.created_at, m.id`).pluck().all(...params) as Buffer[];
        return rows.map((r, i) => ({ ...r, body: bodies[i], start: 0, end: bodies[i].length }));
      })();
    });
  }

  async summaries(): Promise<MilestoneSummary[]> {
    return (await this.rows()).map((r) => JSON.parse(r.body.toString('utf8', r.start, r.end)) as MilestoneSummary);
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
