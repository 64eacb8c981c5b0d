import * as fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findRepo } from '../../../src/storage/git/findRepo';
import { openGitStorage } from '../../../src/storage/git/openGitStorage';
import type { CommitData, Storage } from '../../../src/storage/ports';
import { makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

const REF = 'refs/milestones/milestone/m1';
const who = { name: 'Ada Lovelace', email: 'ada@example.com', timestamp: 1700000000, timezoneOffset: -60 };

let repo: TmpRepo;
let storage: Storage;

beforeEach(() => {
  repo = makeTmpRepo();
  storage = openGitStorage({ repo: findRepo({ cwd: repo.dir, vars: {} }), lockTimeoutMs: 500 });
});

afterEach(async () => {
  await storage.objects.close();
  repo.cleanup();
});

async function writeEntity(message: string, parents: string[] = []): Promise<{ blob: string; tree: string; commit: string; data: CommitData }> {
  const blob = await storage.objects.writeBlob(`{"message":${JSON.stringify(message)}}\n`);
  const empty = await storage.objects.writeBlob('');
  const tree = await storage.objects.writeTree([
    { mode: '100644', name: 'snapshot.json', oid: blob },
    { mode: '100644', name: 'version-1', oid: empty },
  ]);
  const data: CommitData = { tree, parents, author: who, committer: who, message };
  return { blob, tree, data, commit: await storage.objects.writeCommit(data) };
}

describe('git storage on a real repository', () => {
  it('writes objects and refs that git reads back, and fsck --strict is clean', async () => {
    const first = await writeEntity('create m1\n');
    await storage.refs.cas(REF, null, first.commit);
    const second = await writeEntity('rename m1\n', [first.commit]);
    await storage.refs.cas(REF, first.commit, second.commit);

    expect(repo.git(['cat-file', '-p', second.commit])).toBe(
      `tree ${second.tree}\nparent ${first.commit}\nauthor Ada Lovelace <ada@example.com> 1700000000 +0100\n` +
        `committer Ada Lovelace <ada@example.com> 1700000000 +0100\n\nrename m1\n`,
    );
    expect(repo.git(['ls-tree', second.tree])).toBe(
      `100644 blob ${second.blob}\tsnapshot.json\n100644 blob e69de29bb2d1d6434b8b29ae775ad8c2e48c5391\tversion-1\n`,
    );
    expect(repo.git(['cat-file', 'blob', second.blob])).toBe('{"message":"rename m1\\n"}\n');
    expect(repo.git(['for-each-ref', '--format=%(refname) %(objectname)', 'refs/milestones'])).toBe(`${REF} ${second.commit}\n`);
    expect(repo.git(['rev-list', '--count', REF]).trim()).toBe('2');
    expect(repo.git(['fsck', '--strict', '--no-dangling'])).toBe('');
  });

  it('reads objects git wrote, and readMany returns all found objects, omitting missing ones', async () => {
    const blob = repo.git(['hash-object', '-w', '--stdin'], { input: 'native\n' }).trim();
    const tree = repo.git(['mktree'], { input: `100644 blob ${blob}\tf\n` }).trim();
    const commit = repo.git(['commit-tree', tree, '-m', 'native'], {
      env: { GIT_AUTHOR_DATE: '1700000000 +0530', GIT_COMMITTER_DATE: '1700000000 +0530' },
    }).trim();
    expect(await storage.objects.readCommit(commit)).toEqual({
      tree,
      parents: [],
      author: { name: 'Test User', email: 'test@example.com', timestamp: 1700000000, timezoneOffset: -330 },
      committer: { name: 'Test User', email: 'test@example.com', timestamp: 1700000000, timezoneOffset: -330 },
      message: 'native\n',
    });
    const missing = 'f'.repeat(40);
    const many = await storage.objects.readMany([commit, tree, blob, missing, blob]);
    expect([...many.keys()].sort()).toEqual([blob, commit, tree].sort());
    expect(many.get(blob)).toEqual({ type: 'blob', oid: blob, data: Buffer.from('native\n') });
    expect(many.get(tree)).toEqual({ type: 'tree', oid: tree, entries: [{ mode: '100644', name: 'f', oid: blob }] });
    await expect(storage.objects.readBlob(missing)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining(missing) });
  });

  it('still reads everything after `git gc --prune=now` packs objects and refs', async () => {
    const first = await writeEntity('create\n');
    await storage.refs.cas(REF, null, first.commit);
    await storage.refs.cas('refs/milestones/task/t1', null, first.commit);
    repo.git(['gc', '--prune=now', '--quiet']);
    expect(repo.git(['count-objects', '-v'])).toMatch(/^count: 0$/m);
    expect(repo.git(['cat-file', '--batch-check'], { input: `${first.commit}\n` })).toMatch(/ commit /);
    expect(repo.git(['show-ref'])).toContain(REF);
    const packedRefs = fs.readFileSync(`${repo.dir}/.git/packed-refs`, 'utf8');
    expect(packedRefs).toContain(`${first.commit} ${REF}`);
    expect(fs.existsSync(`${repo.dir}/.git/${REF}`)).toBe(false);

    await storage.objects.close();
    storage = openGitStorage({ repo: findRepo({ cwd: repo.dir, vars: {} }) });
    expect(await storage.refs.read(REF)).toBe(first.commit);
    expect([...(await storage.refs.list('refs/milestones/'))]).toEqual([
      [REF, first.commit],
      ['refs/milestones/task/t1', first.commit],
    ]);
    expect(await storage.objects.readCommit(first.commit)).toEqual(first.data);
    expect((await storage.objects.readTree(first.tree)).map((e) => e.name)).toEqual(['snapshot.json', 'version-1']);
    expect((await storage.objects.readBlob(first.blob)).toString()).toBe('{"message":"create\\n"}\n');
    expect((await storage.objects.readMany([first.commit, first.tree])).size).toBe(2);

    const second = await writeEntity('update\n', [first.commit]);
    await expect(storage.refs.cas(REF, second.commit, second.commit)).rejects.toMatchObject({ code: 'STALE_REF' });
    await storage.refs.cas(REF, first.commit, second.commit);
    expect(repo.git(['rev-parse', REF]).trim()).toBe(second.commit);
    expect(repo.git(['rev-parse', `${REF}~1`]).trim()).toBe(first.commit);
    expect(repo.git(['fsck', '--strict', '--no-dangling'])).toBe('');
  });

  it('works in a sha256 repository', async () => {
    await storage.objects.close();
    repo.cleanup();
    repo = makeTmpRepo({ objectFormat: 'sha256' });
    const info = findRepo({ cwd: repo.dir, vars: {} });
    expect(info.objectFormat).toBe('sha256');
    storage = openGitStorage({ repo: info });
    const { commit, tree } = await writeEntity('sha256\n');
    expect(commit).toMatch(/^[0-9a-f]{64}$/);
    await storage.refs.cas(REF, null, commit);
    expect(repo.git(['rev-parse', `${REF}^{tree}`]).trim()).toBe(tree);
    expect(repo.git(['fsck', '--strict', '--no-dangling'])).toBe('');
    repo.git(['gc', '--prune=now', '--quiet']);
    const fresh = openGitStorage({ repo: info });
    expect((await fresh.objects.readCommit(commit)).message).toBe('sha256\n');
    await fresh.objects.close();
  });

  it('honours a foreign lock like git does: LOCKED while `<ref>.lock` exists', async () => {
    const { commit } = await writeEntity('x\n');
    fs.mkdirSync(`${repo.dir}/.git/refs/milestones/milestone`, { recursive: true });
    fs.writeFileSync(`${repo.dir}/.git/${REF}.lock`, '');
    storage = openGitStorage({ repo: findRepo({ cwd: repo.dir, vars: {} }), lockTimeoutMs: 50 });
    await expect(storage.refs.cas(REF, null, commit)).rejects.toMatchObject({ code: 'LOCKED' });
    expect(() => repo.git(['update-ref', REF, commit])).toThrow(/File exists|Unable to create/);
  });
});
