/**
 * Writes entities read from the refs into the SQLite index, 100 per transaction, then finishes in
 * one more: removed entities dropped, the digest of every shard it touched computed from the rows
 * as they now stand, and the refs token stored only when every stored digest equals the listing's.
 * So several processes syncing at once (the first `list`s after a clone, a `rebuild` beside
 * readers) each leave a true index: a row already written by another at the same tip is kept
 * (SqliteWriter.put), and a process whose listing is older than the rows it finds stores no token.
 * A batch that moves a tip drops the token first, so an interrupted sync is never taken as fresh.
 * Into an empty table the secondary indexes are built once at the end instead of row by row.
 */
import type { MilestoneState } from '../../domain/types';
import type { IndexBuild, RefreshReport } from '../MilestoneIndex';
import { entityRows, type EntityRows } from '../model/entityRows';
import type { EntityRead } from '../model/readEntities';
import { changedShards, digestOf, shardDigests, shardKey } from '../shared/digests';
import type { Db } from './openSqlite';
import { INDEX_NAMES, INDEXES_SQL } from './schema';
import { SqliteWriter } from './writeRows';

/** Rows per transaction: few, so the rows die young (see model/readEntities.ts, CHUNK). */
const BATCH = 100;
/** The page cache while loading, in KiB (SQLite's negative form). */
const LOAD_CACHE_KIB = -4096;

export interface LoadOptions {
  /** Rewrite rows even at the same tip (a rebuild); and drop every entity not added. */
  rebuild: boolean;
  /** Shards whose rows this load replaces (a rebuild: all). */
  stale?: Set<string>;
}

export class SqliteLoad implements IndexBuild {
  readonly history = true;
  private readonly writer: SqliteWriter;
  private batch: EntityRows[] = [];
  private readonly added = new Set<string>();

  constructor(private readonly db: Db, private readonly o: LoadOptions) {
    this.writer = new SqliteWriter(db);
    // Rows stream through a load and are not read back: a small page cache does as well here as
    // openSqlite's 32 MB, which a cold rebuild of 10,000 milestones filled (≈30 MB of its peak RSS).
    db.pragma(`cache_size = ${LOAD_CACHE_KIB}`);
    if (db.prepare('SELECT count(*) FROM milestones').pluck().get() === 0) {
      for (const name of INDEX_NAMES) db.exec(`DROP INDEX IF EXISTS ${name}`);
    }
  }

  add(id: string, r: EntityRead<MilestoneState>): void {
    this.added.add(id);
    this.batch.push(entityRows(id, r));
    if (this.batch.length >= BATCH) this.flush();
  }

  private flush(): void {
    const rows = this.batch;
    this.batch = [];
    if (rows.length === 0) return;
    this.db.transaction(() => {
      let moved = false;
      for (const r of rows) moved = this.writer.put(r, this.o.rebuild) || moved;
      if (moved) this.invalidate();
    }).immediate();
  }

  private invalidate(): void {
    this.db.prepare(`DELETE FROM meta WHERE key = 'token'`).run();
    this.db.prepare('DELETE FROM list_cache').run();
  }

  /** Drops `removed` (a rebuild: every entity not added), stores digests, and the token if they match `tips`. */
  async commit(tips: Map<string, string>, token: string | null, removed: string[] = []): Promise<RefreshReport> {
    this.flush();
    const want = shardDigests(tips);
    const db = this.db;
    db.transaction(() => {
      db.exec(INDEXES_SQL);
      const gone = this.o.rebuild
        ? (db.prepare('SELECT id FROM milestones').pluck().all() as string[]).filter((id) => !this.added.has(id))
        : removed;
      for (const id of gone) this.writer.remove(id);
      if (gone.length > 0) this.invalidate();
      const groups = new Map<string, Array<[string, string]>>();
      for (const [id, tip] of db.prepare('SELECT id, tip FROM milestones').raw().iterate() as IterableIterator<[string, string]>) {
        const k = shardKey(id);
        if (!this.o.stale || this.o.stale.has(k)) (groups.get(k) ?? groups.set(k, []).get(k) as Array<[string, string]>).push([id, tip]);
      }
      const set = db.prepare('INSERT OR REPLACE INTO shard_digests (shard, digest) VALUES (?, ?)');
      const drop = db.prepare('DELETE FROM shard_digests WHERE shard = ?');
      for (const s of new Set([...(this.o.stale ?? []), ...groups.keys(), ...(this.o.stale ? [] : storedShards(db))])) {
        const pairs = groups.get(s);
        if (pairs) set.run(s, digestOf(pairs));
        else drop.run(s);
      }
      const stored = Object.fromEntries(db.prepare('SELECT shard, digest FROM shard_digests').raw().all() as Array<[string, string]>);
      if (token !== null && changedShards(stored, want).length === 0) db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('token', ?)`).run(token);
      else db.prepare(`DELETE FROM meta WHERE key = 'token'`).run();
    }).immediate();
    return countRows(db, { read: this.added.size, removed: removed.length, total: 0, errors: [] });
  }
}

function storedShards(db: Db): string[] {
  return db.prepare('SELECT shard FROM shard_digests').pluck().all() as string[];
}

/** Totals and unreadable entities as stored. */
export function countRows(db: Db, report: RefreshReport): RefreshReport {
  report.total = db.prepare('SELECT count(*) FROM milestones WHERE error IS NULL').pluck().get() as number;
  report.errors = db.prepare('SELECT id, error AS message FROM milestones WHERE error IS NOT NULL ORDER BY id').all() as RefreshReport['errors'];
  return report;
}
