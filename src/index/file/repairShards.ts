/**
 * Repair of shard files found missing or damaged (deleted by hand, cut short by a full disk,
 * overwritten). A shard holds entity rows and the task-id and alias lookups that hash to it; its
 * entity rows are simply read again (the shard's digest is dropped, so the next sync sees it stale),
 * and its lookups are recovered from every other shard's rows (each row records its task ids and
 * aliases). The shard file is then written, empty but for those lookups, so a shard that was
 * merely never written (no entity or lookup hashes to it) costs this once.
 */
import type { Meta, Shard } from './shardFiles';
import { aliasShard, emptyShard, listShards, loadShard, readMeta, shardPath, writeJsonAtomic, writeMeta } from './shardFiles';
import { withIndexLock } from './indexLock';

/** Thrown by a read that met a shard meta.json names but whose file is missing or damaged. */
export class ShardDamage extends Error {
  constructor(readonly shards: string[]) {
    super(`index shards ${shards.join(', ')} are missing or damaged`);
  }
}

/** The shards of `shards` whose file is missing or does not parse. */
export function damagedShards(dir: string, shards: string[]): string[] {
  return [...new Set(shards)].filter((s) => loadShard(dir, s) === null);
}

export async function repairShards(dir: string, shards: string[]): Promise<void> {
  const done = await withIndexLock(dir, () => {
    const lost = damagedShards(dir, shards);
    if (lost.length === 0) return true;
    const meta = readMeta(dir);
    const rebuilt = recoverLookups(dir, meta, new Map(lost.map((s) => [s, emptyShard()])));
    for (const [s, shard] of rebuilt) {
      writeJsonAtomic(shardPath(dir, s), shard);
      delete meta.digests[s];
    }
    meta.token = null;
    writeMeta(dir, meta);
    return true;
  });
  if (!done) throw new ShardDamage(shards);
}

/** Fills the lost shards' task and alias lookups from the rows of every shard still readable. */
function recoverLookups(dir: string, meta: Meta, lost: Map<string, Shard>): Map<string, Shard> {
  for (const s of new Set([...listShards(dir), ...Object.keys(meta.digests)])) {
    if (lost.has(s)) continue;
    for (const [id, row] of Object.entries(loadShard(dir, s)?.entities ?? {})) {
      for (const t of row.taskIds ?? []) {
        const into = lost.get(t.slice(0, 2));
        if (into) into.tasks[t] = id;
      }
      for (const a of row.summary?.aliases ?? []) {
        const into = lost.get(aliasShard(a));
        if (into) into.aliases[a] = id;
      }
    }
  }
  return lost;
}
