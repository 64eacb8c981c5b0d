/**
 * The op-log engine on the in-memory stores: ids from the creating operation's hash, the tree
 * layout, compare-and-swap retries that lose nothing, and history validation that refuses a bad
 * format version, a forged root, falling Lamport times and a second root — naming the ref.
 */
import { describe, expect, it } from 'vitest';
import { hashOperation } from '../../../src/domain/hash';
import type { MilestoneState, Operation } from '../../../src/domain/types';
import { milestoneEntity } from '../../../src/core/milestoneEntity';
import { EntityStore } from '../../../src/storage/entity/EntityStore';
import { encodePack } from '../../../src/storage/entity/pack';
import { writeCommit } from '../../../src/storage/entity/writeCommit';
import { MemoryObjectStore } from '../../../src/storage/memory/MemoryObjectStore';
import { MemoryRefStore } from '../../../src/storage/memory/MemoryRefStore';

const who = (n: number) => ({ author: { name: 'Ann', email: 'ann@example.com' }, time: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString() });

function setup() {
  const objects = new MemoryObjectStore();
  const refs = new MemoryRefStore();
  const store = new EntityStore<MilestoneState>({ objects, refs }, milestoneEntity);
  return { objects, refs, store };
}

describe('EntityStore', () => {
  it('creates an entity whose id is the hash of its creating operation', async () => {
    const { store, objects, refs } = setup();
    const e = await store.create({ type: 'milestone.create', title: 'T', nonce: 'n1' }, who(0));
    const op = { type: 'milestone.create', title: 'T', nonce: 'n1', author: who(0).author, time: who(0).time, lamport: 1 } as Operation;
    expect(e.id).toBe(hashOperation(op));
    expect(await refs.read(`refs/milestones/milestone/${e.id}`)).toBe(e.tip);
    const tree = await objects.readTree((await objects.readCommit(e.tip)).tree);
    expect(tree.map((t) => t.name)).toEqual(['ops.json', 'snapshot.json', 'version-1']);
    expect((await store.read(e.id)).state.title).toBe('T');
  });

  it('appends with rising Lamport times; history folds to the stored snapshot', async () => {
    const { store } = setup();
    const { id } = await store.create({ type: 'milestone.create', title: 'T', nonce: 'n' }, who(0));
    await store.append(id, who(1), () => [{ type: 'milestone.label', add: ['a'], remove: [] }, { type: 'milestone.set', fields: { status: 'in_progress' } }]);
    await store.append(id, who(2), () => [{ type: 'task.add', title: 'x', nonce: 'n2' }]);
    const h = await store.history(id);
    expect(h.ops.map((s) => s.op.lamport)).toEqual([1, 2, 3, 4]);
    expect(h.commits).toHaveLength(3);
    expect(h.state).toEqual((await store.read(id)).state);
    expect(h.state.labels).toEqual(['a']);
  });

  it('a writer that loses the race re-reads, re-validates and retries; nothing is lost', async () => {
    const objects = new MemoryObjectStore();
    const refs = new MemoryRefStore();
    let hook: (() => Promise<unknown>) | undefined;
    const racing = Object.assign(Object.create(refs), {
      async cas(ref: string, expected: string | null, next: string) {
        const h = hook;
        hook = undefined;
        if (h) await h(); // another writer lands between this writer's read and its swap
        return refs.cas(ref, expected, next);
      },
    });
    const store = new EntityStore<MilestoneState>({ objects, refs: racing }, milestoneEntity);
    const other = new EntityStore<MilestoneState>({ objects, refs }, milestoneEntity);
    const { id } = await store.create({ type: 'milestone.create', title: 'T', nonce: 'n' }, who(0));
    hook = () => other.append(id, who(1), () => [{ type: 'task.add', title: 'theirs', nonce: 't' }]);
    const seen: string[][] = [];
    await store.append(id, who(1), (s) => {
      seen.push(s.tasks.map((t) => t.title));
      return [{ type: 'task.add', title: 'mine', nonce: 'm' }];
    });
    expect(seen).toEqual([[], ['theirs']]);
    const h = await store.history(id);
    expect(h.state.tasks.map((t) => t.title)).toEqual(['theirs', 'mine']);
    expect(h.ops.map((s) => s.op.lamport)).toEqual([1, 2, 3]);
  });

  it('a refused operation writes nothing', async () => {
    const { store, refs } = setup();
    const { id } = await store.create({ type: 'milestone.create', title: 'T', nonce: 'n' }, who(0));
    const a = await store.append(id, who(1), () => [{ type: 'task.add', title: 'a', nonce: 'a' }]);
    const taskA = a.ops[0].hash;
    const b = await store.append(id, who(2), () => [{ type: 'task.add', title: 'b', nonce: 'b', dependsOn: [taskA] }]);
    const tip = await refs.read(`refs/milestones/milestone/${id}`);
    await expect(store.append(id, who(3), () => [{ type: 'task.depend', task: taskA, add: [b.ops[0].hash], remove: [] }])).rejects.toMatchObject({ code: 'DEPENDENCY_CYCLE' });
    expect(await refs.read(`refs/milestones/milestone/${id}`)).toBe(tip);
  });
});

