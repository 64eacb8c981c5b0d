/**
 * Bulk ref creation straight into packed-refs (GitRefStore.createMany): git reads the result
 * exactly like its own file (for-each-ref, show-ref -d with a peeled tag kept, fsck, pack-refs).
 * Refs that exist loose or packed are left alone and reported, and a held packed-refs.lock is
 * waited for and then refused.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findRepo } from '../../../src/storage/git/findRepo';
import { GitRefStore } from '../../../src/storage/git/GitRefStore';
import { makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

let repo: TmpRepo | undefined;
afterEach(() => repo?.cleanup());

describe('GitRefStore.createMany', () => {
  it('writes a packed-refs file git reads as its own, keeping existing lines and skipping existing refs', async () => {
    repo = makeTmpRepo();
    const r = repo;
    r.git(['commit', '-q', '--allow-empty', '-m', 'one']);
    const head = r.git(['rev-parse', 'HEAD']).trim();
    r.git(['tag', '-a', '-m', 'annotated', 'v1']);
    r.git(['update-ref', 'refs/milestones/milestone/packed', head]);
    r.git(['pack-refs', '--all']);
    r.git(['update-ref', 'refs/milestones/milestone/loose', head]);
    const store = new GitRefStore({ repo: findRepo({ cwd: r.dir, vars: {} }) });
    const wanted = new Map(['b', 'a', 'packed', 'loose', 'c'].map((n) => [`refs/milestones/milestone/${n}`, head]));
    const skipped = await store.createMany(wanted);
    expect(skipped.sort()).toEqual(['refs/milestones/milestone/loose', 'refs/milestones/milestone/packed']);
    expect(fs.existsSync(path.join(r.dir, '.git', 'refs', 'milestones', 'milestone', 'a'))).toBe(false);
    expect(r.git(['for-each-ref', '--format=%(refname)', 'refs/milestones']).trim().split('\n')).toEqual(
      ['a', 'b', 'c', 'loose', 'packed'].map((n) => `refs/milestones/milestone/${n}`),
    );
    expect(r.git(['show-ref', '-d', 'v1'])).toMatch(/refs\/tags\/v1\^\{\}/);
    expect(fs.readFileSync(path.join(r.dir, '.git', 'packed-refs'), 'utf8')).toMatch(/^# pack-refs with: .*sorted/);
    expect(await store.read('refs/milestones/milestone/b')).toBe(head);
    r.git(['fsck', '--strict']);
    r.git(['pack-refs', '--all']);
    expect(r.git(['rev-parse', 'refs/milestones/milestone/c']).trim()).toBe(head);
  });

  it('waits for a held packed-refs.lock, then refuses with LOCKED and writes nothing', async () => {
    repo = makeTmpRepo();
    const r = repo;
    r.git(['commit', '-q', '--allow-empty', '-m', 'one']);
    const head = r.git(['rev-parse', 'HEAD']).trim();
    fs.writeFileSync(path.join(r.dir, '.git', 'packed-refs.lock'), '');
    const store = new GitRefStore({ repo: findRepo({ cwd: r.dir, vars: {} }), lockTimeoutMs: 50 });
    await expect(store.createMany(new Map([['refs/milestones/milestone/x', head]]))).rejects.toMatchObject({ code: 'LOCKED' });
    fs.rmSync(path.join(r.dir, '.git', 'packed-refs.lock'));
    expect(r.git(['for-each-ref', 'refs/milestones'])).toBe('');
  });
});
