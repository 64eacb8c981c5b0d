/**
 * Bringing the shards in line with the refs, and writing changed rows into them. Freshness:
 * meta.json holds the refs fingerprint (directory mtimes, packed-refs stat) the shards were
 * verified against. If it still matches, nothing is listed. Otherwise (a write of ours, a `git
 * fetch`, a `git update-ref`) the ref tips are listed, per-shard digests of (id, tip) say which
 * shards are stale, and only entities whose tip moved are read again, in one batch. The token is
 * stored only when every shard's digest then equals the listing's, so a sync that raced a rebuild
 * or another writer never marks an incomplete index fresh.
 */
import { summarize } from '../../domain/query';
import type { MilestoneState } from '../../domain/types';
import type { EntityStore } from '../../storage/entity/EntityStore';
import { refPrefix } from '../../storage/entity/layout';
import type { RefreshReport } from '../MilestoneIndex';
import { changedShards, digestOf, shardDigests, shardKey } from '../shared/digests';
import { applyRows, type RowChange } from './applyRows';
import { withIndexLock } from './indexLock';
import { damagedShards, repairShards } from './repairShards';
import { indexOutdated, readMeta, readShard, shardPath, writeJsonAtomic, writeMeta, type Meta, type Shard } from './shardFiles';

export interface SyncOptions {
  dir: string;
  store: EntityStore<MilestoneState>;
  /** Reads everything again (an index left by another INDEX_VERSION). */
  rebuild: () => Promise<RefreshReport>;
}

/** Applies changes to the shards they touch, writes those, and updates their digests in `meta`. */
export function writeRows(dir: string, meta: Meta, changes: RowChange[], removed: string[], verified: string[] = []): void {
  const shards = new Map<string, Shard>();
  const dirty = applyRows({ shards, changes, removed, load: (s) => readShard(dir, s) });
  const bad = { ...meta.unreadable };
  for (const c of changes) if (c.error !== undefined) bad[c.id] = c.error; else delete bad[c.id];
  for (const id of removed) delete bad[id];
  if (Object.keys(bad).length > 0) meta.unreadable = bad;
  else delete meta.unreadable;
  for (const s of new Set([...dirty, ...verified])) {
    const shard = shards.get(s) ?? readShard(dir, s);
    if (dirty.has(s)) writeJsonAtomic(shardPath(dir, s), shard);
    const pairs = Object.entries(shard.entities).map(([id, row]): [string, string] => [id, row.tip]);
    if (pairs.length > 0) meta.digests[s] = digestOf(pairs);
    else delete meta.digests[s];
  }
}

export async function syncShards(o: SyncOptions, force: boolean): Promise<{ meta: Meta; report: RefreshReport }> {
  const { dir, store } = o;
  if (indexOutdated(dir)) {
    const report = await o.rebuild();
    return { meta: readMeta(dir), report };
  }
  const refs = store.storage.refs;
  const prefix = refPrefix(store.def.kind);
  let fp = await refs.fingerprint(prefix);
  let meta = readMeta(dir);
  const report: RefreshReport = { read: 0, removed: 0, total: 0, errors: [] };
  if (!force && meta.token !== null && meta.token === fp.token) return { meta, report };
  if (refs.compact && (await refs.compact(prefix))) fp = await refs.fingerprint(prefix);
  const tips = await store.list();
  const want = shardDigests(tips);
  const stale = force ? [...new Set([...Object.keys(meta.digests), ...Object.keys(want)])].sort() : changedShards(meta.digests, want);
  const lost = damagedShards(dir, stale.filter((s) => meta.digests[s]));
  if (lost.length > 0) await repairShards(dir, lost);
  const known = new Map<string, string>();
  for (const s of stale) for (const [id, row] of Object.entries(readShard(dir, s).entities)) known.set(id, row.tip);
  const moved = new Map([...tips].filter(([id, tip]) => stale.includes(shardKey(id)) && known.get(id) !== tip));
  const removed = [...known.keys()].filter((id) => !tips.has(id));
  const changes: RowChange[] = [];
  for (const [id, r] of await store.readMany(moved)) {
    if ('error' in r) changes.push({ id, tip: r.tip, summary: null, state: null, error: r.error.message });
    else changes.push({ id, tip: r.tip, summary: summarize(r.state), state: r.state });
  }
  await withIndexLock(dir, () => {
    meta = readMeta(dir);
    writeRows(dir, meta, changes, removed, stale);
    // Fresh only if every shard now holds exactly the listed tips: a rebuild or another writer
    // may have replaced shards since this sync read them.
    meta.token = !fp.racy && changedShards(meta.digests, want).length === 0 ? fp.token : null;
    writeMeta(dir, meta);
  });
  report.read = changes.length;
  report.removed = removed.length;
  return { meta, report };
}

/** Totals and unreadable entities, from the shards named in `meta`. */
export function countRows(dir: string, meta: Meta, report: RefreshReport): RefreshReport {
  for (const s of Object.keys(meta.digests)) {
    for (const [id, row] of Object.entries(readShard(dir, s).entities)) {
      if (row.error) report.errors.push({ id, message: row.error });
      else report.total++;
    }
  }
  return report;
}
