/**
 * The session kind on the engine: every session commit is marked with format level 3 (0.3.0), so
 * a 0.2.0 reader names the release it needs instead of calling the entity corrupt; attachments
 * (extra parents named in the message) are never walked as entity history, also when two clones'
 * tips diverge and merge; and concurrent status changes fold the same everywhere (ended is final).
 */
import { describe, expect, it } from 'vitest';
import { sessionEntity, sessionEntityFor } from '../../../src/core/sessionEntity';
import { createRegistry } from '../../../src/domain/ops/registry';
import { SESSION_OPS } from '../../../src/domain/session/registry';
import { sessionCheckpointOp } from '../../../src/domain/session/sessionCheckpoint';
import { sessionCreateOp } from '../../../src/domain/session/sessionCreate';
import { sessionStatusOp } from '../../../src/domain/session/sessionStatus';
import type { SessionState } from '../../../src/domain/session/types';
import { EntityStore } from '../../../src/storage/entity/EntityStore';
import { MemoryObjectStore } from '../../../src/storage/memory/MemoryObjectStore';
import { MemoryRefStore } from '../../../src/storage/memory/MemoryRefStore';

const at = (s: number) => ({ author: { name: 'Ann', email: 'ann@example.com' }, time: new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString() });
const M = 'a'.repeat(64);

async function attachment(objects: MemoryObjectStore): Promise<string> {
  const who = { name: 'A', email: 'a@x', timestamp: 1, timezoneOffset: 0 };
  const base = await objects.writeCommit({ tree: await objects.writeTree([]), parents: [], author: who, committer: who, message: 'user work\n' });
  return objects.writeCommit({ tree: await objects.writeTree([]), parents: [base], author: who, committer: who, message: 'WIP\n' });
}

describe('the session kind', () => {
  it('is marked level 3, and a 0.2.0 reader refuses it with FORMAT_TOO_NEW naming 0.3.0', async () => {
    const objects = new MemoryObjectStore();
    const refs = new MemoryRefStore();
    const store = new EntityStore<SessionState>({ objects, refs }, sessionEntity);
    const s = await store.create(sessionCreateOp({ milestone: M, host: 'h', pid: 7, start: null, nonce: 'n' }), at(0));
    const names = (await objects.readTree((await objects.readCommit(s.tip)).tree)).map((e) => e.name);
    expect(names).toContain('level-3-v0.3.0');
    const older = new EntityStore<SessionState>({ objects, refs }, sessionEntityFor(createRegistry(SESSION_OPS.types.map((t) => SESSION_OPS.get(t)), { 1: '0.1.0', 2: '0.2.0' }, '0.2.0')));
    await expect(older.read(s.id)).rejects.toMatchObject({
      code: 'FORMAT_TOO_NEW', message: `session ${s.id.slice(0, 8)} was written by git-milestone ≥ 0.3.0 (format level 3); this is 0.2.0: upgrade`,
    });
  });

  it('walks no attachment, merges diverged tips with attachments, and keeps an ended session ended', async () => {
    const objects = new MemoryObjectStore();
    const ann = new EntityStore<SessionState>({ objects, refs: new MemoryRefStore() }, sessionEntity);
    const bob = new EntityStore<SessionState>({ objects, refs: new MemoryRefStore() }, sessionEntity);
    const s = await ann.create(sessionCreateOp({ milestone: M, host: 'h', pid: 7, start: null, nonce: 'n' }), at(0));
    await bob.mergeMany(await ann.list());
    const stash = await attachment(objects);
    const a = await ann.append(s.id, at(1), () => [sessionCheckpointOp({ tasks: [], next: [], stash })], { attach: [stash] });
    expect((await objects.readCommit(a.tip)).parents).toEqual([s.tip, stash]);
    await bob.append(s.id, at(2), () => [sessionStatusOp({ status: 'completed' })]);
    await ann.append(s.id, at(3), () => [sessionStatusOp({ status: 'paused' })]);
    const outcome = (await ann.mergeMany(await bob.list())).get(s.id);
    expect(outcome?.kind).toBe('merged');
    const h = await ann.history(s.id);
    expect(h.commits).toHaveLength(5); // create, checkpoint, paused, completed, merge: not the stash or its parent
    expect(h.state).toMatchObject({ status: 'completed', checkpoints: 1, lastCheckpoint: { stash } });
    await bob.mergeMany(await ann.list());
    expect((await bob.read(s.id)).state).toEqual(h.state);
  });
});
