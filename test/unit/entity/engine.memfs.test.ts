/**
 * The op-log engine over the real git adapter (loose objects, lock-file compare-and-swap) on an
 * in-memory filesystem: what it writes is a valid git history that isomorphic-git, an independent
 * implementation, walks and reads back; concurrent appends through separate stores lose nothing;
 * a lock left behind by another writer is waited for, then reported.
 */
import git from 'isomorphic-git';
import { createFsFromVolume, Volume } from 'memfs';
import { beforeEach, describe, expect, it } from 'vitest';
import { milestoneEntity } from '../../../src/core/milestoneEntity';
import type { MilestoneState } from '../../../src/domain/types';
import { EntityStore } from '../../../src/storage/entity/EntityStore';
import { findRepo } from '../../../src/storage/git/findRepo';
import { openGitStorage } from '../../../src/storage/git/openGitStorage';
import type { FsLike } from '../../../src/storage/git/types';

const dir = '/repo';
let fs: FsLike & Parameters<typeof git.init>[0]['fs'];
const who = (n: number) => ({ author: { name: 'Ada', email: 'ada@example.com' }, time: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString() });
const store = (lockTimeoutMs = 2000) =>
  new EntityStore<MilestoneState>(openGitStorage({ repo: findRepo({ cwd: dir, vars: {}, fs }), fs, lockTimeoutMs }), milestoneEntity);

beforeEach(async () => {
  fs = createFsFromVolume(new Volume()) as unknown as typeof fs;
  await git.init({ fs, dir, defaultBranch: 'main' });
});

describe('EntityStore on memfs', () => {
  it('writes a history isomorphic-git can walk, with the layout and snapshot documented', async () => {
    const s = store();
    const { id } = await s.create({ type: 'milestone.create', title: 'T', nonce: 'n' }, who(0));
    await s.append(id, who(1), () => [{ type: 'task.add', title: 'a', nonce: 'a' }]);
    const ref = `refs/milestones/milestone/${id}`;
    const tip = await git.resolveRef({ fs, dir, ref });
    const log = await git.log({ fs, dir, ref });
    expect(log.map((c) => c.commit.message.split('\n')[0])).toEqual(['task.add "a"', 'milestone.create "T"']);
    const files = await git.listFiles({ fs, dir, ref: tip });
    expect(files.sort()).toEqual(['ops.json', 'snapshot.json', 'version-1']);
    const { blob } = await git.readBlob({ fs, dir, oid: tip, filepath: 'snapshot.json' });
    expect(JSON.parse(Buffer.from(blob).toString()).tasks.map((t: { title: string }) => t.title)).toEqual(['a']);
    expect((await s.history(id)).state).toEqual((await s.read(id)).state);
  });

  it('appends from several stores at once lose nothing', async () => {
    const { id } = await store().create({ type: 'milestone.create', title: 'T', nonce: 'n' }, who(0));
    await Promise.all(Array.from({ length: 8 }, (_, i) => store().append(id, who(i + 1), () => [{ type: 'task.add', title: `t${i}`, nonce: `n${i}` }])));
    const state = (await store().history(id)).state;
    expect(state.tasks.map((t) => t.title).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `t${i}`));
  });

  it('a held ref lock is waited for and then reported as LOCKED, writing nothing', async () => {
    const s = store(100);
    const { id, tip } = await s.create({ type: 'milestone.create', title: 'T', nonce: 'n' }, who(0));
    const lock = `${dir}/.git/refs/milestones/milestone/${id}.lock`;
    fs.writeFileSync(lock, 'held by someone else');
    await expect(s.append(id, who(1), () => [{ type: 'task.add', title: 'a', nonce: 'a' }])).rejects.toMatchObject({ code: 'LOCKED' });
    expect((await s.read(id)).tip).toBe(tip);
    fs.unlinkSync(lock);
    await s.append(id, who(2), () => [{ type: 'task.add', title: 'a', nonce: 'a' }]);
    expect((await s.read(id)).state.tasks).toHaveLength(1);
  });
});
