import git from 'isomorphic-git';
import { createFsFromVolume, Volume } from 'memfs';
import { inflateSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { findRepo } from '../../../src/storage/git/findRepo';
import { GitObjectStore } from '../../../src/storage/git/GitObjectStore';
import type { FsLike, RepoInfo } from '../../../src/storage/git/types';
import type { CommitData } from '../../../src/storage/ports';

const dir = '/repo';
const gitdir = '/repo/.git';
let fs: FsLike & Parameters<typeof git.init>[0]['fs'];
let repo: RepoInfo;
let store: GitObjectStore;

const who = { name: 'Ada', email: 'ada@example.com', timestamp: 1700000000, timezoneOffset: -60 };

beforeEach(async () => {
  fs = createFsFromVolume(new Volume()) as unknown as typeof fs;
  await git.init({ fs, dir, defaultBranch: 'main' });
  repo = findRepo({ cwd: dir, vars: {}, fs });
  store = new GitObjectStore({ repo, fs });
});

async function writeSample(): Promise<{ blob: string; sub: string; tree: string; commit: string; data: CommitData }> {
  const blob = await store.writeBlob('{"title":"ship it"}\n');
  const sub = await store.writeTree([{ mode: '100644', name: 'x', oid: blob }]);
  const tree = await store.writeTree([
    { mode: '040000', name: 'a', oid: sub },
    { mode: '100644', name: 'a.b', oid: blob },
    { mode: '100755', name: 'run', oid: blob },
  ]);
  const data: CommitData = { tree, parents: [], author: who, committer: who, message: 'create\n\nbody line\n' };
  return { blob, sub, tree, data, commit: await store.writeCommit(data) };
}

describe('GitObjectStore on memfs (loose objects only)', () => {
  it('finds the memfs repository', () => {
    expect(repo).toEqual({ gitDir: gitdir, commonDir: gitdir, workTree: dir, bare: false, objectFormat: 'sha1' });
  });

  it('round-trips blob, tree and commit', async () => {
    const s = await writeSample();
    expect((await store.readBlob(s.blob)).toString()).toBe('{"title":"ship it"}\n');
    expect((await store.readTree(s.tree)).map((e) => `${e.mode} ${e.name}`)).toEqual(['100644 a.b', '040000 a', '100755 run']);
    expect(await store.readCommit(s.commit)).toEqual(s.data);
    const parent = await store.writeCommit({ ...s.data, parents: [s.commit], message: 'second' });
    expect((await store.readCommit(parent)).parents).toEqual([s.commit]);
  });

  it('writes zlib loose objects at objects/xx/rest, read-only, with no temp files left', async () => {
    const { blob } = await writeSample();
    const file = `${gitdir}/objects/${blob.slice(0, 2)}/${blob.slice(2)}`;
    const framed = inflateSync(fs.readFileSync(file) as Buffer);
    expect(framed.toString()).toBe('blob 20\0{"title":"ship it"}\n');
    expect(Number(fs.statSync(file).mode) & 0o777).toBe(0o444);
    expect((fs.readdirSync(`${gitdir}/objects/${blob.slice(0, 2)}`) as string[]).some((n) => n.startsWith('tmp_obj_'))).toBe(false);
    expect(await store.writeBlob('{"title":"ship it"}\n')).toBe(blob);
  });

  it('is read correctly by isomorphic-git (an independent implementation)', async () => {
    const s = await writeSample();
    const c = await git.readCommit({ fs, dir, gitdir, oid: s.commit });
    expect(c.commit.tree).toBe(s.tree);
    expect(c.commit.parent).toEqual([]);
    expect(c.commit.author).toEqual(who);
    expect(c.commit.message).toBe('create\n\nbody line\n');
    const t = await git.readTree({ fs, dir, gitdir, oid: s.tree });
    expect(t.oid).toBe(s.tree);
    expect(t.tree.map((e) => [e.mode, e.path, e.type, e.oid]).sort()).toEqual([
      ['040000', 'a', 'tree', s.sub],
      ['100644', 'a.b', 'blob', s.blob],
      ['100755', 'run', 'blob', s.blob],
    ]);
    const again = await git.writeTree({ fs, dir, gitdir, tree: [...t.tree].reverse() });
    expect(again).toBe(s.tree);
    const b = await git.readBlob({ fs, dir, gitdir, oid: s.blob });
    expect(Buffer.from(b.blob).toString()).toBe('{"title":"ship it"}\n');
  });

  it('reads what isomorphic-git writes, with the same oids', async () => {
    const blob = await git.writeBlob({ fs, dir, gitdir, blob: Buffer.from('from iso\n') });
    expect(await store.writeBlob('from iso\n')).toBe(blob);
    const tree = await git.writeTree({ fs, dir, gitdir, tree: [{ mode: '100644', path: 'f', oid: blob, type: 'blob' }] });
    const commit = await git.writeCommit({
      fs,
      dir,
      gitdir,
      commit: { tree, parent: [], author: who, committer: { ...who, timezoneOffset: 300 }, message: 'iso commit\n' },
    });
    expect(await store.readCommit(commit)).toEqual({
      tree,
      parents: [],
      author: who,
      committer: { ...who, timezoneOffset: 300 },
      message: 'iso commit\n',
    });
    expect(await store.readTree(tree)).toEqual([{ mode: '100644', name: 'f', oid: blob }]);
  });

  it('refuses a read of the wrong type and malformed oids before touching the disk', async () => {
    const { blob } = await writeSample();
    await expect(store.readTree(blob)).rejects.toMatchObject({ code: 'CORRUPT_ENTITY', message: expect.stringContaining(`${blob} is a blob`) });
    await expect(store.readBlob('../../etc/passwd')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('retries when git gc removes the fan-out directory between our mkdir and our temp file', async () => {
    const mkdir = fs.mkdirSync.bind(fs);
    let pruned = 0;
    fs.mkdirSync = ((p: string, o: object) => {
      const r = mkdir(p, o);
      if (pruned < 2 && /\/objects\/[0-9a-f]{2}$/.test(String(p))) {
        pruned++;
        (fs as unknown as typeof import('node:fs')).rmdirSync(p);
      }
      return r;
    }) as typeof fs.mkdirSync;
    const blob = await store.writeBlob('written while gc prunes\n');
    expect(pruned).toBe(2);
    expect((await store.readBlob(blob)).toString()).toBe('written while gc prunes\n');
  });
});
