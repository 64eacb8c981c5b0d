/**
 * Seeded property test of the merge on the in-memory stores: three clones of a few milestones
 * make random valid operations through the engine (so `prev` is stamped as in real use). They
 * sync pairwise in random order and, at the end, in a full round. Every clone must then hold, for
 * every entity, the same snapshot byte for byte. That snapshot must equal the full fold of the
 * entity's history, and no operation written anywhere may be missing.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/domain/canonical';
import { fold } from '../../../src/domain/fold';
import type { MilestoneState } from '../../../src/domain/types';
import { milestoneEntity } from '../../../src/core/milestoneEntity';
import type { OpDraft } from '../../../src/domain/types';
import { EntityStore } from '../../../src/storage/entity/EntityStore';
import { MemoryObjectStore } from '../../../src/storage/memory/MemoryObjectStore';
import { MemoryRefStore } from '../../../src/storage/memory/MemoryRefStore';
import { prng } from '../domain/build';

type Store = EntityStore<MilestoneState>;
const PEOPLE = [{ name: 'Ann', email: 'a@x' }, { name: 'Bob', email: 'b@x' }, { name: 'Cy', email: 'c@x' }];

function randomDraft(s: MilestoneState, pick: <T>(xs: readonly T[]) => T, n: number): OpDraft {
  const live = s.tasks.filter((t) => !t.deleted).map((t) => t.id);
  const drafts: OpDraft[] = [
    { type: 'milestone.set', fields: { title: pick(['T1', 'T2', 'T3']) } },
    { type: 'milestone.set', fields: { status: pick(['planned', 'in_progress', 'completed']), priority: pick(['high', 'low', null]) } },
    { type: 'milestone.set-extra', fields: { [pick(['k1', 'k2'])]: pick([null, n, 'v']) } },
    { type: 'milestone.label', add: [pick(['a', 'b', 'c'])] },
    { type: 'milestone.label', remove: s.labels.length ? [pick(s.labels)] : ['zzz'] },
    { type: 'milestone.depend', add: [pick(['m1', 'm2'])] },
    { type: 'milestone.archive', archived: pick([true, false]) },
    { type: 'task.add', title: `task ${n}`, nonce: `n${n}` },
  ];
  if (live.length > 0) {
    drafts.push(
      { type: 'task.status', task: pick(live), status: pick(['pending', 'in_progress', 'completed', 'blocked']) },
      { type: 'task.set', task: pick(live), fields: { assignee: pick(['ann', 'bob', null]), title: pick(['x', 'y']) } },
      { type: 'task.depend', task: pick(live), add: [pick(live)] },
      { type: 'task.remove', task: pick(live) },
    );
    const withDeps = s.tasks.filter((t) => !t.deleted && t.dependsOn.length > 0);
    if (withDeps.length > 0) {
      const t = pick(withDeps);
      drafts.push({ type: 'task.depend', task: t.id, remove: [pick(t.dependsOn)] });
    }
  }
  return pick(drafts);
}

async function sync(into: Store, from: Store): Promise<void> {
  for (const [, o] of await into.mergeMany(await from.list())) if (o.kind === 'error') throw o.error;
}

describe('merge: convergence of three clones (seeded property test)', () => {
  it('ends with byte-identical snapshots equal to the fold of all operations', async () => {
    const random = prng(31337);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    const objects = new MemoryObjectStore();
    const stores: Store[] = [0, 1, 2].map(() => new EntityStore({ objects, refs: new MemoryRefStore() }, milestoneEntity));
    const ids: string[] = [];
    for (let m = 0; m < 3; m++) {
      const who = { author: PEOPLE[m], time: new Date(Date.UTC(2026, 0, 1)).toISOString() };
      ids.push((await stores[m].create({ type: 'milestone.create', title: `M${m}`, nonce: `m${m}` }, who)).id);
    }
    const written = new Set<string>();
    let n = 0;
    for (let round = 0; round < 12; round++) {
      for (let c = 0; c < 3; c++) {
        const store = stores[c];
        const mine = [...(await store.list()).keys()];
        for (let k = 0; k < 4 && mine.length > 0; k++) {
          const who = { author: PEOPLE[c], time: new Date(Date.UTC(2026, 0, 1, 0, round, n++ % 60)).toISOString() };
          try {
            const r = await store.append(pick(mine), who, (s) => (s.deleted ? [] : [randomDraft(s, pick, n)]));
            for (const o of r.ops) written.add(o.hash);
          } catch (e) {
            if (!['INVALID_OPERATION', 'INVALID_INPUT', 'NOT_FOUND', 'DEPENDENCY_CYCLE'].includes((e as { code?: string }).code ?? '')) throw e;
          }
        }
      }
      const [x, y] = [Math.floor(random() * 3), Math.floor(random() * 3)];
      if (x !== y) await sync(stores[x], stores[y]);
    }
    for (let pass = 0; pass < 2; pass++) for (const x of [0, 1, 2]) for (const y of [0, 1, 2]) if (x !== y) await sync(stores[x], stores[y]);
    const conflicts = new Set<number>();
    for (const id of ids) {
      const texts = await Promise.all(stores.map(async (s) => canonicalJson((await s.read(id)).state)));
      expect(new Set(texts).size).toBe(1);
      const h = await stores[0].history(id);
      expect(canonicalJson(fold(h.ops))).toBe(texts[0]);
      for (const o of h.ops) written.delete(o.hash);
      conflicts.add(JSON.parse(texts[0]).heads ? 1 : 0);
    }
    expect(written.size).toBe(0);
    expect(n).toBeGreaterThan(100);
  });
});
