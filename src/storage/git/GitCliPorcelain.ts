/**
 * GitPorcelain on a real repository: each call is one native git run through runGit (argv, never a
 * shell; errors scrubbed of credentials), in the work tree (or the git dir when bare) with the
 * command's environment. Config reads for the hooks try git's files in-process first
 * (readConfigFiles), so commit-msg neither loads child_process nor starts git.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type {
  BulkCommit, ConfigScope, GitPorcelain, GitResult, MergeMode, MergeOutcome, Oid, WorkTreeState, WorktreeInfo,
} from '../ports';
import { parseGitConfigZ } from './gitConfig';
import { readConfigFiles } from './readConfigFiles';
import { gitFailed, gitRaw, gitRawAsync, scrubGit, type GitRunOptions } from './runGit';
import type { RepoInfo } from './types';
import * as workTrees from './workTreeGit';
import * as wt from './linkedWorktreeGit';

export interface GitCliPorcelainOptions {
  repo: RepoInfo;
  /** Environment of git (default: process.env). */
  vars?: Readonly<Record<string, string | undefined>>;
}

const lines = (s: string) => s.split('\n').filter((l) => l !== '');
const scope = (o?: ConfigScope) => (o?.local ? ['--local'] : []);

export class GitCliPorcelain implements GitPorcelain {
  private readonly run: GitRunOptions;

  constructor(private readonly o: GitCliPorcelainOptions) {
    this.run = { cwd: o.repo.workTree ?? o.repo.gitDir, vars: o.vars };
  }

  private raw(args: string[], input?: string): GitResult {
    return gitRaw(args, input === undefined ? this.run : { ...this.run, input });
  }

  private ok(args: string[], hint?: string, input?: string): string {
    const r = this.raw(args, input);
    if (r.status !== 0) throw gitFailed(args, r, hint);
    return r.stdout;
  }

  private answer(args: string[]): string | null {
    const r = this.raw(args);
    return r.status === 0 ? r.stdout.trim() || null : null;
  }

  withEnv(extra: Record<string, string>): GitPorcelain {
    return new GitCliPorcelain({ ...this.o, vars: { ...(this.o.vars ?? process.env), ...extra } });
  }

  at(workTree: string): GitPorcelain {
    return new GitCliPorcelain({ ...this.o, repo: { ...this.o.repo, workTree } });
  }

  private get rawFn() {
    return (args: string[]) => gitRawAsync(args, this.run);
  }

  worktreeList(): Promise<WorktreeInfo[]> {
    return wt.worktreeList(this.rawFn);
  }

  worktreeRemove(p: string, o: { force: boolean }): Promise<void> {
    return wt.worktreeRemove(this.rawFn, p, o);
  }

  dirtyFiles(): Promise<string[]> {
    return wt.dirtyFiles(this.rawFn);
  }

  commitAll(message: string): Promise<boolean> {
    return wt.commitAll(this.rawFn, message);
  }

  merge(branch: string, o: { mode: MergeMode; message: string }): Promise<MergeOutcome> {
    return wt.merge(this.rawFn, branch, o);
  }

