/**
 * Reading a long history: after two generations, the rest of the chain is listed in one
 * `ancestors` walk and read in one readMany, not one round trip per commit; the answer is the same
 * as the generation-by-generation walk, which is still what runs when the walk fails, and a
 * missing commit is still reported against its entity.
 */
import { describe, expect, it } from 'vitest';
import { milestoneEntity } from '../../../src/core/milestoneEntity';
import { EntityStore } from '../../../src/storage/entity/EntityStore';
import type { ObjectStore, Oid } from '../../../src/storage/ports';
import { MemoryObjectStore } from '../../../src/storage/memory/MemoryObjectStore';
import { MemoryRefStore } from '../../../src/storage/memory/MemoryRefStore';

const who = { author: { name: 'Ada', email: 'ada@example.com' }, time: '2025-01-01T00:00:00.000Z' };

/** The memory store, counting readMany calls; `walk: false` makes ancestors fail; `drop` hides an object. */
const seen = new Set<Oid>();

function counting(inner: MemoryObjectStore, o: { walk: boolean; drop?: Oid }): ObjectStore & { reads: number } {
  const wrapped = Object.create(inner) as ObjectStore & { reads: number };
  wrapped.reads = 0;
  wrapped.readMany = async (oids: Oid[]) => {
    wrapped.reads++;
    for (const oid of oids) seen.add(oid);
    const out = await inner.readMany(oids);
    if (o.drop) out.delete(o.drop);
    return out;
  };
  wrapped.ancestors = async (oids: Oid[]) => (o.walk ? inner.ancestors(oids) : null);
  return wrapped;
}

async function longEntity(objects: MemoryObjectStore, refs: MemoryRefStore, commits: number) {
  const store = new EntityStore({ objects, refs }, milestoneEntity);
  const { id } = await store.create({ type: 'milestone.create', title: 'Long', nonce: 'long' }, who);
  for (let i = 1; i < commits; i++) await store.append(id, who, () => [{ type: 'task.add', title: `T${i}`, nonce: `t${i}` }]);
  return { id, tip: (await store.list()).get(id) as Oid, store };
}

describe('history walk', () => {
  it('reads a 60-commit chain in a few batched reads, with the same answer as the walk per generation', async () => {
    const objects = new MemoryObjectStore();
    const refs = new MemoryRefStore();
    const { id, tip, store } = await longEntity(objects, refs, 60);
    const fast = counting(objects, { walk: true });
    const slow = counting(objects, { walk: false });
    const a = (await new EntityStore({ objects: fast, refs }, milestoneEntity).historyMany(new Map([[id, tip]]))).get(id);
    const b = (await new EntityStore({ objects: slow, refs }, milestoneEntity).historyMany(new Map([[id, tip]]))).get(id);
    expect(a).toEqual(b);
    expect(a).toEqual(await store.history(id));
    expect(fast.reads).toBeLessThanOrEqual(5);
    expect(slow.reads).toBeGreaterThanOrEqual(60);
  });

  it('a commit missing from the chain is still named against its entity', async () => {
    const objects = new MemoryObjectStore();
    const refs = new MemoryRefStore();
    const { id, tip, store } = await longEntity(objects, refs, 10);
    const { commits } = await store.history(id);
    const broken = counting(objects, { walk: true, drop: commits[3].oid });
    const r = (await new EntityStore({ objects: broken, refs }, milestoneEntity).historyMany(new Map([[id, tip]]))).get(id);
    expect(r).toBeInstanceOf(Error);
    expect((r as Error).message).toContain(commits[3].oid.slice(0, 12));
  });

  it('never walks into an attachment\'s history (first parents only)', async () => {
    const objects = new MemoryObjectStore();
    const refs = new MemoryRefStore();
    const { id, store } = await longEntity(objects, refs, 5);
    const sig = { name: 'A', email: 'a@example.com', timestamp: 1_700_000_000, timezoneOffset: 0 };
    const tree = await objects.writeTree([]);
    const project: Oid[] = [];
    for (let i = 0; i < 30; i++) {
      project.push(await objects.writeCommit({ tree, parents: project.slice(-1), author: sig, committer: sig, message: `p${i}\n` }));
    }
    await store.append(id, who, () => [{ type: 'task.add', title: 'saved', nonce: 'saved' }], { attach: [project[29]] });
    for (let i = 0; i < 5; i++) await store.append(id, who, () => [{ type: 'task.add', title: `U${i}`, nonce: `u${i}` }]);
    seen.clear();
    const fast = counting(objects, { walk: true });
    const tip = (await store.list()).get(id) as Oid;
    const h = (await new EntityStore({ objects: fast, refs }, milestoneEntity).historyMany(new Map([[id, tip]]))).get(id);
    expect(h).toEqual(await store.history(id));
    expect(project.filter((oid) => seen.has(oid))).toEqual([]);
  });
});
