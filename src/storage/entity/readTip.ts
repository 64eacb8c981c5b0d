/**
 * Reads an entity's current state from its tip: ref → commit → tree → snapshot blob. A tip marked
 * with a format level above `readLevel` is FORMAT_TOO_NEW (layout.ts); the level is returned so an
 * append can carry it on.
 */
import { checkSnapshotLimit } from '../../domain/limits';
import type { ObjectStore, Oid } from '../ports';
import { checkVersion, corrupt, entryOid, SNAPSHOT_FILE, type FormatNeed } from './layout';

export interface ReadTipOptions {
  objects: ObjectStore;
  ref: string;
  tip: Oid;
  readLevel?: number;
  release?: string;
}

export async function readTip<S>(o: ReadTipOptions): Promise<{ state: S; need: FormatNeed | null }> {
  let tree;
  try {
    const commit = await o.objects.readCommit(o.tip);
    tree = await o.objects.readTree(commit.tree);
  } catch (e) {
    throw corrupt(o.ref, `cannot read tip ${o.tip.slice(0, 12)}: ${(e as Error).message}`);
  }
  const need = checkVersion(o.ref, tree, o.readLevel, o.release);
  const snapshotOid = entryOid(o.ref, tree, SNAPSHOT_FILE, true) as Oid;
  return { state: parseSnapshot<S>(o.ref, await o.objects.readBlob(snapshotOid)), need };
}

export function parseSnapshot<S>(ref: string, data: Buffer): S {
  checkSnapshotLimit(ref, data.length);
  try {
    const state = JSON.parse(data.toString('utf8')) as S;
    if (!state || typeof state !== 'object') throw new Error('not an object');
    return state;
  } catch {
    throw corrupt(ref, 'snapshot.json is not valid JSON');
  }
}