  rebase(onto: string): Promise<MergeOutcome> {
    return wt.rebase(this.rawFn, onto);
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

  configGet(key: string): string | null {
    const r = this.raw(['config', '--get', key]);
    return r.status === 0 ? r.stdout.replace(/\n$/, '') : null;
  }

  configGetAll(key: string, o?: ConfigScope): string[] {
    const r = this.raw(['config', ...scope(o), '--get-all', key]);
    return r.status === 0 ? lines(r.stdout) : [];
  }

  configMatching(pattern: string, o?: { inProcess?: boolean }): Record<string, string> {
    if (o?.inProcess) {
      const re = new RegExp(pattern);
      const { repo, vars } = this.o;
      const want = (k: string) => re.test(k);
      const direct = readConfigFiles({ gitDir: repo.gitDir, commonDir: repo.commonDir, vars: vars ?? process.env, want });
      if (direct) return direct;
    }
    const args = ['config', '-z', '--get-regexp', pattern];
    const r = this.raw(args);
    if (r.status === 1 && r.stderr.trim() === '') return {};
    if (r.status !== 0) throw gitFailed(args, r, 'Check your git config files (`git config --list --show-origin`).');
    return parseGitConfigZ(r.stdout);
  }

  configSet(key: string, value: string, o?: ConfigScope): void {
    this.ok(['config', ...scope(o), key, value]);
  }

  configAdd(key: string, value: string, o?: ConfigScope): void {
    this.ok(['config', ...scope(o), '--add', key, value]);
  }

  configUnset(key: string, valuePattern: string, o?: ConfigScope): boolean {
    return this.raw(['config', ...scope(o), '--unset-all', key, ...(valuePattern === '' ? [] : [valuePattern])]).status === 0;
  }

  authorIdent(): string | null {
    return this.answer(['var', 'GIT_AUTHOR_IDENT']);
  }

  authorEmails(o: { since: Date; glob: string }): string[] {
    const r = this.raw(['--git-dir', this.o.repo.gitDir, 'log', `--since=${o.since.toISOString()}`, '--format=%ae', `--glob=${o.glob}`]);
    return r.status === 0 ? lines(r.stdout) : [];
  }

  version(): string {
    return this.raw(['--version']).stdout.trim().replace(/^git version /, '');
  }

  remotes(): string[] {
    return lines(this.ok(['remote']));
  }

  fetch(source: string, refspecs: string[], o?: { hint?: string }): void {
    this.ok(['fetch', '--quiet', '--no-tags', source, ...refspecs], o?.hint);
  }

  push(remote: string, refspecs: string[]): GitResult {
    return this.raw(['push', '--porcelain', remote, ...refspecs]);
  }

  pushIfUnchanged(remote: string, ref: string, next: Oid, expected: Oid | null): 'ok' | 'moved' {
    const args = ['push', '--porcelain', '--quiet', `--force-with-lease=${ref}:${expected ?? ''}`, remote, `${next}:${ref}`];
    const r = this.raw(args);
    if (r.status === 0) return 'ok';
    const line = r.stdout.split('\n').find((l) => l.startsWith('!\t')) ?? '';
    // The lease failed, or the remote's own ref lock saw another push of the same ref at that moment.
    const raced = /reference already exists|cannot lock ref|incorrect old value|is at [0-9a-f]+ but expected/i.test(r.stderr);
    if (/stale info|fetch first|non-fast-forward|already exists|incorrect old value/i.test(line) || raced) return 'moved';
    throw gitFailed(args, line ? { ...r, stderr: `error: ${line.split('\t').pop()}\n${r.stderr}` } : r);
  }

  mergeNotes(ref: string, from: string, o: { strategy: string; env?: Record<string, string> }): GitResult {
    const args = ['notes', `--ref=${ref}`, 'merge', '--quiet', `--strategy=${o.strategy}`, from];
    return gitRaw(args, { ...this.run, vars: { ...(this.run.vars ?? process.env), ...o.env } });
  }

  bundleCreate(file: string, refs: string[], o?: { hint?: string }): void {
    this.ok(['bundle', 'create', '--quiet', file, '--stdin'], o?.hint, `${refs.join('\n')}\n`);
  }

  bundleVerify(file: string): string | null {
    const r = this.raw(['bundle', 'verify', '--quiet', file]);
    if (r.status === 0) return null;
    const line = r.stderr.split('\n').find((l) => l.trim() !== '')?.replace(/^(fatal|error): /, '');
    return line ? scrubGit(line) : 'git bundle verify failed';
  }

  bundleHeads(file: string): Map<string, Oid> {
    const r = this.raw(['bundle', 'list-heads', file]);
    const heads = new Map<string, Oid>();
    if (r.status !== 0) return heads;
    for (const line of r.stdout.split('\n')) {
      const m = /^([0-9a-f]{40,64}) (refs\/\S+)$/.exec(line);
      if (m) heads.set(m[2], m[1]);
    }
    return heads;
  }

  deleteRefs(refs: string[]): boolean {
    if (refs.length === 0) return true;
    return this.raw(['--git-dir', this.o.repo.gitDir, 'update-ref', '--stdin'], refs.map((r) => `delete ${r}\n`).join('')).status === 0;
  }

  bulkWrite(o: { scratchRef: string; histories: Iterable<BulkCommit[]>; onHistory?: (done: number) => void }): Promise<Oid[]> {
    const { fastImport } = require('./fastImport') as typeof import('./fastImport');
    return fastImport({ gitDir: this.o.repo.gitDir, env: this.o.vars as NodeJS.ProcessEnv | undefined, ...o });
  }

  private runIn(worktree?: string): GitRunOptions {
    return worktree === undefined ? this.run : { ...this.run, cwd: path.resolve(this.run.cwd, worktree) };
  }

  stashCreate(o: { worktree?: string; message?: string } = {}): Oid | null {
    return workTrees.stashCreate(this.runIn(o.worktree), o.message);
  }

  stashApply(stash: Oid, o: { worktree?: string } = {}): void {
    workTrees.stashApply(this.runIn(o.worktree), stash);
  }

  workTreeState(worktree?: string): WorkTreeState | null {
    if (worktree !== undefined && !fs.existsSync(path.resolve(this.run.cwd, worktree))) return null;
    return workTrees.workTreeState(this.runIn(worktree));
  }

  workTreeHead(worktree?: string): Omit<WorkTreeState, 'dirty'> | null {
    if (worktree !== undefined && !fs.existsSync(path.resolve(this.run.cwd, worktree))) return null;
    return workTrees.workTreeHead(this.runIn(worktree));
  }

  worktreeAdd(dir: string, branch: string, o: { start?: Oid } = {}): Promise<void> {
    return wt.worktreeAdd(this.rawFn, dir, branch, o);
  }

  checkoutIn(worktree: string, branch: string, o: { start?: Oid } = {}): void {
    const args = o.start ? ['checkout', '-b', branch, o.start] : ['checkout', branch];
    const r = gitRaw(args, this.runIn(worktree));
    if (r.status !== 0) throw gitFailed(args, r);
  }
}
