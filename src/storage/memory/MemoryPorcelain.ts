/**
 * In-memory GitPorcelain for unit tests of use cases: branches live in a MemoryRefStore
 * (`refs/heads/*`), HEAD is a branch name or a detached commit, config is a map of multi-valued keys
 * (local scope only), and worktrees are the checked-out branches a test declares. Work-tree files,
 * merges and remotes are not modelled: those methods throw, so a test never passes by accident
 * against a double that only pretends. `refuse(method, message)` makes a call fail as git would
 * (a dirty work tree blocking a checkout, say). Layers: shared state (memoryPorcelainBase.ts),
 * config (memoryConfig.ts), what is not modelled (memoryUnmodelled.ts); here branches and work trees.
 */
import { isValidRefName } from '../format/refNames';
import type { GitPorcelain, Oid, WorkTreeState } from '../ports';
import { failed, type MemoryPorcelainOptions } from './memoryPorcelainBase';
import { MemoryLinkedWorktrees } from './memoryLinkedWorktrees';
import type { MemoryWorkTree } from './MemoryWorkTrees';

export type { MemoryPorcelainOptions };

export class MemoryPorcelain extends MemoryLinkedWorktrees implements GitPorcelain {
  /** Work trees are not modelled apart: the same double. */
  at(): GitPorcelain {
    return this;
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

  deleteRefs(refs: string[]): boolean {
    for (const ref of refs) this.o.refs.force(ref, null);
    return true;
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
