/**
 * GitPorcelain on a real repository: each call is one native git run (gitCliBase.ts). Layered by
 * concern: config and identity (gitCliConfig.ts), remotes, bundles and bulk writes
 * (gitCliRemote.ts); here branches, the index's staged files and work trees.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GitPorcelain, Oid, WorkTreeState } from '../ports';
import { lines, type GitCliPorcelainOptions } from './gitCliBase';
import { GitCliRemote } from './gitCliRemote';
import { gitFailed, gitRaw } from './runGit';
import * as workTrees from './workTreeGit';

export type { GitCliPorcelainOptions };

export class GitCliPorcelain extends GitCliRemote implements GitPorcelain {
  withEnv(extra: Record<string, string>): GitPorcelain {
    return new GitCliPorcelain({ ...this.o, vars: { ...(this.o.vars ?? process.env), ...extra } });
  }

  revParse(rev: string): Oid | null {
    return this.answer(['rev-parse', '--verify', '-q', rev]);
  }

  symbolicRef(name: string): string | null {
    return this.answer(['symbolic-ref', '-q', '--short', name]);
  }

  isValidBranchName(name: string): boolean {
    return this.raw(['check-ref-format', '--branch', name]).status === 0;
  }

  checkout(branch: string, o: { create: boolean }): void {
    this.ok(o.create ? ['checkout', '-b', branch] : ['checkout', branch]);
  }

  deleteBranch(branch: string): void {
    this.ok(['branch', '-D', branch]);
  }

  worktreeBranches(): Set<string> {
    const out = this.ok(['worktree', 'list', '--porcelain']);
    const prefix = 'branch refs/heads/';
    return new Set(lines(out).filter((l) => l.startsWith(prefix)).map((l) => l.slice(prefix.length)));
  }

  gitPath(name: string): string {
    return path.resolve(this.run.cwd, this.ok(['rev-parse', '--git-path', name]).trim());
  }

  mergedBranches(base: string): Set<string> {
    const r = this.raw(['for-each-ref', '--format=%(refname:lstrip=2)', '--merged', base, 'refs/heads/']);
    return new Set(r.status === 0 ? lines(r.stdout) : []);
  }

  branchContains(commit: Oid): boolean {
    const r = this.raw(['for-each-ref', '--count=1', '--format=x', '--contains', commit, 'refs/heads/']);
    return r.status === 0 && r.stdout.trim() !== '';
  }

  cherry(base: string, tip: string): string[] | null {
    const r = this.raw(['cherry', base, tip]);
    return r.status === 0 ? lines(r.stdout) : null;
  }

  mergeTree(base: string, tip: string): Oid | null {
    const r = this.raw(['merge-tree', '--write-tree', '--no-messages', base, tip]);
    return r.status === 0 ? r.stdout.split('\n')[0].trim() || null : null;
  }

  stagedFiles(pathspecs: string[]): string[] {
    const out = this.ok(['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR', '--', ...pathspecs]);
    return out.split('\0').filter((f) => f !== '');
  }

  stagedBlob(file: string): string | null {
    const r = this.raw(['cat-file', 'blob', `:${file}`]);
    return r.status === 0 ? r.stdout : null;
  }

  stashCreate(o: { worktree?: string; message?: string } = {}): Oid | null {
    return workTrees.stashCreate(this.at(o.worktree), o.message);
  }

  stashApply(stash: Oid, o: { worktree?: string } = {}): void {
    workTrees.stashApply(this.at(o.worktree), stash);
  }

  workTreeState(worktree?: string): WorkTreeState | null {
    if (worktree !== undefined && !fs.existsSync(path.resolve(this.run.cwd, worktree))) return null;
    return workTrees.workTreeState(this.at(worktree));
  }

  workTreeHead(worktree?: string): Omit<WorkTreeState, 'dirty'> | null {
    if (worktree !== undefined && !fs.existsSync(path.resolve(this.run.cwd, worktree))) return null;
    return workTrees.workTreeHead(this.at(worktree));
  }

  worktreeAdd(dir: string, branch: string, o: { start?: Oid } = {}): void {
    this.ok(o.start ? ['worktree', 'add', '-b', branch, dir, o.start] : ['worktree', 'add', dir, branch]);
  }

  checkoutIn(worktree: string, branch: string, o: { start?: Oid } = {}): void {
    const args = o.start ? ['checkout', '-b', branch, o.start] : ['checkout', branch];
    const r = gitRaw(args, this.at(worktree));
    if (r.status !== 0) throw gitFailed(args, r);
  }
}
