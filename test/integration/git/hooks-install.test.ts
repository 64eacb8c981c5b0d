/**
 * `hooks install|uninstall|status` and `init --hooks` on real repositories: existing hooks are
 * chained (they still run, a refusal still refuses, a husky-style hook still finds itself through
 * $0) and uninstall restores them byte for byte, mode included; core.hooksPath and linked worktrees
 * are respected; a shim whose package is gone only runs the kept hook.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { gitEnv, makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';
import { execFileSync, spawnSync } from 'node:child_process';

const ok = (dir: string, args: string[]) => {
  const r = cli(dir, args, { GIT_CONFIG_GLOBAL: '/dev/null' });
  expect(r.code, `${args.join(' ')}\n${r.stderr}${r.stdout}`).toBe(0);
  return r;
};
const commit = (repo: TmpRepo, msg: string, extra: string[] = []) => {
  fs.appendFileSync(path.join(repo.dir, 'file.txt'), `${msg}\n`);
  repo.git(['add', 'file.txt']);
  return spawnSync('git', ['commit', '-q', '-m', msg, ...extra], { cwd: repo.dir, env: gitEnv(), encoding: 'utf8' });
};

describe('hooks install / uninstall over existing hooks', () => {
  let repo: TmpRepo;
  const hooks = () => path.join(repo.dir, '.git', 'hooks');
  const handWritten = '#!/bin/sh\n# my own hook, CRLF-free, odd spacing   \necho "pre-commit ran" >> "$(git rev-parse --git-dir)/ran.log"\nexit "${REFUSE:-0}"\n';
  // husky v9 style: the hook finds its own files through $0
  const huskyLike = '#!/usr/bin/env sh\n. "$(dirname "$0")/h"\n';
  const huskyH = '#!/usr/bin/env sh\necho "husky $(basename "$0") $1" >> "$(git rev-parse --git-dir)/ran.log"\n';
  const postCommitBinary = '#!/usr/bin/env node\nrequire("fs").appendFileSync(require("path").join(process.argv[1], "..", "..", "ran.log"), "node post-commit\\n")\n';

  beforeAll(() => {
    repo = makeTmpRepo();
    fs.mkdirSync(hooks(), { recursive: true });
    fs.writeFileSync(path.join(hooks(), 'pre-commit'), handWritten, { mode: 0o750 });
    fs.writeFileSync(path.join(hooks(), 'commit-msg'), huskyLike, { mode: 0o755 });
    fs.writeFileSync(path.join(hooks(), 'h'), huskyH, { mode: 0o755 });
    fs.writeFileSync(path.join(hooks(), 'post-commit'), postCommitBinary, { mode: 0o700 });
    fs.writeFileSync(path.join(hooks(), 'post-merge'), '#!/bin/sh\nexit 0\n', { mode: 0o644 }); // not executable: git ignores it
  });
  afterAll(() => repo.cleanup());

  it('chains every existing hook and reports it; install again changes nothing', () => {
    const r = ok(repo.dir, ['hooks', 'install', '--json']).json();
    const byHook = Object.fromEntries(r.hooks.map((h: any) => [h.hook, h.action]));
    expect(byHook).toEqual({ 'pre-commit': 'chained', 'prepare-commit-msg': 'installed', 'commit-msg': 'chained', 'post-commit': 'chained', 'post-merge': 'chained', 'post-checkout': 'installed' });
    expect(r.dir).toBe(hooks());
    expect(fs.readFileSync(path.join(hooks(), 'pre-commit.git-milestone-chained'), 'utf8')).toBe(handWritten);
    expect(repo.git(['config', '--get-all', 'notes.rewriteRef'])).toBe('refs/notes/milestones\n'); // notes follow amends and rebases
    const again = ok(repo.dir, ['hooks', 'install', '--json']).json();
    expect(again.hooks.map((h: any) => h.action)).toEqual(Array(6).fill('unchanged'));
    const status = ok(repo.dir, ['hooks', 'status', '--json']).json();
    expect(status.hooks.map((h: any) => [h.hook, h.state])).toEqual([
      ['pre-commit', 'chained'], ['prepare-commit-msg', 'installed'], ['commit-msg', 'chained'],
      ['post-commit', 'chained'], ['post-merge', 'chained'], ['post-checkout', 'installed'],
    ]);
    expect(status.hooks[0]).toMatchObject({ packagePresent: true, chained: path.join(hooks(), 'pre-commit.git-milestone-chained') });
  });

  it('the kept hooks still run ($0 intact for husky-style ones); a refusal still refuses', () => {
    const r = commit(repo, 'first');
    expect(r.status, r.stderr).toBe(0);
    const log = fs.readFileSync(path.join(repo.dir, '.git', 'ran.log'), 'utf8');
    expect(log).toContain('pre-commit ran');
    expect(log).toMatch(/husky commit-msg \.git\/COMMIT_EDITMSG|husky commit-msg .*COMMIT_EDITMSG/);
    expect(log).toContain('node post-commit');
    const refused = spawnSync('git', ['commit', '-q', '--allow-empty', '-m', 'second'], { cwd: repo.dir, env: gitEnv({ REFUSE: '3' }), encoding: 'utf8' });
    expect(refused.status).not.toBe(0);
    expect(repo.git(['log', '--format=%s'])).toBe('first\n');
  });

  it('--no-verify skips pre-commit and commit-msg, ours and theirs', () => {
    fs.rmSync(path.join(repo.dir, '.git', 'ran.log'));
    expect(commit(repo, 'unverified', ['--no-verify']).status).toBe(0);
    expect(fs.readFileSync(path.join(repo.dir, '.git', 'ran.log'), 'utf8')).toBe('node post-commit\n');
  });

  it('uninstall restores every kept hook byte for byte, mode included, and removes ours', () => {
    const r = ok(repo.dir, ['hooks', 'uninstall', '--json']).json();
    expect(Object.fromEntries(r.hooks.map((h: any) => [h.hook, h.action]))).toMatchObject({ 'pre-commit': 'restored', 'prepare-commit-msg': 'removed', 'post-merge': 'restored' });
    const mode = (f: string) => fs.statSync(path.join(hooks(), f)).mode & 0o777;
    expect(fs.readFileSync(path.join(hooks(), 'pre-commit'), 'utf8')).toBe(handWritten);
    expect(fs.readFileSync(path.join(hooks(), 'commit-msg'), 'utf8')).toBe(huskyLike);
    expect(fs.readFileSync(path.join(hooks(), 'post-commit'), 'utf8')).toBe(postCommitBinary);
    expect([mode('pre-commit'), mode('commit-msg'), mode('post-commit'), mode('post-merge')]).toEqual([0o750, 0o755, 0o700, 0o644]);
    expect(fs.readdirSync(hooks()).filter((f) => f.includes('git-milestone'))).toEqual([]);
    expect(fs.existsSync(path.join(hooks(), 'prepare-commit-msg'))).toBe(false);
    const status = ok(repo.dir, ['hooks', 'status', '--json']).json();
    expect(status.hooks.map((h: any) => h.state)).toEqual(['foreign', 'absent', 'foreign', 'foreign', 'foreign', 'absent']);
    expect(spawnSync('git', ['config', '--get-all', 'notes.rewriteRef'], { cwd: repo.dir, env: gitEnv() }).status).toBe(1);
  });

  it('a notes.rewriteRef the user set is neither doubled nor removed', () => {
    repo.git(['config', 'notes.rewriteRef', 'refs/notes/*']);
    ok(repo.dir, ['hooks', 'install']);
    ok(repo.dir, ['hooks', 'uninstall']);
    expect(repo.git(['config', '--get-all', 'notes.rewriteRef'])).toBe('refs/notes/*\n');
  });
});

describe('where hooks go', () => {
  it('core.hooksPath (relative to the work tree); a linked worktree uses the common hooks dir; init --hooks', () => {
    const repo = makeTmpRepo();
    try {
      repo.git(['commit', '-q', '--allow-empty', '-m', 'init']);
      repo.git(['config', 'core.hooksPath', '.githooks']);
      fs.mkdirSync(path.join(repo.dir, 'sub'));
      const r = cli(path.join(repo.dir, 'sub'), ['init', '--hooks', '--json'], { GIT_CONFIG_GLOBAL: '/dev/null' });
      expect(r.code, r.stderr).toBe(0);
      expect(r.json().hooks.dir).toBe(path.join(repo.dir, '.githooks'));
      expect(fs.existsSync(path.join(repo.dir, '.githooks', 'commit-msg'))).toBe(true);
      const wt = `${repo.dir}-wt`;
      repo.git(['worktree', 'add', '-q', wt]);
      // a relative core.hooksPath is relative to the work tree git runs the hook in, as git does it
      const st = cli(wt, ['hooks', 'status', '--json'], { GIT_CONFIG_GLOBAL: '/dev/null' }).json();
      expect(st.dir).toBe(path.join(wt, '.githooks'));
      expect(st.hooks.every((h: any) => h.state === 'absent')).toBe(true);
      repo.git(['config', '--unset', 'core.hooksPath']);
      const inWt = cli(wt, ['hooks', 'install', '--json'], { GIT_CONFIG_GLOBAL: '/dev/null' }).json();
      expect(inWt.dir).toBe(path.join(repo.dir, '.git', 'hooks')); // the common dir's hooks
      fs.rmSync(wt, { recursive: true, force: true });
    } finally {
      repo.cleanup();
    }
  });

  it('a shim whose package is gone runs only the kept hook and exits with its status', () => {
    const repo = makeTmpRepo();
    try {
      const hooksDir = path.join(repo.dir, '.git', 'hooks');
      fs.writeFileSync(path.join(hooksDir, 'pre-commit'), '#!/bin/sh\necho kept >&2\nexit 0\n', { mode: 0o755 });
      ok(repo.dir, ['hooks', 'install']);
      const shim = path.join(hooksDir, 'pre-commit');
      fs.writeFileSync(shim, fs.readFileSync(shim, 'utf8').replace(/^gm_pkg=.*$/m, "gm_pkg='/nonexistent/git-milestone'"));
      const r = spawnSync(shim, [], { cwd: repo.dir, env: gitEnv(), encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('kept\n');
      expect(ok(repo.dir, ['hooks', 'status', '--json']).json().hooks[0]).toMatchObject({ state: 'chained', packagePresent: false });
      execFileSync('git', ['commit', '-q', '--allow-empty', '-m', 'works'], { cwd: repo.dir, env: gitEnv() });
    } finally {
      repo.cleanup();
    }
  });
});
