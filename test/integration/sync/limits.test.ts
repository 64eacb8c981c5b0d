/**
 * Size limits (domain/limits.ts) through the CLI: an oversized title, description or operation is
 * refused with TOO_LARGE before anything is written; an oversized entity made by another clone
 * (an older version, or a hostile one) is reported by pull and restore and not merged, and the
 * rest arrives.
 */
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashOperation } from '../../../src/domain/hash';
import { MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS } from '../../../src/domain/limits';
import type { Operation } from '../../../src/domain/types';
import { milestoneEntity } from '../../../src/core/milestoneEntity';
import { encodePack } from '../../../src/storage/entity/pack';
import { writeCommit } from '../../../src/storage/entity/writeCommit';
import { findRepo } from '../../../src/storage/git/findRepo';
import { openGitStorage } from '../../../src/storage/git/openGitStorage';
import { makeCluster } from './cluster';

const cluster = makeCluster(['Ann', 'Bob']);
afterAll(() => cluster.cleanup());
const [ann, bob] = cluster.clones;
const refs = (c: typeof ann): string => c.git(['for-each-ref', 'refs/milestones/milestone']);

/** A milestone with an oversized title written around the limits, as another version might have. */
async function forgeOversized(dir: string): Promise<string> {
  const author = { name: 'Old', email: 'old@example.com' };
  const op = { type: 'milestone.create', title: 't'.repeat(MAX_TITLE_CHARS + 1), nonce: 'forged', fields: {}, extra: {}, author, time: '2025-01-01T00:00:00Z', lamport: 1 } as unknown as Operation;
  const hash = hashOperation(op);
  const storage = openGitStorage({ repo: findRepo({ cwd: dir, vars: {} }) });
  const tip = await writeCommit({
    objects: storage.objects, parents: [], pack: encodePack([op]), snapshot: milestoneEntity.apply(null, [{ hash, op }]),
    author, time: op.time, message: 'create',
  });
  await storage.refs.cas(`refs/milestones/milestone/${hash}`, null, tip);
  await storage.objects.close?.();
  return hash;
}

describe('size limits', () => {
  it('refuses an oversized title, description or task title with TOO_LARGE, writing nothing', () => {
    const before = refs(ann);
    const long = ann.gm(['new', 'x'.repeat(MAX_TITLE_CHARS + 1), '--json']);
    expect(long.code).toBe(5);
    expect(JSON.parse(long.stdout || long.stderr).error).toMatchObject({ code: 'TOO_LARGE', message: `the title is 1,001 characters; at most 1,000 are allowed`, hint: expect.stringMatching(/README/) });
    expect(ann.gm(['new', 'Fine', '-d', 'd'.repeat(MAX_DESCRIPTION_CHARS + 1)]).code).toBe(5);
    expect(refs(ann)).toBe(before);
    const id = ann.json<{ id: string }>(['new', 'x'.repeat(MAX_TITLE_CHARS)]).id;
    const tip = ann.git(['rev-parse', `refs/milestones/milestone/${id}`]);
    const task = ann.gm(['task', 'add', id.slice(0, 8), 'y'.repeat(MAX_TITLE_CHARS + 1)]);
    expect(task.code).toBe(5);
    expect(task.stderr).toMatch(/TOO_LARGE|at most 1,000/);
    expect(ann.git(['rev-parse', `refs/milestones/milestone/${id}`])).toBe(tip);
  });

  it('pull and restore report an oversized entity from another clone, do not merge it, and take the rest', async () => {
    const good = ann.json<{ id: string }>(['new', 'Good one']).id;
    const bad = await forgeOversized(ann.dir);
    ann.ok(['push']);
    const pulled = bob.gm(['pull']);
    expect(pulled.stdout).toMatch(new RegExp(`warning: not merged ${bad.slice(0, 8)}: .*at most 1,000 are allowed`));
    const ids = bob.json<Array<{ id: string }>>(['list']).map((m) => m.id);
    expect(ids).toContain(good);
    expect(ids).not.toContain(bad);
    expect(refs(bob)).not.toContain(bad);
    const file = path.join(ann.dir, 'all.bundle');
    ann.ok(['backup', file]);
    const restored = bob.gm(['restore', file]);
    expect(`${restored.stdout}${restored.stderr}`).toMatch(new RegExp(`${bad.slice(0, 8)}.*at most 1,000 are allowed`));
    expect(refs(bob)).not.toContain(bad);
  });
});
