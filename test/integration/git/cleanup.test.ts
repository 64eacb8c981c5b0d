/**
 * Merged milestone/task branches, in one real repository with the hooks installed: merged by a merge
 * commit, by a squash of two commits and by a fast-forward, the post-merge hook (and post-commit, for
 * the squash) completes each task; `branch cleanup` then deletes what the policy allows —
 * conservative keeps the squash-merged branch (preserve_completed) and waits cleanup_after_days,
 * aggressive deletes every merged branch — while an unmerged branch and the current branch survive.
 * With auto_cleanup_branches the hook deletes by itself.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { gitEnv, makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

let repo: TmpRepo;
let M: string;
const tasks: Record<string, string> = {};
const branches: Record<string, string> = {};
const ENV = { GIT_CONFIG_GLOBAL: '/dev/null' };
const ok = (args: string[]) => {
  const r = cli(repo.dir, args, ENV);
  expect(r.code, `${args.join(' ')}\n${r.stderr}${r.stdout}`).toBe(0);
  return r;
};
const git = (args: string[]) => {
  const r = spawnSync('git', args, { cwd: repo.dir, env: gitEnv(), encoding: 'utf8' });
  expect(r.status, `git ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
};
const status = (k: string) => ok(['task', 'show', tasks[k], '--json']).json().status;
const exists = (k: string) => repo.git(['branch', '--list', branches[k]]).trim() !== '';
function work(k: string, commits: number) {
  branches[k] = ok(['branch', 'start', tasks[k], '--json']).json().branch;
  for (let i = 0; i < commits; i++) {
    fs.writeFileSync(path.join(repo.dir, `${k}${i}.txt`), `${k}${i}\n`);
    git(['add', '-A']);
    git(['commit', '-q', '-m', `Work on ${k} ${i}`]);
  }
  git(['checkout', '-q', 'main']);
}

beforeAll(() => {
  repo = makeTmpRepo();
  repo.git(['commit', '-q', '--allow-empty', '-m', 'init']);
  M = ok(['new', 'Release', '--json']).json().id;
  for (const k of ['merge', 'squash', 'ff', 'unmerged', 'current', 'fresh', 'auto', 'squashm', 'conflict', 'dry']) tasks[k] = ok(['task', 'add', M, `Task ${k}`, '--json']).json().id;
  ok(['hooks', 'install']);
});
afterAll(() => repo.cleanup());

describe('merging completes the task (post-merge, and post-commit for a squash)', () => {
  it('merge commit', () => {
    work('merge', 1);
    const r = git(['merge', '-q', '--no-ff', '--no-edit', branches.merge]);
    expect(r.stderr).toMatch(/task [0-9a-f]{8} completed/);
    expect(status('merge')).toBe('completed');
    expect(repo.git(['log', '-1', '--format=%s'])).toMatch(/^Merge branch/); // merges are not reformatted
  });

  it('squash of two commits', () => {
    work('squash', 2);
    git(['merge', '-q', '--squash', branches.squash]);
    expect(status('squash')).toBe('in_progress'); // nothing is committed yet
    git(['commit', '-q', '--no-edit']);
    expect(status('squash')).toBe('completed');
  });

  it('fast-forward', () => {
    work('ff', 1);
    git(['merge', '-q', '--ff-only', branches.ff]);
    expect(status('ff')).toBe('completed');
  });

  it('an unmerged branch and a branch with no commits of its own are not merged', () => {
    work('fresh', 0);
    work('unmerged', 1);
    work('current', 1);
    git(['merge', '-q', '--no-ff', '--no-edit', branches.current]);
    expect(status('unmerged')).toBe('in_progress');
    expect(status('fresh')).toBe('in_progress'); // its tip is in main's history, but it has no work
    expect(status('current')).toBe('completed');
    expect(Object.keys(branches).every(exists)).toBe(true); // auto_cleanup_branches is off by default
  });
});

describe('branch cleanup', () => {
  it('--dry-run changes nothing; conservative waits cleanup_after_days', () => {
    git(['checkout', '-q', branches.current]);
    const r = ok(['branch', 'cleanup', '--dry-run', '--json']).json();
    expect(r).toMatchObject({ base: 'main', dryRun: true });
    const by = Object.fromEntries(r.branches.map((b: any) => [b.branch, b]));
    expect(by[branches.merge]).toMatchObject({ merged: 'ancestor', action: 'kept', reason: expect.stringMatching(/cleanup_after_days/) });
    expect(by[branches.squash].merged).toBe('tree'); // two commits: no single patch matches the squash
    expect(by[branches.fresh]).toMatchObject({ merged: null, reason: 'not merged' });
    expect(by[branches.ff]).toMatchObject({ merged: 'ancestor', action: 'kept' });
    expect(by[branches.unmerged]).toMatchObject({ merged: null, action: 'kept', reason: 'not merged' });
    expect(by[branches.current]).toMatchObject({ action: 'kept', reason: 'checked out' });
    expect(Object.keys(branches).every(exists)).toBe(true);
  });

  it('conservative with cleanup_after_days 0: ancestry-merged branches go, the squash-merged one is preserved', () => {
    repo.git(['config', 'milestone.git_integration.cleanup-after-days', '0']);
    const r = ok(['branch', 'cleanup', '--json']).json();
    const action = Object.fromEntries(r.branches.map((b: any) => [b.branch, b.action]));
    expect(action).toEqual({ [branches.merge]: 'deleted', [branches.ff]: 'deleted', [branches.squash]: 'kept', [branches.unmerged]: 'kept', [branches.current]: 'kept', [branches.fresh]: 'kept' });
    expect(r.branches.find((b: any) => b.branch === branches.squash).reason).toMatch(/preserve_completed/);
    expect([exists('merge'), exists('ff'), exists('squash')]).toEqual([false, false, true]);
  });

  it('aggressive deletes every merged branch; the unmerged and the current one survive', () => {
    repo.git(['config', 'milestone.branch-cleanup', 'aggressive']);
    const r = ok(['branch', 'cleanup']);
    expect(r.stdout).toContain(`${branches.squash}`);
    expect([exists('squash'), exists('unmerged'), exists('current'), exists('fresh')]).toEqual([false, true, true, true]);
    expect(status('unmerged')).toBe('in_progress');
    git(['checkout', '-q', 'main']);
  });

  it('with auto_cleanup_branches the post-merge hook deletes the merged branch itself', () => {
    repo.git(['config', 'milestone.git_integration.auto-cleanup-branches', 'true']);
    work('auto', 1);
    const r = git(['merge', '-q', '--no-ff', '--no-edit', branches.auto]);
    expect(r.stderr).toContain(`deleted merged branch ${branches.auto}`);
    expect(exists('auto')).toBe(false);
    expect(status('auto')).toBe('completed');
    expect(exists('unmerged')).toBe(true);
    expect(fs.existsSync(path.join(repo.dir, '.git', 'milestones', 'branches', ...branches.auto.split('/')))).toBe(false);
  });
});

describe('the commit that concludes a squash or a stopped merge completes the task; --dry-run completes nothing', () => {
  it('`git merge --squash` then `git commit -m`: the source is "message", SQUASH_MSG says squash', () => {
    work('squashm', 2);
    git(['merge', '-q', '--squash', branches.squashm]);
    expect(status('squashm')).toBe('in_progress');
    const r = git(['commit', '-q', '-m', 'Squash the parser work']);
    expect(r.stderr).toMatch(new RegExp(`task ${tasks.squashm.slice(0, 8)} completed`));
    expect(status('squashm')).toBe('completed');
    expect(repo.git(['log', '-1', '--format=%s'])).toBe('Squash the parser work\n'); // main is not a milestone branch
    expect(fs.readFileSync(path.join(repo.dir, '.git', 'GIT_MILESTONE_SOURCE'), 'utf8')).toBe(''); // used once
  });

  it('a merge stopped by a conflict, concluded by `git commit`', () => {
    branches.conflict = ok(['branch', 'start', tasks.conflict, '--json']).json().branch;
    fs.writeFileSync(path.join(repo.dir, 'clash.txt'), 'theirs\n');
    git(['add', '-A']);
    git(['commit', '-q', '-m', 'Their side']);
    git(['checkout', '-q', 'main']);
    fs.writeFileSync(path.join(repo.dir, 'clash.txt'), 'ours\n');
    git(['add', '-A']);
    git(['commit', '-q', '-m', 'Our side']);
    const stopped = spawnSync('git', ['merge', '-q', '--no-ff', '--no-edit', branches.conflict], { cwd: repo.dir, env: gitEnv(), encoding: 'utf8' });
    expect(stopped.status).not.toBe(0);
    fs.writeFileSync(path.join(repo.dir, 'clash.txt'), 'both\n');
    git(['add', 'clash.txt']);
    expect(status('conflict')).toBe('in_progress');
    git(['commit', '-q', '-m', 'Merge the clash']);
    expect(status('conflict')).toBe('completed');
  });

  it('--dry-run says "would complete" and completes nothing; the real run completes', () => {
    work('dry', 1);
    const quiet = spawnSync('git', ['merge', '-q', '--no-ff', '--no-edit', branches.dry], { cwd: repo.dir, env: gitEnv({ GIT_MILESTONE_HOOKS: '0' }), encoding: 'utf8' });
    expect(quiet.status, quiet.stderr).toBe(0);
    expect(status('dry')).toBe('in_progress');
    const json = ok(['branch', 'cleanup', '--dry-run', '--json']).json().branches.find((b: any) => b.branch === branches.dry);
    expect(json).toMatchObject({ merged: 'ancestor', action: 'would-delete', completed: [], wouldComplete: [tasks.dry] });
    const text = ok(['branch', 'cleanup', '--dry-run']).stdout;
    expect(text).toContain(`would complete ${tasks.dry.slice(0, 8)}`);
    expect(text).not.toMatch(/(^|\s)completed [0-9a-f]{8}/);
    expect(status('dry')).toBe('in_progress');
    const real = ok(['branch', 'cleanup', '--json']).json().branches.find((b: any) => b.branch === branches.dry);
    expect(real).toMatchObject({ action: 'deleted', completed: [tasks.dry], wouldComplete: [] });
    expect(status('dry')).toBe('completed');
  });
});
