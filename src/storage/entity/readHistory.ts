/**
 * Reads entities' whole commit graphs and validates them (validateHistory.ts). Objects are read
 * a generation at a time with readMany, shared by all the entities asked for at once (readHistories:
 * a pull of 10,000 new entities costs a few batched reads, not 40,000), so a long history or many
 * entities cost a few batched round trips. An entity that fails is reported in its own slot.
 */
import type { CommitData, ObjectStore, Oid } from '../ports';
import { GenerationReader } from './generationReader';
import { corrupt, entityParents, type FormatNeed } from './layout';
import type { EntityDefinition } from './types';
import { packsOf, validateHistory, type History, type HistoryRequest } from './validateHistory';

export type { History, HistoryRequest };

export interface ReadHistoryOptions<S> {
  objects: ObjectStore;
  def: EntityDefinition<S>;
  ref: string;
  id: string;
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
      out.set(w.id, validateHistory(def, w, graphs.get(w.id) as Map<Oid, CommitData>, packs.get(w.id) as Map<Oid, Oid>, blobs, need));
    } catch (e) {
      out.set(w.id, e as Error);
    }
  }
  return out;
}
