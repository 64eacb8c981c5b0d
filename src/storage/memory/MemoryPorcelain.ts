/**
 * In-memory GitPorcelain for unit tests of use cases: branches live in a MemoryRefStore
 * (`refs/heads/*`), HEAD is a branch name or a detached commit, config is a map of multi-valued keys
 * (local scope only), and worktrees are the checked-out branches a test declares. Work-tree files,
 * merges and remotes are not modelled: those methods throw, so a test never passes by accident
 * against a double that only pretends. `refuse(method, message)` makes a call fail as git would
 * (a dirty work tree blocking a checkout, say).
 */
import { MilestoneError } from '../../errors/MilestoneError';
import { isValidRefName } from '../format/refNames';
import type {
  BulkCommit, GitPorcelain, GitResult, MergeOutcome, Oid, WorkTreeState, WorktreeInfo,
} from '../ports';
import type { MemoryRefStore } from './MemoryRefStore';
import { MemoryWorkTrees, type MemoryWorkTree } from './MemoryWorkTrees';

export interface MemoryPorcelainOptions {
  refs: MemoryRefStore;
  /** The branch HEAD names (default `main`, unborn until a commit is set). */
  head?: string;
  /** Initial config entries, e.g. `{ 'user.name': ['A'], 'remote.origin.url': ['https://…'] }`. */
  config?: Record<string, string[]>;
  /** The main work tree's path (default `/work`). */
  top?: string;
}

const failed = (what: string) => new MilestoneError('GIT_FAILED', `git ${what}`);

export class MemoryPorcelain implements GitPorcelain {
  /** `refs/heads/<name>` when on a branch, else the detached commit. */
  head: { branch: string } | { detached: Oid };
  readonly config = new Map<string, string[]>();
  /** Branches checked out in other worktrees. */
  readonly otherWorktrees = new Set<string>();
  /** What dirtyFiles answers (a test sets it: the user's uncommitted changes). */
  dirty: string[] = [];
  /** Symbolic refs other than HEAD (`refs/remotes/origin/HEAD` → `origin/main`), short form. */
  readonly symbolic = new Map<string, string>();
  /** Mutating calls, in order (`checkout -b x`, `branch -D x`, `config --add k v`). */
  readonly log: string[] = [];
  private readonly refusals = new Map<string, string>();
  /** Work trees, their uncommitted files and stashes (MemoryWorkTrees.ts). */
  readonly trees: MemoryWorkTrees;

  constructor(private readonly o: MemoryPorcelainOptions) {
    this.head = { branch: o.head ?? 'main' };
    for (const [k, v] of Object.entries(o.config ?? {})) this.config.set(k, [...v]);
    this.trees = new MemoryWorkTrees(o.top ?? '/work', o.refs);
  }

  /** The next calls of `method` throw GIT_FAILED with the message, until `refuse(method, null)`. */
  refuse(method: keyof GitPorcelain, message: string | null): void {
    if (message === null) this.refusals.delete(method);
    else this.refusals.set(method, message);
  }

  private check(method: keyof GitPorcelain): void {
    const why = this.refusals.get(method);
    if (why !== undefined) throw failed(`${method} failed: ${why}`);
  }

  private unsupported(method: string): never {
    throw new MilestoneError('INTERNAL', `MemoryPorcelain does not model ${method}`);
  }

  /** The environment is not modelled: the same double. */
  withEnv(): GitPorcelain {
    return this;
  }

  revParse(rev: string): Oid | null {
    const base = rev.replace(/\^\{commit\}$/, '');
    if (base.endsWith('}')) this.unsupported(`rev-parse ${rev}`);
    if (base === 'HEAD') return 'detached' in this.head ? this.head.detached : this.o.refs.peek(`refs/heads/${this.head.branch}`);
    if (/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(base)) return base;
    for (const ref of [base, `refs/heads/${base}`, `refs/remotes/${base}`]) {
      const oid = ref.startsWith('refs/') && isValidRefName(ref) ? this.o.refs.peek(ref) : null;
      if (oid) return oid;
    }
    return null;
  }

  symbolicRef(name: string): string | null {
    if (name !== 'HEAD') return this.symbolic.get(name) ?? null;
    return 'branch' in this.head ? this.head.branch : null;
  }

