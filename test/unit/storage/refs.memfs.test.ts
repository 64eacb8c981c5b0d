import git from 'isomorphic-git';
import { createFsFromVolume, Volume } from 'memfs';
import { beforeEach, describe, expect, it } from 'vitest';
import { GitRefStore } from '../../../src/storage/git/GitRefStore';
import type { FsLike } from '../../../src/storage/git/types';

const gitDir = '/repo/.git';
const REF = 'refs/milestones/milestone/m1';
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
let fs: FsLike & Parameters<typeof git.init>[0]['fs'];
let refs: GitRefStore;

beforeEach(async () => {
  fs = createFsFromVolume(new Volume()) as unknown as typeof fs;
  await git.init({ fs, dir: '/repo' });
  refs = new GitRefStore({ repo: { gitDir, commonDir: gitDir, objectFormat: 'sha1' }, fs, lockTimeoutMs: 120 });
});

const exists = (p: string): boolean => {
  try {
    fs.statSync(p);
    return true;
  } catch {
    return false;
  }
};

describe('GitRefStore.cas', () => {
  it('creates a missing ref (expected null) as `<oid>\\n`, readable by isomorphic-git', async () => {
    await refs.cas(REF, null, A);
    expect(fs.readFileSync(`${gitDir}/${REF}`, 'utf8')).toBe(`${A}\n`);
    expect(await refs.read(REF)).toBe(A);
    expect(await git.resolveRef({ fs, gitdir: gitDir, ref: REF })).toBe(A);
    expect(exists(`${gitDir}/${REF}.lock`)).toBe(false);
  });

  it('moves a ref only from the expected value', async () => {
    await refs.cas(REF, null, A);
    await refs.cas(REF, A, B);
    expect(await refs.read(REF)).toBe(B);
    await expect(refs.cas(REF, A, C)).rejects.toMatchObject({
      code: 'STALE_REF',
      data: { ref: REF, expected: A, actual: B },
    });
    await expect(refs.cas(REF, null, C)).rejects.toMatchObject({ code: 'STALE_REF', data: { actual: B } });
    expect(await refs.read(REF)).toBe(B);
    expect(exists(`${gitDir}/${REF}.lock`)).toBe(false);
  });

  it('fails STALE_REF when the expected ref does not exist', async () => {
    await expect(refs.cas(REF, A, B)).rejects.toMatchObject({ code: 'STALE_REF', data: { expected: A, actual: null } });
    expect(await refs.read(REF)).toBeNull();
  });

  it('waits for a held lock, then fails LOCKED naming the lock file; leaves the foreign lock alone', async () => {
    await refs.cas(REF, null, A);
    fs.writeFileSync(`${gitDir}/${REF}.lock`, '');
    const start = Date.now();
    const err = await refs.cas(REF, A, B).catch((e: unknown) => e);
    expect(Date.now() - start).toBeGreaterThanOrEqual(110);
    expect(err).toMatchObject({ code: 'LOCKED', message: expect.stringContaining(`${gitDir}/${REF}.lock`) });
    expect((err as { hint: string }).hint).toMatch(/doctor --fix/);
    expect(exists(`${gitDir}/${REF}.lock`)).toBe(true);
    expect(await refs.read(REF)).toBe(A);
  });

  it('gets the lock once the other writer releases it within the timeout', async () => {
    await refs.cas(REF, null, A);
    fs.writeFileSync(`${gitDir}/${REF}.lock`, '');
    setTimeout(() => fs.unlinkSync(`${gitDir}/${REF}.lock`), 30);
    await refs.cas(REF, A, B);
    expect(await refs.read(REF)).toBe(B);
  });

  it('fails GIT_FAILED, leaving no lock, when a ref file blocks the directory a new ref needs', async () => {
    await refs.cas(REF, null, A);
    await expect(refs.cas(`${REF}/sub`, null, B)).rejects.toMatchObject({ code: 'GIT_FAILED', message: expect.stringContaining(`${REF}/sub.lock`) });
    expect(await refs.read(REF)).toBe(A);
  });

  it('refuses bad ref names and oids', async () => {
    await expect(refs.cas('refs/milestones/../../config', null, A)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(refs.cas('HEAD', null, A)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(refs.cas(REF, null, 'A'.repeat(40))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('GitRefStore packed refs and listing', () => {
  it('reads packed-refs (peeled lines ignored), loose wins, cas over a packed-only ref', async () => {
    const packed = `# pack-refs with: peeled fully-peeled sorted \n${A} ${REF}\n^${C}\n${B} refs/milestones/milestone/m2\n${C} refs/tags/v1\n`;
    fs.writeFileSync(`${gitDir}/packed-refs`, packed);
    expect(await refs.read(REF)).toBe(A);
    expect([...(await refs.list('refs/milestones/'))]).toEqual([
      [REF, A],
      ['refs/milestones/milestone/m2', B],
    ]);
    await expect(refs.cas(REF, B, C)).rejects.toMatchObject({ code: 'STALE_REF', data: { actual: A } });
    await refs.cas(REF, A, C);
    expect(await refs.read(REF)).toBe(C);
    expect((await refs.list('refs/milestones/milestone/')).get(REF)).toBe(C);
  });

  it('lists nested loose refs under a prefix, skipping lock files and other prefixes', async () => {
    await refs.cas('refs/milestones/milestone/m1', null, A);
    await refs.cas('refs/milestones/task/t1', null, B);
    await refs.cas('refs/milestones/task/deep/t2', null, C);
    fs.writeFileSync(`${gitDir}/refs/milestones/task/t3.lock`, `${A}\n`);
    expect([...(await refs.list('refs/milestones/task/'))]).toEqual([
      ['refs/milestones/task/deep/t2', C],
      ['refs/milestones/task/t1', B],
    ]);
    expect([...(await refs.list('refs/milestones/task/t'))]).toEqual([['refs/milestones/task/t1', B]]);
    expect((await refs.list('refs/milestones/none/')).size).toBe(0);
  });
});

describe('GitRefStore.fingerprint', () => {
  it('changes when a ref under the prefix changes, not for other prefixes, and is racy right after', async () => {
    await refs.cas(REF, null, A);
    await refs.cas('refs/milestones/task/t1', null, A);
    await new Promise((r) => setTimeout(r, 80));
    const before = await refs.fingerprint('refs/milestones/milestone/');
    expect(before.racy).toBe(false);
    expect(before.token).toMatch(/^[0-9a-f]{16}$/);
    expect((await refs.fingerprint('refs/milestones/milestone/')).token).toBe(before.token);
    await refs.cas('refs/milestones/task/t1', A, B);
    await new Promise((r) => setTimeout(r, 80));
    expect((await refs.fingerprint('refs/milestones/milestone/')).token).toBe(before.token);
    await refs.cas(REF, A, B);
    const after = await refs.fingerprint('refs/milestones/milestone/');
    expect(after.token).not.toBe(before.token);
    expect(after.racy).toBe(true);
  });

  it('changes when packed-refs appears or the prefix directory is created', async () => {
    const empty = await refs.fingerprint('refs/milestones/milestone/');
    fs.writeFileSync(`${gitDir}/packed-refs`, `${A} ${REF}\n`);
    const packed = await refs.fingerprint('refs/milestones/milestone/');
    expect(packed.token).not.toBe(empty.token);
    fs.mkdirSync(`${gitDir}/refs/milestones/milestone`, { recursive: true });
    expect((await refs.fingerprint('refs/milestones/milestone/')).token).not.toBe(packed.token);
  });

  it('names the holder of a lock taken by git-milestone in LOCKED; the published ref holds only the oid', async () => {
    await refs.cas(REF, null, A);
    expect(fs.readFileSync(`${gitDir}/${REF}`, 'utf8')).toBe(`${A}\n`);
    const holder = { gitMilestoneLock: 1, pid: 4242, host: 'build-7', at: new Date(Date.now() - 90_000).toISOString(), start: null };
    fs.writeFileSync(`${gitDir}/${REF}.lock`, `${JSON.stringify(holder)}\n`);
    const err = await refs.cas(REF, A, B).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'LOCKED', message: expect.stringMatching(/is locked by pid 4242 on build-7, held 9\d s:/) });
  });

  it('retries when git pack-refs --prune or gc removes the directory between our mkdir and our lock', async () => {
    const deep = 'refs/milestones/race/w1/r1';
    const mkdir = fs.mkdirSync.bind(fs);
    let pruned = 0;
    // Like a concurrent prune: each of the first three directories made is removed again at once.
    fs.mkdirSync = ((p: string, o: object) => {
      const r = mkdir(p, o);
      if (pruned < 3 && String(p).includes('/race/')) {
        pruned++;
        for (const d of ['race/w1', 'race']) (fs as unknown as typeof import('node:fs')).rmdirSync(`${gitDir}/refs/milestones/${d}`);
      }
      return r;
    }) as typeof fs.mkdirSync;
    await refs.cas(deep, null, A);
    expect(pruned).toBe(3);
    expect(await refs.read(deep)).toBe(A);
  });
});
