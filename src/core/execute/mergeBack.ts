/**
 * Brings a finished task's branch back into the branch the user's work tree has checked out, as
 * `git_integration.merge_strategy` says: a merge commit, one squashed commit, or a rebase of the
 * task's branch (in its worktree) and a fast-forward. The user's work tree is never touched while
 * it has uncommitted changes or no branch: the merge is deferred and the branch kept. A conflict is
 * aborted at once; the files are named and the branch is left for a person.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Context } from '../context';
import { currentBranch } from '../git/branchLinks';
import type { ExecuteSettings } from './executeSettings';

export type MergeBack =
  | { kind: 'merged' }
  | { kind: 'conflict'; files: string[]; reason: string }
  | { kind: 'deferred'; reason: string };

export async function mergeBack(
  ctx: Context, o: { branch: string; worktree: string; title: string; settings: ExecuteSettings },
): Promise<MergeBack> {
  const target = currentBranch(ctx.repo.gitDir);
  if (!target) return { kind: 'deferred', reason: 'your work tree has no branch checked out (detached HEAD)' };
  // A branch where the agent committed nothing is merged already: no git run, no empty merge commit.
  const [tip, base] = await Promise.all([o.branch, target].map((b) => ctx.storage.refs.read(`refs/heads/${b}`)));
  if (tip !== null && tip === base) return { kind: 'merged' };
  if (!(await settled(ctx.repo.gitDir))) {
    return { kind: 'deferred', reason: 'a merge is under way in your work tree (MERGE_HEAD or index.lock): conclude or abort it' };
  }
  const dirty = await ctx.git.dirtyFiles();
  if (dirty.length > 0) {
    return { kind: 'deferred', reason: `your work tree has uncommitted changes (${dirty.slice(0, 3).join(', ')}${dirty.length > 3 ? ', …' : ''})` };
  }
  if (o.settings.strategy === 'rebase') {
    const r = await ctx.git.at(o.worktree).rebase(target);
    if (!r.ok) return conflict(r.conflicts, r.error, `rebasing ${o.branch} onto ${target}`);
  }
  const r = await ctx.git.merge(o.branch, { mode: o.settings.mergeMode, message: `Merge ${o.branch}: ${o.title}` });
  return r.ok ? { kind: 'merged' } : conflict(r.conflicts, r.error, `merging ${o.branch} into ${target}`);
}

/**
 * Waits (up to 5 s) while a git merge or index write is under way in the user's work tree: after a
 * crash, the dead executor's last `git merge` may still be finishing. False when it never ends.
 */
async function settled(gitDir: string): Promise<boolean> {
  const busy = () => ['MERGE_HEAD', 'index.lock'].some((f) => fs.existsSync(path.join(gitDir, f)));
  for (let i = 0; i < 50 && busy(); i++) await new Promise((r) => setTimeout(r, 100));
  return !busy();
}

function conflict(files: string[], error: string | undefined, what: string): MergeBack {
  const reason = files.length > 0 ? `merge conflict ${what} in ${files.join(', ')}` : `${what} failed: ${error ?? 'git refused'}`;
  return { kind: 'conflict', files, reason };
}
