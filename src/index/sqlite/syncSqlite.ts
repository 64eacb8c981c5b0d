/**
 * Brings the SQLite index in line with the refs, the same way the file index does: if the refs
 * fingerprint matches the stored token nothing is listed; otherwise the tips are listed, per-shard
 * digests of (id, tip) say which shards changed, and only entities in those shards whose tip
 * moved are read again (state and history, in batched reads) and rewritten, a chunk per
 * transaction. Digests and the token are stored last, so an interrupted sync is finished by the
 * next one.
 */
import type { MilestoneState } from '../../domain/types';
import type { EntityStore } from '../../storage/entity/EntityStore';
import { refPrefix } from '../../storage/entity/layout';
import type { Oid } from '../../storage/ports';
import { changedShards, shardDigests, shardKey } from '../file/digests';
import type { RefreshReport } from '../MilestoneIndex';
import { entityRows, type EntityRows } from '../model/entityRows';
import { readEntities } from '../model/readEntities';
import type { Db } from './openSqlite';
import { INDEX_NAMES, INDEXES_SQL } from './schema';
import { SqliteWriter } from './writeRows';

const BATCH = 500;

export async function syncSqlite(db: Db, store: EntityStore<MilestoneState>, force: boolean): Promise<RefreshReport> {
  const report: RefreshReport = { read: 0, removed: 0, total: 0, errors: [] };
  const refs = store.storage.refs;
  const prefix = refPrefix(store.def.kind);
  let fp = await refs.fingerprint(prefix);
  const token = db.prepare(`SELECT value FROM meta WHERE key = 'token'`).pluck().get();
  if (!force && token === fp.token) return report;
  if (refs.compact && (await refs.compact(prefix))) fp = await refs.fingerprint(prefix);
  const tips = await store.list();
  const digests = shardDigests(tips);
  const stored = Object.fromEntries(db.prepare('SELECT shard, digest FROM shard_digests').raw().all() as Array<[string, string]>);
  const stale = new Set(force ? [...Object.keys(stored), ...Object.keys(digests)] : changedShards(stored, digests));
  const known = new Map<string, string>();
  const all = db.prepare('SELECT id, tip FROM milestones').raw().iterate() as IterableIterator<[string, string]>;
  for (const [id, tip] of all) if (stale.has(shardKey(id))) known.set(id, tip);
  const moved = new Map<string, Oid>([...tips].filter(([id, tip]) => stale.has(shardKey(id)) && (force || known.get(id) !== tip)));
  const removed = [...known.keys()].filter((id) => !tips.has(id));
  const fresh = known.size === 0 && db.prepare('SELECT count(*) FROM milestones').pluck().get() === 0;
  // Loading an empty index: build the secondary indexes once at the end instead of row by row.
  if (fresh && moved.size > 0) for (const name of INDEX_NAMES) db.exec(`DROP INDEX IF EXISTS ${name}`);
  const writer = new SqliteWriter(db);
  let batch: EntityRows[] = [];
  const flush = () => {
    const rows = batch;
    batch = [];
    db.transaction(() => rows.forEach((r) => writer.put(r, fresh))).immediate();
  };
  await readEntities<MilestoneState>(store.storage.objects, store.def.kind, moved, (id, r) => {
    batch.push(entityRows(id, r));
    if (batch.length >= BATCH) flush();
  });
  flush();
  db.transaction(() => {
    db.exec(INDEXES_SQL);
    for (const id of removed) writer.remove(id);
    const setDigest = db.prepare('INSERT OR REPLACE INTO shard_digests (shard, digest) VALUES (?, ?)');
    const dropDigest = db.prepare('DELETE FROM shard_digests WHERE shard = ?');
    for (const s of stale) digests[s] ? setDigest.run(s, digests[s]) : dropDigest.run(s);
    if (moved.size > 0 || removed.length > 0) db.prepare('DELETE FROM list_cache').run();
    if (fp.racy) db.prepare(`DELETE FROM meta WHERE key = 'token'`).run();
    else db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('token', ?)`).run(fp.token);
  }).immediate();
  report.read = moved.size;
  report.removed = removed.length;
  return report;
}

/** Totals and unreadable entities as stored. */
export function countRows(db: Db, report: RefreshReport): RefreshReport {
  report.total = db.prepare('SELECT count(*) FROM milestones WHERE error IS NULL').pluck().get() as number;
  report.errors = db.prepare('SELECT id, error AS message FROM milestones WHERE error IS NOT NULL ORDER BY id').all() as RefreshReport['errors'];
  return report;
}