describe('history validation', () => {
  async function forge(parts: { version?: number; rootOps?: Operation[]; childLamport?: number; secondRoot?: boolean }) {
    const { store, objects, refs } = setup();
    const { id, tip } = await store.create({ type: 'milestone.create', title: 'T', nonce: 'n' }, who(0));
    const ref = `refs/milestones/milestone/${id}`;
    const snapshot = (await store.read(id)).state;
    let parents = [tip];
    if (parts.secondRoot) {
      const other = await writeCommit({ objects, parents: [], pack: encodePack([{ type: 'milestone.create', title: 'U', nonce: 'z', author: who(0).author, time: who(0).time, lamport: 1 }]), snapshot, author: who(0).author, time: who(0).time, message: 'x' });
      const merge = await writeCommit({ objects, parents: [tip, other], pack: null, snapshot, author: who(0).author, time: who(0).time, message: 'merge' });
      await refs.cas(ref, tip, merge);
      return { store, id };
    }
    const op: Operation = { type: 'milestone.label', add: ['x'], remove: [], author: who(1).author, time: who(1).time, lamport: parts.childLamport ?? 2 };
    const child = await writeCommit({ objects, parents, pack: encodePack([op]), snapshot, author: who(1).author, time: who(1).time, message: 'c' });
    if (parts.version !== undefined) {
      const c = await objects.readCommit(child);
      const entries = (await objects.readTree(c.tree)).map((e) => (e.name === 'version-1' ? { ...e, name: `version-${parts.version}` } : e));
      const tree = await objects.writeTree(entries);
      parents = [await objects.writeCommit({ ...c, tree })];
      await refs.cas(ref, tip, parents[0]);
    } else await refs.cas(ref, tip, child);
    return { store, id };
  }

  it('refuses an unknown format version with a clear error', async () => {
    const { store, id } = await forge({ version: 2 });
    await expect(store.read(id)).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT', message: expect.stringContaining(`refs/milestones/milestone/${id}`) });
  });

  it('refuses Lamport times that do not rise along an edge', async () => {
    const { store, id } = await forge({ childLamport: 1 });
    await expect(store.history(id)).rejects.toMatchObject({ code: 'CORRUPT_ENTITY', message: expect.stringContaining('Lamport') });
  });

  it('refuses a history with two roots', async () => {
    const { store, id } = await forge({ secondRoot: true });
    await expect(store.history(id)).rejects.toMatchObject({ code: 'CORRUPT_ENTITY', message: expect.stringContaining('2 root') });
  });

  it('accepts a well-formed child', async () => {
    const { store, id } = await forge({});
    expect((await store.history(id)).state.labels).toEqual(['x']);
  });
});
