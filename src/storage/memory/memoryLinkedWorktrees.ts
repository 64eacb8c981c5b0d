/**
 * The memory double's linked work trees as `execute` uses them: list, remove, the user's dirty
 * files (set by a test). Committing and merging are not modelled: they throw, as other unmodelled
 * calls do (memoryUnmodelled.ts).
 */
import type { MergeOutcome, WorktreeInfo } from '../ports';
import { failed } from './memoryPorcelainBase';
import { MemoryUnmodelled } from './memoryUnmodelled';

export class MemoryLinkedWorktrees extends MemoryUnmodelled {
  /** What dirtyFiles answers (a test sets it: the user's uncommitted changes). */
  dirty: string[] = [];

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
}
