/**
 * The board's use cases on the memory doubles: a page of `list` (same summaries, same query
 * language, the total of all that match) and the refs version that drives live updates.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTask } from '../../../../src/core/addTask';
import { createMilestone } from '../../../../src/core/createMilestone';
import { listMilestones } from '../../../../src/core/listMilestones';
import { milestonePage } from '../../../../src/core/serve/milestonePage';
import { refsVersion } from '../../../../src/core/serve/refsVersion';
import { memoryContext, type MemoryContext } from '../../../helpers/memoryContext';

let m: MemoryContext;
beforeEach(async () => {
  m = memoryContext();
  for (let i = 0; i < 7; i++) await createMilestone(m.ctx, { title: `Milestone ${i}`, labels: i % 2 ? ['odd'] : [] });
});
afterEach(() => m.cleanup());

describe('milestonePage', () => {
  it('slices the list as `list --json` gives it, with the total', async () => {
    const all = (await listMilestones(m.ctx, {})).items;
    const page = await milestonePage(m.ctx, { query: [], all: false, offset: 5, limit: 5 });
    expect(page).toEqual({ total: 7, offset: 5, items: all.slice(5) });
    const odd = await milestonePage(m.ctx, { query: ['label:odd', 'sort:-title'], all: false, offset: 0, limit: 2 });
    expect(odd.total).toBe(3);
    expect(odd.items.map((s) => s.title)).toEqual(['Milestone 5', 'Milestone 3']);
  });

  it('refuses a bad range or query with the CLI\'s errors', async () => {
    await expect(milestonePage(m.ctx, { query: [], all: false, offset: 0, limit: 0 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(milestonePage(m.ctx, { query: [], all: false, offset: -1, limit: 5 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(milestonePage(m.ctx, { query: ['sort:nonsense'], all: false, offset: 0, limit: 5 })).rejects.toThrow(/sort/);
  });
});

describe('refsVersion', () => {
  it('moves when a milestone changes, and only then', async () => {
    const before = await refsVersion(m.ctx);
    expect((await refsVersion(m.ctx)).token).toBe(before.token);
    const id = (await listMilestones(m.ctx, {})).items[0].id;
    await addTask(m.ctx, { milestone: id, title: 'One more' });
    expect((await refsVersion(m.ctx)).token).not.toBe(before.token);
  });
});
