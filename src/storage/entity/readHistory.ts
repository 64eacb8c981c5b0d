/**
 * Reads entities' whole commit graphs and validates them: every tree carries a supported format
 * version, there is exactly one root, the root holds only the creating operation whose hash is the
 * entity id, merges carry no operations, and Lamport times rise along every edge. Objects are read
 * a generation at a time with readMany, shared by all the entities asked for at once (readHistories:
 * a pull of 10,000 new entities costs a few batched reads, not 40,000), so a long history or many
 * entities cost a few batched round trips. An entity that fails is reported in its own slot.
 */
import { MilestoneError } from '../../errors/MilestoneError';
import type { StoredOperation } from '../../domain/types';
import type { CommitData, ObjectStore, Oid } from '../ports';
import { GenerationReader } from './generationReader';
import { checkVersion, corrupt, entityParents, entryOid, formatTooNew, OPS_FILE, type FormatNeed } from './layout';
import { decodePack, sortOps } from './pack';
import type { EntityDefinition, HistoryCommit } from './types';

export interface ReadHistoryOptions<S> {
  objects: ObjectStore;
  def: EntityDefinition<S>;
  ref: string;
  id: string;
  tip: Oid;
}

export interface History {
  commits: HistoryCommit[];
  ops: StoredOperation[];
  /** The highest format level any commit is marked with (null: none, the base level). */
  need: FormatNeed | null;
}

export interface HistoryRequest {
  id: string;
  ref: string;
  tip: Oid;
}

/** One entity's validated history; throws CORRUPT_ENTITY naming the ref. */
export async function readHistory<S>(o: ReadHistoryOptions<S>): Promise<History> {
  const r = (await readHistories(o.objects, o.def, [{ id: o.id, ref: o.ref, tip: o.tip }])).get(o.id) as History | Error;
  if (r instanceof Error) throw r;
  return r;
}

/** Many entities' validated histories (or the error of each that fails), by id. */
export async function readHistories<S>(objects: ObjectStore, def: EntityDefinition<S>, wanted: HistoryRequest[]): Promise<Map<string, History | Error>> {
  const out = new Map<string, History | Error>();
  const graphs = new Map(wanted.map((w) => [w.id, new Map<Oid, CommitData>()]));
  let frontier = wanted.map((w) => ({ w, oids: [w.tip] }));
  const walk = new GenerationReader(objects);
  while (frontier.length > 0) {
    const read = await walk.next([...new Set(frontier.flatMap((f) => f.oids))]);
    const next: typeof frontier = [];
    for (const { w, oids } of frontier) {
      const commits = graphs.get(w.id) as Map<Oid, CommitData>;
      const more: Oid[] = [];
      try {
        for (const oid of oids) {
          const obj = read.get(oid);
          if (!obj || obj.type !== 'commit') throw corrupt(w.ref, `commit ${oid.slice(0, 12)} is missing or not a commit`);
          commits.set(oid, obj.commit);
          for (const p of entityParents(obj.commit)) if (!commits.has(p) && !more.includes(p)) more.push(p);
        }
        if (more.length > 0) next.push({ w, oids: more });
      } catch (e) {
        out.set(w.id, e as Error);
      }
    }
    frontier = next;
  }
  const live = wanted.filter((w) => !out.has(w.id));
  const trees = await objects.readMany([...new Set(live.flatMap((w) => [...(graphs.get(w.id) as Map<Oid, CommitData>).values()].map((c) => c.tree)))]);
  const packs = new Map<string, Map<Oid, Oid>>();
  const needs = new Map<string, FormatNeed | null>();
  for (const w of live) {
    try {
      const found = packsOf(w.ref, graphs.get(w.id) as Map<Oid, CommitData>, trees);
      packs.set(w.id, found.packs);
      needs.set(w.id, found.need);
    } catch (e) {
      out.set(w.id, e as Error);
    }
  }
  const blobs = await objects.readMany([...new Set([...packs.values()].flatMap((m) => [...m.values()]))]);
  for (const w of live) {
    if (out.has(w.id)) continue;
    try {
      const need = needs.get(w.id) ?? null;
      out.set(w.id, validate(def, w, graphs.get(w.id) as Map<Oid, CommitData>, packs.get(w.id) as Map<Oid, Oid>, blobs, need));
    } catch (e) {
      out.set(w.id, e as Error);
    }
  }
  return out;
}

