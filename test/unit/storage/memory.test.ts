import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { MemoryObjectStore } from '../../../src/storage/memory/MemoryObjectStore';
import { MemoryRefStore } from '../../../src/storage/memory/MemoryRefStore';

const who = { name: 'A', email: 'a@example.com', timestamp: 1700000000, timezoneOffset: 0 };
const REF = 'refs/milestones/task/t1';

describe('MemoryObjectStore', () => {
  it('gives real git oids and round-trips objects', async () => {
    const s = new MemoryObjectStore();
    const blob = await s.writeBlob('snapshot\n');
    expect(blob).toBe(execFileSync('git', ['hash-object', '--stdin'], { input: 'snapshot\n', encoding: 'utf8' }).trim());
    const tree = await s.writeTree([{ mode: '100644', name: 'snapshot.json', oid: blob }]);
    const commit = await s.writeCommit({ tree, parents: [], author: who, committer: who, message: 'm' });
    expect(await s.readCommit(commit)).toEqual({ tree, parents: [], author: who, committer: who, message: 'm' });
    const many = await s.readMany([commit, tree, blob, 'f'.repeat(40), blob]);
    expect([...many.keys()]).toEqual([commit, tree, blob]);
    expect(many.get(tree)).toEqual({ type: 'tree', oid: tree, entries: [{ mode: '100644', name: 'snapshot.json', oid: blob }] });
    await expect(s.readBlob('f'.repeat(40))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(s.readTree(blob)).rejects.toMatchObject({ code: 'CORRUPT_ENTITY' });
  });
});

describe('MemoryRefStore', () => {
  const A = 'a'.repeat(40);
  const B = 'b'.repeat(40);

  it('has CAS semantics with STALE_REF and a changing fingerprint', async () => {
    const r = new MemoryRefStore();
    const f0 = await r.fingerprint('refs/milestones/');
    await r.cas(REF, null, A);
    await expect(r.cas(REF, null, B)).rejects.toMatchObject({ code: 'STALE_REF', data: { actual: A } });
    await expect(r.cas('refs/milestones/task/t2', A, B)).rejects.toMatchObject({ code: 'STALE_REF', data: { actual: null } });
    await r.cas(REF, A, B);
    const f1 = await r.fingerprint('refs/milestones/');
    expect(f1).toEqual({ token: expect.any(String), racy: false });
    expect(f1.token).not.toBe(f0.token);
    expect([...(await r.list('refs/milestones/task/'))]).toEqual([[REF, B]]);
  });

  it('fails LOCKED while a lock is held past the timeout, and proceeds once released', async () => {
    const r = new MemoryRefStore({ lockTimeoutMs: 40 });
    const release = r.holdLock(REF);
    await expect(r.cas(REF, null, A)).rejects.toMatchObject({ code: 'LOCKED' });
    setTimeout(release, 10);
    await r.cas(REF, null, A);
    expect(await r.read(REF)).toBe(A);
  });
});
