/**
 * The state every MemoryPorcelain layer shares (HEAD, config, symbolic refs, the log of mutating
 * calls, work trees) and its refusals: `refuse(method, message)` makes a call fail as git would.
 */
import { MilestoneError } from '../../errors/MilestoneError';
import type { GitPorcelain, Oid } from '../ports';
import type { MemoryRefStore } from './MemoryRefStore';
import { MemoryWorkTrees } from './MemoryWorkTrees';

export interface MemoryPorcelainOptions {
  refs: MemoryRefStore;
  /** The branch HEAD names (default `main`, unborn until a commit is set). */
  head?: string;
  /** Initial config entries, e.g. `{ 'user.name': ['A'], 'remote.origin.url': ['https://…'] }`. */
  config?: Record<string, string[]>;
  /** The main work tree's path (default `/work`). */
  top?: string;
}

export const failed = (what: string): MilestoneError => new MilestoneError('GIT_FAILED', `git ${what}`);

export class MemoryPorcelainBase {
  /** `refs/heads/<name>` when on a branch, else the detached commit. */
  head: { branch: string } | { detached: Oid };
  readonly config = new Map<string, string[]>();
  /** Branches checked out in other worktrees. */
  readonly otherWorktrees = new Set<string>();
  /** Symbolic refs other than HEAD (`refs/remotes/origin/HEAD` → `origin/main`), short form. */
  readonly symbolic = new Map<string, string>();
  /** Mutating calls, in order (`checkout -b x`, `branch -D x`, `config --add k v`). */
  readonly log: string[] = [];
  protected readonly refusals = new Map<string, string>();
  /** Work trees, their uncommitted files and stashes (MemoryWorkTrees.ts). */
  readonly trees: MemoryWorkTrees;

  constructor(protected readonly o: MemoryPorcelainOptions) {
    this.head = { branch: o.head ?? 'main' };
    for (const [k, v] of Object.entries(o.config ?? {})) this.config.set(k, [...v]);
    this.trees = new MemoryWorkTrees(o.top ?? '/work', o.refs);
  }

  /** The next calls of `method` throw GIT_FAILED with the message, until `refuse(method, null)`. */
  refuse(method: keyof GitPorcelain, message: string | null): void {
    if (message === null) this.refusals.delete(method);
    else this.refusals.set(method, message);
  }

  protected check(method: keyof GitPorcelain): void {
    const why = this.refusals.get(method);
    if (why !== undefined) throw failed(`${method} failed: ${why}`);
  }

  protected unsupported(method: string): never {
    throw new MilestoneError('INTERNAL', `MemoryPorcelain does not model ${method}`);
  }
}
