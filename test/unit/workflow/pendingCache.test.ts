/**
 * `review --pending` from pending.cache (src/core/workflow/pendingCache.ts) stays in step with the
 * answer from the index: after each write the cached answer equals the index's (`--backend file`
 * bypasses the cache), a cache written for other refs is never served, and one for the current
 * refs is (so the fast path is really taken).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTask } from '../../../src/core/addTask';
import { createMilestone } from '../../../src/core/createMilestone';
import { changePhase } from '../../../src/core/workflow/changePhase';
import { PENDING_FILE, pendingToken, writePendingCache } from '../../../src/core/workflow/pendingCache';
import { pendingReviews } from '../../../src/core/workflow/pendingReviews';
import { reviewPhase } from '../../../src/core/workflow/reviewPhase';
import { memoryContext, type MemoryContext } from '../../helpers/memoryContext';

let m: MemoryContext;
beforeEach(() => {
  m = memoryContext();
});
afterEach(() => m.cleanup());

const cached = () => pendingReviews(m.ctx, { mine: false });
const fromIndex = () => pendingReviews(m.ctx, { mine: false, backend: 'file' });

async function startedTask(title: string): Promise<string> {
  const milestone = (await createMilestone(m.ctx, { title: `Milestone of ${title}` })).id;
  const task = (await addTask(m.ctx, { milestone, title })).id;
  fs.writeFileSync(path.join(m.ctx.repo.workTree!, `${title}.md`), `# ${title}\n\nwritten\n`);
  await changePhase(m.ctx, { task, action: 'start', deliverables: [`${title}.md`] });
  return task;
}

describe('pending.cache', () => {
  it('answers as the index does after every write', async () => {
    expect(await cached()).toEqual([]);
    const a = await startedTask('alpha');
    const b = await startedTask('beta');
    expect(await cached()).toEqual([]);
    await changePhase(m.ctx, { task: a, action: 'submit', deliverables: ['alpha.md'] });
    expect((await cached()).map((e) => [e.task, e.phase])).toEqual([[a, 'design']]);
    expect(await cached()).toEqual(await fromIndex());
    await changePhase(m.ctx, { task: b, action: 'submit', deliverables: ['beta.md'] });
    expect((await cached()).map((e) => e.task).sort()).toEqual([a, b].sort());
    await reviewPhase(m.ctx, { task: a, decision: 'approve' });
    expect((await cached()).map((e) => e.task)).toEqual([b]);
    expect(await cached()).toEqual(await fromIndex());
    expect(fs.existsSync(path.join(m.ctx.dataDir, PENDING_FILE))).toBe(true);
  });

  it('serves a cache only for the refs it was written for', async () => {
    const a = await startedTask('gamma');
    const review = { task: 't', title: 'cached only', phase: 'design', since: '2026-01-01T00:00:00Z', reviewers: [], deliverables: [] };
    writePendingCache(m.ctx, (await pendingToken(m.ctx))!, [{ id: 'f'.repeat(64), title: 'From the cache', pendingReviews: [review] }]);
    expect((await cached()).map((e) => e.title)).toEqual(['cached only']);
    expect(await fromIndex()).toEqual([]);
    await changePhase(m.ctx, { task: a, action: 'submit', deliverables: ['gamma.md'] });
    expect((await cached()).map((e) => [e.task, e.title])).toEqual([[a, 'gamma']]);
  });
});
