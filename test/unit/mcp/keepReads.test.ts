/**
 * What the long-lived MCP server relies on: an entity store that keeps its reads returns the same
 * state while a tip has not moved and reads a moved one again, and `next` caps each list at `limit`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addTask } from '../../../src/core/addTask';
import { createMilestone } from '../../../src/core/createMilestone';
import { nextTasks } from '../../../src/core/nextTasks';
import { memoryContext, type MemoryContext } from '../../helpers/memoryContext';

let mem: MemoryContext;
afterEach(() => mem?.cleanup());

describe('EntityStore.keepReads and next --limit', () => {
  it('keeps a state while its tip stays, reads it again when the tip moves', async () => {
    mem = memoryContext();
    const { ctx } = mem;
    const m = await createMilestone(ctx, { title: 'Kept' });
    const store = ctx.milestones;
    const plain = [await store.readMany(await store.list()), await store.readMany(await store.list())];
    expect((plain[0].get(m.id) as { state: unknown }).state).not.toBe((plain[1].get(m.id) as { state: unknown }).state);
    store.keepReads();
    const first = await store.readMany(await store.list());
    const again = await store.readMany(await store.list());
    expect((again.get(m.id) as { state: unknown }).state).toBe((first.get(m.id) as { state: unknown }).state);
    await addTask(ctx, { milestone: m.id, title: 'After' });
    const moved = (await store.readMany(await store.list())).get(m.id) as { state: { tasks: unknown[] } };
    expect(moved.state.tasks).toHaveLength(1);
  });

  it('next caps each list at limit, in creation order', async () => {
    mem = memoryContext();
    const { ctx } = mem;
    const m = await createMilestone(ctx, { title: 'Many' });
    const ids: string[] = [];
    for (const title of ['a', 'b', 'c']) ids.push((await addTask(ctx, { milestone: m.id, title })).id);
    expect((await nextTasks(ctx, { limit: 2 })).ready.map((t) => t.id)).toEqual(ids.slice(0, 2));
    expect((await nextTasks(ctx, {})).ready).toHaveLength(3);
    await expect(nextTasks(ctx, { limit: -1 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