  isValidBranchName(name: string): boolean {
    return !name.startsWith('-') && isValidRefName(`refs/heads/${name}`);
  }

  checkout(branch: string, o: { create: boolean }): void {
    this.check('checkout');
    const exists = this.o.refs.peek(`refs/heads/${branch}`) !== null;
    if (o.create && exists) throw failed(`checkout failed: a branch named '${branch}' already exists`);
    if (!o.create && !exists) throw failed(`checkout failed: pathspec '${branch}' did not match any file(s) known to git`);
    const at = this.revParse('HEAD');
    if (o.create && at) this.o.refs.force(`refs/heads/${branch}`, at);
    this.head = { branch };
    this.log.push(o.create ? `checkout -b ${branch}` : `checkout ${branch}`);
  }

  deleteBranch(branch: string): void {
    this.check('deleteBranch');
    if (this.worktreeBranches().has(branch)) throw failed(`branch failed: cannot delete branch '${branch}' checked out`);
    if (this.o.refs.peek(`refs/heads/${branch}`) === null) throw failed(`branch failed: branch '${branch}' not found.`);
    this.o.refs.force(`refs/heads/${branch}`, null);
    this.log.push(`branch -D ${branch}`);
  }

  worktreeBranches(): Set<string> {
    return new Set([...('branch' in this.head ? [this.head.branch] : []), ...this.otherWorktrees]);
  }

  /** Work trees are not modelled apart: the same double. */
  at(): GitPorcelain {
    return this;
  }

  async worktreeList(): Promise<WorktreeInfo[]> {
    return [...this.trees.linked].map(([p, t]) => ({ path: p, branch: t.branch }));
  }

  async worktreeRemove(p: string): Promise<void> {
    this.check('worktreeRemove');
    const t = this.trees.linked.get(p);
    if (!t) throw failed(`worktree failed: '${p}' is not a working tree`);
    this.trees.linked.delete(p);
    if (t.branch) this.otherWorktrees.delete(t.branch);
    this.log.push(`worktree remove ${p}`);
  }

  async dirtyFiles(): Promise<string[]> {
    return [...this.dirty];
  }

  async commitAll(): Promise<boolean> {
    return this.unsupported('commit');
  }

  async merge(): Promise<MergeOutcome> {
    return this.unsupported('merge');
  }

  async rebase(): Promise<MergeOutcome> {
    return this.unsupported('rebase');
  }

  gitPath(name: string): string {
    return this.unsupported(`rev-parse --git-path ${name}`);
  }

  mergedBranches(): Set<string> {
    return this.unsupported('for-each-ref --merged');
  }

  branchContains(): boolean {
    return this.unsupported('for-each-ref --contains');
  }

  cherry(): string[] | null {
    return this.unsupported('cherry');
  }

  mergeTree(): Oid | null {
    return this.unsupported('merge-tree');
  }

  stagedFiles(): string[] {
    return this.unsupported('diff --cached');
  }

  stagedBlob(): string | null {
    return this.unsupported('cat-file :path');
  }

  configGet(key: string): string | null {
    return this.config.get(key)?.at(-1) ?? null;
  }

  configGetAll(key: string): string[] {
    return [...(this.config.get(key) ?? [])];
  }

  configMatching(pattern: string): Record<string, string> {
    const re = new RegExp(pattern);
    return Object.fromEntries([...this.config].filter(([k]) => re.test(k)).map(([k, v]) => [k, v[v.length - 1]]));
  }

  configSet(key: string, value: string): void {
    this.check('configSet');
    this.config.set(key, [value]);
    this.log.push(`config ${key} ${value}`);
  }

  configAdd(key: string, value: string): void {
    this.check('configAdd');
    this.config.set(key, [...(this.config.get(key) ?? []), value]);
    this.log.push(`config --add ${key} ${value}`);
  }

  configUnset(key: string, valuePattern: string): boolean {
    const re = new RegExp(valuePattern);
    const have = this.config.get(key) ?? [];
    const left = have.filter((v) => !re.test(v));
    if (left.length === have.length) return false;
    if (left.length === 0) this.config.delete(key);
    else this.config.set(key, left);
    this.log.push(`config --unset-all ${key} ${valuePattern}`);
    return true;
  }

