/**
 * A push that the remote keeps rejecting gives up after its bounded attempts. The error says what
 * to do. Local state is intact: the local edit is still there, and what was fetched in between
 * is merged in. Runs the use case in-process (with one attempt) on real repositories.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openContext } from '../../../src/core/openContext';
import { pushRemote } from '../../../src/core/sync/pushRemote';
import { createTestEnv } from '../../../src/env/testEnv';
import { makeCluster, type Cluster } from './cluster';

let cluster: Cluster | undefined;
afterEach(() => cluster?.cleanup());

describe('push retries', () => {
  it('gives up with CONFLICT after the bounded attempts, keeping local edits and merging what it fetched', async () => {
    cluster = makeCluster(['Ann', 'Bob']);
    const [ann, bob] = cluster.clones;
    const id = ann.json<{ id: string }>(['new', 'Shared']).id;
    ann.ok(['sync']);
    bob.ok(['pull']);
    bob.ok(['task', 'add', id.slice(0, 8), 'from Bob']);
    bob.ok(['push']);
    ann.ok(['task', 'add', id.slice(0, 8), 'from Ann']);
    const localTip = ann.git(['rev-parse', `refs/milestones/milestone/${id}`]).trim();
    const vars = { PATH: process.env.PATH, HOME: process.env.HOME, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
    const ctx = await openContext({ env: createTestEnv({ cwd: ann.dir, vars }), needsRepo: true, needsWorkTree: false, mergeIncoming: false });
    try {
      await expect(pushRemote(ctx, { attempts: 1 })).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('still rejected after 1 attempts'),
        hint: expect.stringContaining('git milestone sync origin'),
      });
    } finally {
      await ctx.close();
    }
    const titles = ann.json<any>(['show', id.slice(0, 8)]).tasks.map((t: any) => t.title).sort();
    expect(titles).toEqual(['from Ann', 'from Bob']);
    expect(ann.git(['merge-base', '--is-ancestor', localTip, `refs/milestones/milestone/${id}`])).toBe('');
    expect(ann.ok(['push'])).toMatch(/Pushed/);
    bob.ok(['pull']);
    expect(bob.json<any>(['show', id.slice(0, 8)]).tasks).toHaveLength(2);
  });
});
