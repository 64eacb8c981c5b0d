/**
 * How two tips of one entity relate: the same commit, one containing the other, or diverged. Both
 * histories are walked breadth-first in lockstep. The walks of many entities share each round
 * trip: one readMany per generation for all of them. So after a fetch, deciding that 10,000
 * entities simply moved forward costs a few batched reads, not 10,000 walks.
 */
import type { ObjectStore, Oid } from '../ports';
import { corrupt, entityParents } from './layout';

/** `contains`: local already holds other; `behind`: other holds local (fast-forward); `diverged`. */
export type TipRelation = 'same' | 'contains' | 'behind' | 'diverged';

export interface TipPair {
  ref: string;
  local: Oid;
  other: Oid;
}

interface Walk {
  pair: TipPair;
  seen: [Set<Oid>, Set<Oid>];
  frontier: [Oid[], Oid[]];
  result?: TipRelation | Error;
}

function decide(w: Walk): void {
  if (w.seen[0].has(w.pair.other)) w.result = 'contains';
  else if (w.seen[1].has(w.pair.local)) w.result = 'behind';
  else if (w.frontier[0].length === 0 && w.frontier[1].length === 0) w.result = 'diverged';
}

/** Relations keyed like `pairs`; an entity whose commits cannot be read gets its error instead. */
export async function relateTips(objects: ObjectStore, pairs: Map<string, TipPair>): Promise<Map<string, TipRelation | Error>> {
  const walks = new Map<string, Walk>();
  for (const [key, pair] of pairs) {
    const w: Walk = { pair, seen: [new Set([pair.local]), new Set([pair.other])], frontier: [[pair.local], [pair.other]] };
    if (pair.local === pair.other) w.result = 'same';
    walks.set(key, w);
  }
  for (;;) {
    const open = [...walks.values()].filter((w) => w.result === undefined);
    if (open.length === 0) break;
    const wanted = new Set<Oid>();
    for (const w of open) for (const f of w.frontier) for (const oid of f) wanted.add(oid);
    const read = await objects.readMany([...wanted]);
    for (const w of open) {
      for (const side of [0, 1] as const) {
        const next: Oid[] = [];
        for (const oid of w.frontier[side]) {
          const obj = read.get(oid);
          if (!obj || obj.type !== 'commit') {
            w.result = corrupt(w.pair.ref, `commit ${oid.slice(0, 12)} is missing or not a commit`);
            break;
          }
          for (const p of entityParents(obj.commit)) {
            if (!w.seen[side].has(p)) {
              w.seen[side].add(p);
              next.push(p);
            }
          }
        }
        w.frontier[side] = next;
      }
      if (w.result === undefined) decide(w);
    }
  }
  return new Map([...walks].map(([key, w]) => [key, w.result as TipRelation | Error]));
}
