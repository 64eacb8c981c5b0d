/**
 * Batched snapshot reads for many entities at once (index refresh, rebuild): all commits in one
 * readMany, all trees in a second, all snapshot blobs in a third. An entity that fails to read is
 * reported in its own slot and does not stop the others.
 */
import type { ObjectStore, Oid } from '../ports';
import { checkVersion, corrupt, entryOid, refName, SNAPSHOT_FILE } from './layout';
import { parseSnapshot } from './readTip';

export type TipRead<S> = { tip: Oid; state: S } | { tip: Oid; error: Error };

export interface ReadTipsOptions {
  objects: ObjectStore;
  kind: string;
  tips: Map<string, Oid>;
  /** The highest format level the reader knows, and its release (layout.ts checkVersion). */
  readLevel?: number;
  release?: string;
}

export async function readTips<S>(o: ReadTipsOptions): Promise<Map<string, TipRead<S>>> {
  const out = new Map<string, TipRead<S>>();
  const commits = await o.objects.readMany([...new Set(o.tips.values())]);
  const treeOf = new Map<string, Oid>();
  for (const [id, tip] of o.tips) {
    const c = commits.get(tip);
    if (c && c.type === 'commit') treeOf.set(id, c.commit.tree);
    else out.set(id, { tip, error: corrupt(refName(o.kind, id), `tip ${tip.slice(0, 12)} is missing or not a commit`) });
  }
  const trees = await o.objects.readMany([...new Set(treeOf.values())]);
  const blobOf = new Map<string, Oid>();
  for (const [id, treeOid] of treeOf) {
    const ref = refName(o.kind, id);
    const t = trees.get(treeOid);
    try {
      if (!t || t.type !== 'tree') throw corrupt(ref, 'tip tree is missing');
      checkVersion(ref, t.entries, o.readLevel, o.release);
      blobOf.set(id, entryOid(ref, t.entries, SNAPSHOT_FILE, true) as Oid);
    } catch (e) {
      out.set(id, { tip: o.tips.get(id) as Oid, error: e as Error });
    }
  }
  const blobs = await o.objects.readMany([...new Set(blobOf.values())]);
  for (const [id, blobOid] of blobOf) {
    const tip = o.tips.get(id) as Oid;
    const b = blobs.get(blobOid);
    try {
      if (!b || b.type !== 'blob') throw corrupt(refName(o.kind, id), 'snapshot blob is missing');
      out.set(id, { tip, state: parseSnapshot<S>(refName(o.kind, id), b.data) });
    } catch (e) {
      out.set(id, { tip, error: e as Error });
    }
  }
  return out;
}
