/**
 * Reads an entity's whole commit graph and validates it: every tree carries a supported format
 * version, there is exactly one root, the root holds only the creating operation whose hash is the
 * entity id, merges carry no operations, and Lamport times rise along every edge. Objects are read
 * a generation at a time with readMany, so a long history costs a few batched round trips.
 */
import type { StoredOperation } from '../../domain/types';
import type { CommitData, ObjectStore, Oid } from '../ports';
import { checkVersion, corrupt, entryOid, OPS_FILE } from './layout';
import { decodePack, sortOps } from './pack';
import type { EntityDefinition, HistoryCommit } from './types';

export interface ReadHistoryOptions<S> {
  objects: ObjectStore;
  def: EntityDefinition<S>;
  ref: string;
  id: string;
  tip: Oid;
}

export async function readHistory<S>(o: ReadHistoryOptions<S>): Promise<{ commits: HistoryCommit[]; ops: StoredOperation[] }> {
  const commits = new Map<Oid, CommitData>();
  let frontier = [o.tip];
  while (frontier.length > 0) {
    const read = await o.objects.readMany(frontier);
    const next: Oid[] = [];
    for (const oid of frontier) {
      const obj = read.get(oid);
      if (!obj || obj.type !== 'commit') throw corrupt(o.ref, `commit ${oid.slice(0, 12)} is missing or not a commit`);
      commits.set(oid, obj.commit);
      for (const p of obj.commit.parents) if (!commits.has(p) && !next.includes(p)) next.push(p);
    }
    frontier = next;
  }
  const trees = await o.objects.readMany([...new Set([...commits.values()].map((c) => c.tree))]);
  const packOids = new Map<Oid, Oid>();
  for (const [oid, c] of commits) {
    const tree = trees.get(c.tree);
    if (!tree || tree.type !== 'tree') throw corrupt(o.ref, `tree of ${oid.slice(0, 12)} is missing`);
    checkVersion(o.ref, tree.entries);
    const pack = entryOid(o.ref, tree.entries, OPS_FILE, false);
    if (pack && c.parents.length > 1) throw corrupt(o.ref, `merge commit ${oid.slice(0, 12)} carries operations`);
    if (!pack && c.parents.length < 2) throw corrupt(o.ref, `commit ${oid.slice(0, 12)} has no operation pack`);
    if (pack) packOids.set(oid, pack);
  }
  const blobs = await o.objects.readMany([...new Set(packOids.values())]);
  const ordered = topoOrder(o.ref, commits);
  const clockAt = new Map<Oid, number>();
  const history: HistoryCommit[] = [];
  for (const oid of ordered) {
    const c = commits.get(oid) as CommitData;
    const blob = packOids.has(oid) ? blobs.get(packOids.get(oid) as Oid) : undefined;
    const ops = blob && blob.type === 'blob' ? decodePack(o.ref, blob.data, (op) => o.def.check(op)) : [];
    if (packOids.has(oid) && !blob) throw corrupt(o.ref, `operation pack of ${oid.slice(0, 12)} is missing`);
    const inherited = Math.max(0, ...c.parents.map((p) => clockAt.get(p) ?? 0));
    for (const s of ops) {
      if (s.op.lamport <= inherited) throw corrupt(o.ref, `Lamport time ${s.op.lamport} in ${oid.slice(0, 12)} does not rise above its parents' ${inherited}`);
    }
    clockAt.set(oid, Math.max(inherited, ...ops.map((s) => s.op.lamport)));
    history.push({ oid, parents: c.parents, ops });
  }
  const root = history[0];
  if (root.ops.length !== 1 || root.ops[0].op.type !== o.def.createType || root.ops[0].hash !== o.id) {
    throw corrupt(o.ref, `root commit ${root.oid.slice(0, 12)} does not hold the ${o.def.createType} operation whose hash is the entity id`);
  }
  return { commits: history, ops: sortOps(history.flatMap((h) => h.ops)) };
}

/** Parents before children; refuses more than one root. */
function topoOrder(ref: string, commits: Map<Oid, CommitData>): Oid[] {
  const roots = [...commits].filter(([, c]) => c.parents.length === 0).map(([oid]) => oid);
  if (roots.length !== 1) throw corrupt(ref, `history has ${roots.length} root commits; an entity has exactly one`);
  const children = new Map<Oid, Oid[]>();
  const pending = new Map<Oid, number>();
  for (const [oid, c] of commits) {
    pending.set(oid, c.parents.length);
    for (const p of c.parents) children.set(p, [...(children.get(p) ?? []), oid]);
  }
  const order: Oid[] = [];
  const queue = [...roots];
  while (queue.length > 0) {
    const oid = queue.shift() as Oid;
    order.push(oid);
    for (const child of (children.get(oid) ?? []).sort()) {
      const left = (pending.get(child) as number) - 1;
      pending.set(child, left);
      if (left === 0) queue.push(child);
    }
  }
  return order;
}
