/**
 * Brings the SQLite index in line with the refs, the same way the file index does: if the refs
 * fingerprint matches the stored token nothing is listed; otherwise the tips are listed, per-shard
 * digests of (id, tip) say which shards changed, and only entities in those shards whose tip
 * moved are read again (state and history, in batched reads) and rewritten by SqliteLoad, which
 * stores digests and the token last (an interrupted sync is finished by the next one).
 */
import type { MilestoneState } from '../../domain/types';
import type { EntityStore } from '../../storage/entity/EntityStore';
import { refPrefix } from '../../storage/entity/layout';
import type { Oid } from '../../storage/ports';
import type { RefreshReport } from '../MilestoneIndex';
import { readEntities } from '../model/readEntities';
import { changedShards, shardDigests, shardKey } from '../shared/digests';
import { SqliteLoad } from './loadRows';
import type { Db } from './openSqlite';
import { metaToken } from './storedList';

export async function syncSqlite(db: Db, store: EntityStore<MilestoneState>, force: boolean): Promise<RefreshReport> {
  const refs = store.storage.refs;
  const prefix = refPrefix(store.def.kind);
  let fp = await refs.fingerprint(prefix);
  if (!force && metaToken(db) === fp.token) return { read: 0, removed: 0, total: 0, errors: [] };
  if (refs.compact && (await refs.compact(prefix))) fp = await refs.fingerprint(prefix);
  const tips = await store.list();
  const digests = shardDigests(tips);
  const stored = Object.fromEntries(db.prepare('SELECT shard, digest FROM shard_digests').raw().all() as Array<[string, string]>);
  const stale = new Set(force ? [...Object.keys(stored), ...Object.keys(digests)] : changedShards(stored, digests));
  const known = new Map<string, string>();
  for (const [id, tip] of db.prepare('SELECT id, tip FROM milestones').raw().iterate() as IterableIterator<[string, string]>) {
    if (stale.has(shardKey(id))) known.set(id, tip);
  }
  const moved = new Map<Oid, Oid>([...tips].filter(([id, tip]) => stale.has(shardKey(id)) && (force || known.get(id) !== tip)));
  const removed = [...known.keys()].filter((id) => !tips.has(id));
  const load = new SqliteLoad(db, { rebuild: force, stale });
  await readEntities<MilestoneState>(store.storage.objects, store.def.kind, moved, (id, r) => load.add(id, r));
  const report = await load.commit(tips, fp.racy ? null : fp.token, removed);
  return { ...report, read: moved.size, removed: removed.length };
}
