/**
 * Reads an entity's current state from its tip: ref → commit → tree → snapshot blob.
 */
import type { ObjectStore, Oid } from '../ports';
import { checkVersion, corrupt, entryOid, SNAPSHOT_FILE } from './layout';

export interface ReadTipOptions {
  objects: ObjectStore;
  ref: string;
  tip: Oid;
}

export async function readTip<S>(o: ReadTipOptions): Promise<S> {
  let tree;
  try {
    const commit = await o.objects.readCommit(o.tip);
    tree = await o.objects.readTree(commit.tree);
  } catch (e) {
    throw corrupt(o.ref, `cannot read tip ${o.tip.slice(0, 12)}: ${(e as Error).message}`);
  }
  checkVersion(o.ref, tree);
  const snapshotOid = entryOid(o.ref, tree, SNAPSHOT_FILE, true) as Oid;
  return parseSnapshot<S>(o.ref, await o.objects.readBlob(snapshotOid));
}

export function parseSnapshot<S>(ref: string, data: Buffer): S {
  try {
    const state = JSON.parse(data.toString('utf8')) as S;
    if (!state || typeof state !== 'object') throw new Error('not an object');
    return state;
  } catch {
    throw corrupt(ref, 'snapshot.json is not valid JSON');
  }
}