/**
 * Commit → its operation pack blob, and the highest level marked; checks each tree's version and
 * where packs may be. A level above the reader's is refused later (validate), once the operation
 * this build does not know can be named.
 */
function packsOf(
  ref: string, commits: Map<Oid, CommitData>, trees: Awaited<ReturnType<ObjectStore['readMany']>>,
): { packs: Map<Oid, Oid>; need: FormatNeed | null } {
  const packOids = new Map<Oid, Oid>();
  let need: FormatNeed | null = null;
  for (const [oid, c] of commits) {
    const tree = trees.get(c.tree);
    if (!tree || tree.type !== 'tree') throw corrupt(ref, `tree of ${oid.slice(0, 12)} is missing`);
    const marked = checkVersion(ref, tree.entries, Infinity);
    if (marked && marked.level > (need?.level ?? 0)) need = marked;
    const pack = entryOid(ref, tree.entries, OPS_FILE, false);
    const parents = entityParents(c).length;
    if (pack && parents > 1) throw corrupt(ref, `merge commit ${oid.slice(0, 12)} carries operations`);
    if (!pack && parents < 2) throw corrupt(ref, `commit ${oid.slice(0, 12)} has no operation pack`);
    if (pack) packOids.set(oid, pack);
  }
  return { packs: packOids, need };
}

function decode<S>(def: EntityDefinition<S>, ref: string, data: Buffer, need: FormatNeed | null): StoredOperation[] {
  try {
    return decodePack(ref, data, (op) => def.check(op));
  } catch (e) {
    if (!(e instanceof MilestoneError) || e.code !== 'FORMAT_TOO_NEW') throw e;
    throw formatTooNew(ref, def.format.release, { need, type: String(e.data?.type) });
  }
}

function validate<S>(
  def: EntityDefinition<S>, w: HistoryRequest, commits: Map<Oid, CommitData>, packOids: Map<Oid, Oid>,
  blobs: Awaited<ReturnType<ObjectStore['readMany']>>, need: FormatNeed | null,
): History {
  const ordered = topoOrder(w.ref, commits);
  const clockAt = new Map<Oid, number>();
  const history: HistoryCommit[] = [];
  for (const oid of ordered) {
    const c = commits.get(oid) as CommitData;
    const parents = entityParents(c);
    const blob = packOids.has(oid) ? blobs.get(packOids.get(oid) as Oid) : undefined;
    const ops = blob && blob.type === 'blob' ? decode(def, w.ref, blob.data, need) : [];
    if (packOids.has(oid) && !blob) throw corrupt(w.ref, `operation pack of ${oid.slice(0, 12)} is missing`);
    const inherited = Math.max(0, ...parents.map((p) => clockAt.get(p) ?? 0));
    for (const s of ops) {
      if (s.op.lamport <= inherited) throw corrupt(w.ref, `Lamport time ${s.op.lamport} in ${oid.slice(0, 12)} does not rise above its parents' ${inherited}`);
    }
    clockAt.set(oid, Math.max(inherited, ...ops.map((s) => s.op.lamport)));
    history.push({ oid, parents, ops });
  }
  if (need && need.level > def.format.level) throw formatTooNew(w.ref, def.format.release, { need });
  const root = history[0];
  const first = root.ops[0];
  const idOk = first && (def.idOf ? def.idOf(first.op, first.hash) : first.hash) === w.id;
  if (root.ops.length !== 1 || first.op.type !== def.createType || !idOk) {
    throw corrupt(w.ref, `root commit ${root.oid.slice(0, 12)} does not hold the ${def.createType} operation that gives the entity id`);
  }
  return { commits: history, ops: sortOps(history.flatMap((h) => h.ops)), need };
}

/** Parents before children; refuses more than one root. */
function topoOrder(ref: string, commits: Map<Oid, CommitData>): Oid[] {
  const parentsOf = new Map([...commits].map(([oid, c]) => [oid, entityParents(c)]));
  const roots = [...parentsOf].filter(([, p]) => p.length === 0).map(([oid]) => oid);
  if (roots.length !== 1) throw corrupt(ref, `history has ${roots.length} root commits; an entity has exactly one`);
  const children = new Map<Oid, Oid[]>();
  const pending = new Map<Oid, number>();
  for (const [oid, parents] of parentsOf) {
    pending.set(oid, parents.length);
    for (const p of parents) children.set(p, [...(children.get(p) ?? []), oid]);
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