  authorIdent(): string | null {
    const name = this.configGet('user.name');
    const email = this.configGet('user.email');
    return name && email ? `${name} <${email}> 0 +0000` : null;
  }

  authorEmails(): string[] {
    return this.unsupported('log');
  }

  version(): string {
    return 'memory';
  }

  remotes(): string[] {
    return [...this.config.keys()].flatMap((k) => /^remote\.(.+)\.url$/.exec(k)?.slice(1) ?? []);
  }

  fetch(source: string): void {
    this.unsupported(`fetch ${source}`);
  }

  push(remote: string): GitResult {
    return this.unsupported(`push ${remote}`);
  }

  pushIfUnchanged(remote: string): 'ok' | 'moved' {
    return this.unsupported(`push --force-with-lease ${remote}`);
  }

  mergeNotes(): GitResult {
    return this.unsupported('notes merge');
  }

  bundleCreate(): void {
    this.unsupported('bundle create');
  }

  bundleVerify(): string | null {
    return this.unsupported('bundle verify');
  }

  bundleHeads(): Map<string, Oid> {
    return this.unsupported('bundle list-heads');
  }

  deleteRefs(refs: string[]): boolean {
    for (const ref of refs) this.o.refs.force(ref, null);
    return true;
  }

  bulkWrite(_o: { scratchRef: string; histories: Iterable<BulkCommit[]> }): Promise<Oid[]> {
    return Promise.reject(new MilestoneError('INTERNAL', 'MemoryPorcelain does not model fast-import'));
  }

  /** The main work tree (HEAD) or a linked one, as MemoryWorkTrees models them. */
  private tree(worktree?: string): MemoryWorkTree | null {
    if (worktree === undefined || worktree === this.trees.top) {
      const h = this.head;
      return { branch: 'branch' in h ? h.branch : null, detached: 'detached' in h ? h.detached : null, changes: this.trees.mainChanges };
    }
    return this.trees.linked.get(worktree) ?? null;
  }

  stashCreate(o: { worktree?: string; message?: string } = {}): Oid | null {
    this.check('stashCreate');
    const t = this.tree(o.worktree);
    if (!t) throw failed(`stash create failed: no work tree at ${o.worktree}`);
    return this.trees.stashCreate(t, o.message);
  }

  stashApply(stash: Oid, o: { worktree?: string } = {}): void {
    this.check('stashApply');
    const t = this.tree(o.worktree);
    if (!t) throw failed(`stash apply failed: no work tree at ${o.worktree}`);
    this.trees.stashApply(t, stash);
    this.log.push(`stash apply ${stash}`);
  }

  workTreeState(worktree?: string): WorkTreeState | null {
    const t = this.tree(worktree);
    return t ? this.trees.state(worktree ?? this.trees.top, t) : null;
  }

  workTreeHead(worktree?: string): Omit<WorkTreeState, 'dirty'> | null {
    const state = this.workTreeState(worktree);
    if (state === null) return null;
    const { dirty: _dirty, ...head } = state;
    return head;
  }

  async worktreeAdd(path: string, branch: string, o: { start?: Oid } = {}): Promise<void> {
    this.check('worktreeAdd');
    this.trees.add(path, branch, o.start);
    this.otherWorktrees.add(branch);
    this.log.push(`worktree add ${path} ${branch}`);
  }

  checkoutIn(worktree: string, branch: string, o: { start?: Oid } = {}): void {
    const linked = this.trees.linked.get(worktree);
    if (!linked) {
      if (o.start) this.o.refs.force(`refs/heads/${branch}`, o.start);
      this.checkout(branch, { create: false });
      return;
    }
    if (o.start) this.o.refs.force(`refs/heads/${branch}`, o.start);
    else if (this.o.refs.peek(`refs/heads/${branch}`) === null) throw failed(`checkout failed: no branch ${branch}`);
    if (linked.branch) this.otherWorktrees.delete(linked.branch);
    Object.assign(linked, { branch, detached: null });
    this.otherWorktrees.add(branch);
    this.log.push(`checkout ${branch} in ${worktree}`);
  }
}
