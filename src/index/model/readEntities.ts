/**
 * Bulk reads for the database indexes: the current state AND the whole operation history of many
 * entities at once. Commits are read a generation at a time across all entities (one batched
 * read per generation), then every tree in one batch, then every operation pack and tip snapshot
 * in one more. Entities are taken in chunks so memory stays bounded on long histories. An entity
 * that cannot be read is reported in its own slot and does not stop the others.
 */
import { corrupt, checkVersion, entityParents, entryOid, FORMAT_VERSION, OPS_FILE, refName, SNAPSHOT_FILE } from '../../storage/entity/layout';
import { parseSnapshot } from '../../storage/entity/readTip';
import type { CommitData, ObjectStore, Oid } from '../../storage/ports';
import type { Operation } from '../../domain/types';

export interface HistoryOp {
  commit: Oid;
  seq: number;
  op: Operation;
}

export type EntityRead<S> = { tip: Oid; state: S; ops: HistoryOp[] } | { tip: Oid; error: Error };

/**
 * Entities per batched read. Small enough that a chunk's objects die young: with 500, a chunk
 * outlived two scavenges, so its objects were promoted to the old generation, which V8 let grow to
 * ≈4× its live size between full collections (a cold rebuild of 10,000 milestones peaked at
 * 240 MB RSS; 175 MB with 100, in the same time).
 */
const CHUNK = 100;

export async function readEntities<S>(objects: ObjectStore, kind: string, tips: Map<string, Oid>, each: (id: string, r: EntityRead<S>) => void | Promise<void>): Promise<void> {
  const ids = [...tips.keys()];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = new Map(ids.slice(i, i + CHUNK).map((id) => [id, tips.get(id) as Oid]));
    for (const [id, r] of await readChunk<S>(objects, kind, chunk)) await each(id, r);
  }
}

async function readChunk<S>(objects: ObjectStore, kind: string, tips: Map<string, Oid>): Promise<Map<string, EntityRead<S>>> {
  const out = new Map<string, EntityRead<S>>();
  const fail = (id: string, e: unknown) => out.set(id, { tip: tips.get(id) as Oid, error: e as Error });
  const commits = new Map<Oid, CommitData>();
  const owner = new Map<Oid, string>();
  const members = new Map<string, Oid[]>();
  let frontier = [...tips].map(([id, tip]) => (owner.set(tip, id), tip));
  while (frontier.length > 0) {
    const read = await objects.readMany(frontier);
    const next: Oid[] = [];
    for (const oid of frontier) {
      const id = owner.get(oid) as string;
      const obj = read.get(oid);
      if (out.has(id)) continue;
      if (!obj || obj.type !== 'commit') {
        fail(id, corrupt(refName(kind, id), `commit ${oid.slice(0, 12)} is missing or not a commit`));
        continue;
      }
      commits.set(oid, obj.commit);
      members.set(id, [...(members.get(id) ?? []), oid]);
      for (const p of entityParents(obj.commit)) {
        if (!owner.has(p)) {
          owner.set(p, id);
          next.push(p);
        }
      }
    }
    frontier = next;
  }
  const trees = await objects.readMany([...new Set([...commits.values()].map((c) => c.tree))]);
  const blobFor = new Map<Oid, Oid>();
  const snapshotOf = new Map<string, Oid>();
  for (const [id, oids] of members) {
    if (out.has(id)) continue;
    const ref = refName(kind, id);
    try {
      for (const oid of oids) {
        const t = trees.get((commits.get(oid) as CommitData).tree);
        if (!t || t.type !== 'tree') throw corrupt(ref, `tree of ${oid.slice(0, 12)} is missing`);
        checkVersion(ref, t.entries);
        const pack = entryOid(ref, t.entries, OPS_FILE, false);
        if (pack) blobFor.set(oid, pack);
        if (oid === tips.get(id)) snapshotOf.set(id, entryOid(ref, t.entries, SNAPSHOT_FILE, true) as Oid);
      }
    } catch (e) {
      fail(id, e);
    }
  }
  const blobs = await objects.readMany([...new Set([...blobFor.values(), ...snapshotOf.values()])]);
  for (const [id, oids] of members) {
    if (out.has(id)) continue;
    const ref = refName(kind, id);
    try {
      const snap = blobs.get(snapshotOf.get(id) as Oid);
      if (!snap || snap.type !== 'blob') throw corrupt(ref, 'snapshot blob is missing');
      const ops: HistoryOp[] = [];
      for (const commit of oids) {
        if (!blobFor.has(commit)) continue;
        const b = blobs.get(blobFor.get(commit) as Oid);
        if (!b || b.type !== 'blob') throw corrupt(ref, `operation pack of ${commit.slice(0, 12)} is missing`);
        packOps(ref, b.data).forEach((op, seq) => ops.push({ commit, seq, op }));
      }
      out.set(id, { tip: tips.get(id) as Oid, state: parseSnapshot<S>(ref, snap.data), ops });
    } catch (e) {
      fail(id, e);
    }
  }
  return out;
}

/** The operations of a pack, without hashing them (the engine's full read validates; a cache lists). */
function packOps(ref: string, data: Buffer): Operation[] {
  let pack: { version?: unknown; ops?: unknown };
  try {
    pack = JSON.parse(data.toString('utf8')) as typeof pack;
  } catch {
    throw corrupt(ref, 'operation pack is not valid JSON');
  }
  if (!pack || pack.version !== FORMAT_VERSION || !Array.isArray(pack.ops)) throw corrupt(ref, 'operation pack is malformed');
  return pack.ops as Operation[];
}
