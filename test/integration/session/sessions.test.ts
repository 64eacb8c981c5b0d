/**
 * Sessions with real repositories, in one shared cluster (a bare remote and clones): a checkpoint
 * saves staged, unstaged and untracked changes as a stash commit without touching the work tree;
 * `git gc --prune=now` keeps it; push carries it (and the branch's commits) with the session; in
 * another clone `session resume` restores the branch that was never pushed and every change. Doctor
 * counts sessions; backup and restore carry them; a session changed in two clones merges on sync.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCluster, type Clone, type Cluster } from '../sync/cluster';

let cluster: Cluster;
let ann: Clone;
let bob: Clone;
let session: string;
let stash: string;
const status = (c: Clone) => c.git(['status', '--porcelain=v1', '-uall']);

beforeAll(() => {
  cluster = makeCluster(['Ann', 'Bob']);
  [ann, bob] = cluster.clones;
  fs.writeFileSync(path.join(ann.dir, 'a.txt'), 'one\n');
  fs.writeFileSync(path.join(ann.dir, 'b.txt'), 'two\n');
  ann.git(['add', '.']);
  ann.git(['commit', '-qm', 'init']);
  ann.git(['push', '-q', 'origin', 'HEAD:refs/heads/main']);
});
afterAll(() => cluster.cleanup());

describe('sessions across clones', () => {
  it('checkpoint saves uncommitted work as a stash commit that gc keeps, leaving the work tree alone', () => {
    const m = ann.json<{ id: string }>(['new', 'Parser']).id;
    ann.ok(['task', 'add', m.slice(0, 8), 'Tokenizer']);
    session = ann.json<{ id: string }>(['session', 'start', m.slice(0, 8), '--pid', String(process.pid)]).id;
    ann.git(['checkout', '-qb', 'milestone/work']);
    fs.writeFileSync(path.join(ann.dir, 'a.txt'), 'one\ncommitted on the branch\n');
    ann.git(['commit', '-qam', 'branch work']);
    fs.writeFileSync(path.join(ann.dir, 'a.txt'), 'one\ncommitted on the branch\nstaged\n');
    ann.git(['add', 'a.txt']);
    fs.writeFileSync(path.join(ann.dir, 'b.txt'), 'two\nunstaged\n');
    fs.mkdirSync(path.join(ann.dir, 'new'));
    fs.writeFileSync(path.join(ann.dir, 'new', 'c.txt'), 'untracked\n');
    const before = status(ann);
    const cp = ann.json<any>(['session', 'checkpoint', '-m', 'half way']);
    expect(cp).toMatchObject({ message: 'half way', branch: 'milestone/work', worktree: ann.dir });
    expect(cp.head).toBe(ann.git(['rev-parse', 'HEAD']).trim());
    stash = cp.stash;
    expect(stash).toMatch(/^[0-9a-f]{40}$/);
    expect(status(ann)).toBe(before);
    expect(ann.git(['stash', 'list'])).toBe('');
    ann.git(['gc', '-q', '--prune=now']);
    expect(ann.git(['cat-file', '-t', stash]).trim()).toBe('commit');
    expect(ann.git(['show', `${stash}^3:new/c.txt`])).toBe('untracked\n');
    const shown = ann.json<any>(['session', 'show', session.slice(0, 8)]);
    expect(shown).toMatchObject({ id: session, status: 'active', checkpoints: 1, lastCheckpoint: { stash } });
    ann.git(['fsck', '--strict']);
  });

  it('session resume in another clone restores the unpushed branch and every uncommitted change', () => {
    ann.ok(['push']);
    bob.ok(['pull']);
    const listed = bob.json<any[]>(['session', 'list']);
    expect(listed.map((s) => [s.id, s.lastCheckpoint?.stash])).toEqual([[session, stash]]);
    expect(bob.git(['branch', '--list', 'milestone/work'])).toBe('');
    const r = bob.json<any>(['session', 'resume', session.slice(0, 8)]);
    expect(r).toMatchObject({ branch: 'milestone/work', restored: true, session: { status: 'active', owner: { name: 'Bob' } } });
    expect(bob.git(['symbolic-ref', '--short', 'HEAD']).trim()).toBe('milestone/work');
    expect(fs.readFileSync(path.join(bob.dir, 'a.txt'), 'utf8')).toBe('one\ncommitted on the branch\nstaged\n');
    expect(fs.readFileSync(path.join(bob.dir, 'b.txt'), 'utf8')).toBe('two\nunstaged\n');
    expect(fs.readFileSync(path.join(bob.dir, 'new', 'c.txt'), 'utf8')).toBe('untracked\n');
    expect(status(bob)).toBe(status(ann));
    // Resuming again into the now dirty work tree is refused, and nothing changes.
    const again = bob.gm(['session', 'resume', session.slice(0, 8)]);
    expect(again.code).toBe(6);
    expect(again.stderr).toMatch(/uncommitted changes/);
    expect(status(bob)).toBe(status(ann));
    const doctor = bob.json<any>(['doctor']);
    expect(doctor.counts.kinds).toEqual({ session: 1 });
    expect(doctor.healthy).toBe(true);
  });

  it('a session changed in two clones merges on sync; backup and restore carry it', () => {
    bob.ok(['sync']); // bob's resume (a take-over)
    ann.ok(['session', 'checkpoint', session.slice(0, 8), '-m', 'ann again']); // concurrent with bob's resume
    ann.ok(['sync']);
    bob.ok(['sync']);
    const a = ann.json<any>(['session', 'show', session.slice(0, 8)]);
    const b = bob.json<any>(['session', 'show', session.slice(0, 8)]);
    expect(b).toEqual(a);
    expect(a).toMatchObject({ checkpoints: 2, owner: { name: 'Bob' }, lastCheckpoint: { message: 'ann again' } });
    expect(ann.git(['rev-parse', `refs/milestones/session/${session}`])).toBe(bob.git(['rev-parse', `refs/milestones/session/${session}`]));
    const file = path.join(ann.dir, 'plan.bundle');
    ann.ok(['backup', file]);
    const carl = cluster.add('Carl');
    carl.ok(['restore', file]);
    expect(carl.json<any>(['session', 'show', session.slice(0, 8)])).toEqual(a);
    expect(carl.git(['cat-file', '-t', stash]).trim()).toBe('commit');
    for (const c of [ann, bob, carl]) c.git(['fsck', '--strict']);
  });
});
