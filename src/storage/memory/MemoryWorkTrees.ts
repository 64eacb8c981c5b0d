/**
 * Work trees for the in-memory porcelain (MemoryPorcelain delegates here). A work tree is a path
 * with a branch (or a detached HEAD) and its uncommitted files as a plain map that a test sets
 * (`changes`). A stash is a record of those files, named by the hash of its content; applying it
 * puts them back, and refuses a work tree that has changes of its own, as a conflict would.
 */
import { MilestoneError } from '../../errors/MilestoneError';
import { hashObject } from '../format/hashObject';
import type { Oid, WorkTreeState } from '../ports';
import type { MemoryRefStore } from './MemoryRefStore';

export interface MemoryWorkTree {
  branch: string | null;
  detached: Oid | null;
  /** Uncommitted files: path → content. */
  changes: Record<string, string>;
}

const failed = (what: string) => new MilestoneError('GIT_FAILED', `git ${what}`);

export class MemoryWorkTrees {
  /** Linked work trees by path (the main one is the porcelain's HEAD at `top`). */
  readonly linked = new Map<string, MemoryWorkTree>();
  /** Uncommitted files of the main work tree. */
  mainChanges: Record<string, string> = {};
  readonly stashes = new Map<Oid, { head: Oid | null; changes: Record<string, string> }>();

  constructor(readonly top: string, private readonly refs: MemoryRefStore) {}

  head(t: MemoryWorkTree): Oid | null {
    return t.detached ?? (t.branch ? this.refs.peek(`refs/heads/${t.branch}`) : null);
  }

  stashCreate(t: MemoryWorkTree, message?: string): Oid | null {
    const head = this.head(t);
    if (head === null || Object.keys(t.changes).length === 0) return null;
    const content = Buffer.from(JSON.stringify({ head, message: message ?? null, changes: t.changes }));
    const oid = hashObject({ type: 'commit', content, format: 'sha1' });
    this.stashes.set(oid, { head, changes: { ...t.changes } });
    return oid;
  }

  stashApply(t: MemoryWorkTree, stash: Oid): void {
    const saved = this.stashes.get(stash);
    if (!saved) throw failed(`stash apply failed: ${stash} is not a stash-like commit`);
    const clash = Object.keys(saved.changes).find((f) => f in t.changes);
    if (clash) throw failed(`stash apply failed: your local changes to ${clash} would be overwritten`);
    Object.assign(t.changes, saved.changes);
  }

  state(path: string, t: MemoryWorkTree): WorkTreeState {
    return { top: path, commonDir: `${this.top}/.git`, branch: t.branch, head: this.head(t), dirty: Object.keys(t.changes).length > 0 };
  }

  add(path: string, branch: string, start?: Oid): MemoryWorkTree {
    if (this.linked.has(path) || path === this.top) throw failed(`worktree add failed: '${path}' already exists`);
    const exists = this.refs.peek(`refs/heads/${branch}`) !== null;
    if (start && exists) throw failed(`worktree add failed: a branch named '${branch}' already exists`);
    if (!start && !exists) throw failed(`worktree add failed: invalid reference: ${branch}`);
    if (start) this.refs.force(`refs/heads/${branch}`, start);
    const t = { branch, detached: null, changes: {} };
    this.linked.set(path, t);
    return t;
  }
}
