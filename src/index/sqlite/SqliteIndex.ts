/**
 * The SQLite index (`<git-common-dir>/milestones/index.db`, WAL): milestones, tasks, labels,
 * aliases, dependencies and the operation history, with FTS5 over the text. Derived like the file
 * index and refreshed the same way (syncSqlite.ts). A damaged file found at any point is deleted
 * and rebuilt from the refs, and the call answered from the new one: never an error. A rebuild
 * rewrites the rows in place (loadRows.ts), never deleting the file under other processes' feet.
 */
import * as path from 'node:path';
import type { MilestoneSummary, SummaryFilter } from '../../domain/query';
import type { MilestoneState } from '../../domain/types';
import type { EntityStore } from '../../storage/entity/EntityStore';
import { refPrefix } from '../../storage/entity/layout';
import type { IndexBuild, ListRow, MilestoneIndex, RefreshReport, TaskLocation } from '../MilestoneIndex';
import { rebuildIndexes } from '../shared/rebuildIndexes';
import { countRows, SqliteLoad } from './loadRows';
import { isDamaged, openSqlite, removeDbFiles, type Db } from './openSqlite';
import { readLiveFile, writeLiveFile } from './liveFile';
import { selectRows } from './selectRows';
import { findMilestoneIds, findTaskLocations, unreadableRows } from './lookUp';
import { metaToken, readStoredList, renderStoredList, type StoredList } from './storedList';
import { syncSqlite } from './syncSqlite';
import { rowCounts, type RowCounts } from '../shared/rowCounts';
import { answerList, type SummaryList } from '../shared/summaryList';

export const SQLITE_FILE = 'index.db';

export interface SqliteIndexOptions {
  /** `<git-common-dir>/milestones` */
  dir: string;
  store: EntityStore<MilestoneState>;
}

export class SqliteIndex implements MilestoneIndex {
  private handle?: Db;
  /** The stored list last read, kept while the index stays open (a long-lived process) and its token holds. */
  private stored?: StoredList;

  constructor(private readonly o: SqliteIndexOptions) {}

  get file(): string {
    return path.join(this.o.dir, SQLITE_FILE);
  }

  /** Every live row; served from `list_cache` (storedList.ts) while no sync changed anything. */
  async list(filter: SummaryFilter): Promise<SummaryList> {
    return answerList(this, filter);
  }

  async counts(): Promise<RowCounts> {
    return rowCounts(await this.rows());
  }

  async rows(): Promise<ListRow[]> {
    return this.guard(async (db) => {
      await syncSqlite(db, this.o.store, false);
      const token = metaToken(db);
      if (token !== null && this.stored?.token === token) return this.stored.rows;
      const stored = readStoredList(db, true) ?? renderStoredList(db);
      this.stored = stored.token === token ? stored : undefined;
      return stored.rows;
    });
  }

  /**
   * The plain `list --json` answer: from the plain file beside the database while the refs have not
   * moved since it was written (liveFile.ts: no driver, no database), else from `list_cache`, else
   * rendered and stored; then the file is written again for the token the answer belongs to.
   */
  async liveJson(): Promise<Buffer> {
    const fp = await this.o.store.storage.refs.fingerprint(refPrefix(this.o.store.def.kind));
    const hit = fp.racy ? null : readLiveFile(this.o.dir, fp.token);
    if (hit) return hit;
    return this.guard(async (db) => {
      await syncSqlite(db, this.o.store, false);
      const stored = readStoredList(db, false) ?? renderStoredList(db);
      // Only while every ref reads: a hit then means nothing is unreadable (see unreadable()).
      if (stored.token && unreadableRows(db).length === 0) writeLiveFile(this.o.dir, stored.token, stored.live);
      return stored.live;
    });
  }

  /**
   * Milestones whose ref cannot be read, for the warning `list` prints. Without an open database
   * the answer came from the plain file, which is written only while there are none.
   */
  async unreadable(): Promise<Array<{ id: string; message: string }>> {
    return this.handle ? unreadableRows(this.handle) : [];
  }

  /** Rows that may pass `filter` (a superset, narrowed in SQL); the caller filters exactly. */
  async candidates(filter: SummaryFilter): Promise<ListRow[]> {
    return this.guard(async (db) => {
      await syncSqlite(db, this.o.store, false);
      return selectRows(db, filter);
    });
  }

  async summaries(): Promise<MilestoneSummary[]> {
    return (await this.rows()).map((r) => JSON.parse(r.body.toString('utf8', r.start, r.end)) as MilestoneSummary);
  }

  async findMilestones(prefix: string): Promise<string[]> {
    return this.guard(async (db) => {
      await syncSqlite(db, this.o.store, false);
      return findMilestoneIds(db, prefix);
    });
  }

  async findTasks(prefix: string): Promise<TaskLocation[]> {
    return this.guard(async (db) => {
      await syncSqlite(db, this.o.store, false);
      return findTaskLocations(db, prefix);
    });
  }

  /** A no-op: the next read catches up from the refs (it also needs the history, which a put lacks). */
  async put(): Promise<void> {}

  async refresh(opts: { force?: boolean } = {}): Promise<RefreshReport> {
    return this.guard(async (db) => countRows(db, await syncSqlite(db, this.o.store, Boolean(opts.force))));
  }

  async rebuild(): Promise<RefreshReport> {
    return this.guard(async () => (await rebuildIndexes(this.o.store, [this.builder()]))[0]);
  }

  /** Rows rewritten in place, batch by batch: readers meanwhile see each entity's old row or its new one. */
  builder(): IndexBuild {
    return new SqliteLoad((this.handle ??= openSqlite(this.file)), { rebuild: true });
  }

  close(): void {
    this.stored = undefined;
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
