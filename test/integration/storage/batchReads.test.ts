import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CatFileBatch } from '../../../src/storage/git/catFileBatch';
import { findRepo } from '../../../src/storage/git/findRepo';
import { GitObjectStore } from '../../../src/storage/git/GitObjectStore';
import { makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

let repo: TmpRepo;
let store: GitObjectStore;

beforeEach(() => {
  repo = makeTmpRepo();
  store = new GitObjectStore({ repo: findRepo({ cwd: repo.dir, vars: {} }) });
});

afterEach(async () => {
  await store.close();
  repo.cleanup();
});

/** Moves the given loose objects into a pack (as gc would, but regardless of reachability). */
function pack(oids: string[]): void {
  repo.git(['pack-objects', '-q', '.git/objects/pack/pack'], { input: `${oids.join('\n')}\n` });
  repo.git(['prune-packed']);
}

describe('batched reads', () => {
  it('readMany mixes loose and packed objects across thousands of oids, omitting missing ones', async () => {
    const packedBlobs: string[] = [];
    for (let i = 0; i < 3000; i++) packedBlobs.push(await store.writeBlob(`packed ${i}\n`));
    pack(packedBlobs);
    expect(repo.git(['count-objects', '-v'])).toMatch(/^count: 0$/m);
    const looseBlobs: string[] = [];
    for (let i = 0; i < 500; i++) looseBlobs.push(await store.writeBlob(`loose ${i}\n`));
    const missing = ['0'.repeat(40), '1'.repeat(40)];

    const many = await store.readMany([...missing, ...packedBlobs, ...looseBlobs]);
    expect(many.size).toBe(3500);
    expect(many.has(missing[0])).toBe(false);
    const text = (oids: string[]): string[] => oids.map((oid) => { const o = many.get(oid); return o?.type === 'blob' ? o.data.toString() : '?'; });
    expect(text(packedBlobs)).toEqual(packedBlobs.map((_, i) => `packed ${i}\n`));
    expect(text(looseBlobs)).toEqual(looseBlobs.map((_, i) => `loose ${i}\n`));
    expect((await store.readBlob(packedBlobs[1234])).toString()).toBe('packed 1234\n');
  });

  it('readMany keeps finding objects after its cached directory listings went stale', async () => {
    const first: string[] = [];
    for (let i = 0; i < 300; i++) first.push(await store.writeBlob(`first ${i}\n`));
    expect((await store.readMany(first)).size).toBe(300); // lists the fan-out directories once
    // Another process writes loose objects; some of ours get packed and pruned away.
    const theirs = repo.git(['hash-object', '-w', '--stdin-paths'], {
      input: Array.from({ length: 200 }, (_, i) => { const f = `${repo.dir}/f${i}`; fs.writeFileSync(f, `theirs ${i}\n`); return f; }).join('\n'),
    }).trim().split('\n');
    pack(first.slice(0, 150));
    const mine: string[] = [];
    for (let i = 0; i < 100; i++) mine.push(await store.writeBlob(`mine ${i}\n`));
    const all = await store.readMany([...first, ...theirs, ...mine]);
    expect(all.size).toBe(600);
    const text = (oid: string): string => { const o = all.get(oid); return o?.type === 'blob' ? o.data.toString() : '?'; };
    expect([text(theirs[199]), text(first[0]), text(mine[99])]).toEqual(['theirs 199\n', 'first 0\n', 'mine 99\n']);
  });

  it('CatFileBatch pipelines 20,000 requests, big objects split across pipe chunks, in order', async () => {
    const big = randomBytes(3 * 1024 * 1024);
    const bigOid = await store.writeBlob(big);
    const small = await store.writeBlob('small\n');
    const missing = 'f'.repeat(40);
    const requests = Array.from({ length: 20000 }, (_, i) => (i % 1000 === 7 ? bigOid : i % 3 === 1 ? missing : small));
    const batch = new CatFileBatch({ gitDir: `${repo.dir}/.git` });
    try {
      const [answers, again] = await Promise.all([batch.readMany(requests), batch.readMany([bigOid, small])]);
      expect(answers).toHaveLength(20000);
      answers.forEach((a, i) => {
        expect(a.oid).toBe(requests[i]);
        if (requests[i] === missing) expect(a).toEqual({ oid: missing, found: false, reason: 'missing' });
        else if (requests[i] === bigOid) expect(a.found && a.data.equals(big)).toBe(true);
        else expect(a).toEqual({ oid: small, found: true, type: 'blob', data: Buffer.from('small\n') });
      });
      expect(again.map((a) => a.found && a.data.length)).toEqual([big.length, 6]);
    } finally {
      await batch.close();
      await batch.close();
    }
  });

  it('reports GIT_FAILED when git cannot run on the directory', async () => {
    const batch = new CatFileBatch({ gitDir: `${repo.dir}/no-such-dir` });
    await expect(batch.read('a'.repeat(40))).rejects.toMatchObject({ code: 'GIT_FAILED', message: expect.stringContaining('not a git repository') });
    await batch.close();
  });

  it('ancestors lists every commit reachable from the given ones (git rev-list), null when one is missing', async () => {
    const who = { name: 'A', email: 'a@example.com', timestamp: 1_700_000_000, timezoneOffset: 0 };
    const tree = await store.writeTree([]);
    const chain: string[] = [];
    for (let i = 0; i < 5; i++) {
      chain.push(await store.writeCommit({ tree, parents: chain.slice(-1), author: who, committer: who, message: `c${i}\n` }));
    }
    pack(chain.slice(0, 2));
    expect((await store.ancestors([chain[4]]))?.sort()).toEqual([...chain].sort());
    expect((await store.ancestors([chain[1], chain[3]]))?.sort()).toEqual(chain.slice(0, 4).sort());
    expect(await store.ancestors(['0'.repeat(40)])).toBeNull();
    expect(await store.ancestors([])).toEqual([]);
  });
});
