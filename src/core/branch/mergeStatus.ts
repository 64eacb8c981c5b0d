/**
 * Whether a branch is merged into a base, and by what evidence:
 *   ancestor  its tip is in the base's history (a merge commit, a fast-forward) — one
 *             `git for-each-ref --merged` answers this for every branch at once;
 *   patch     every commit of the branch has an equivalent in the base (`git cherry`: a rebase
 *             merge, cherry-picks, a squash of a one-commit branch);
 *   tree      merging the branch into the base would not change the base's tree
 *             (`git merge-tree --write-tree`: a squash merge of several commits).
 * A branch still at the commit it was started from has no work of its own and is never "merged".
 * `merge_strategy` (merge | squash | rebase) only decides which of the two content checks runs
 * first; every kind of evidence counts whatever it says.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GitPorcelain } from '../../storage/ports';

export type MergedBy = 'ancestor' | 'patch' | 'tree';

export interface MergeProbe {
  git: GitPorcelain;
  commonDir: string;
  base: string;
  mergeStrategy: string;
}

/** Branch names (without refs/heads/) whose tip is in the base's history. */
export function mergedByAncestry(p: MergeProbe): Set<string> {
  return p.git.mergedBranches(p.base);
}

export function mergedBy(p: MergeProbe, o: { tip: string; start: string | null; ancestor: boolean; branch: string }): MergedBy | null {
  const start = o.start ?? createdAt(p.commonDir, o.branch);
  if (start !== null && start === o.tip) return null;
  if (o.ancestor) return 'ancestor';
  const checks = p.mergeStrategy === 'squash' ? [byTree, byPatch] : [byPatch, byTree];
  for (const check of checks) {
    const found = check(p, o.tip);
    if (found) return found;
  }
  return null;
}

function byPatch(p: MergeProbe, tip: string): MergedBy | null {
  const lines = p.git.cherry(p.base, tip);
  return lines !== null && lines.length > 0 && lines.every((l) => l.startsWith('-')) ? 'patch' : null;
}

function byTree(p: MergeProbe, tip: string): MergedBy | null {
  const merged = p.git.mergeTree(p.base, tip);
  if (merged === null) return null;
  return merged === p.git.revParse(`${p.base}^{tree}`) ? 'tree' : null;
}

/** The commit a branch was created at, from its reflog's first entry (null when there is none). */
export function createdAt(commonDir: string, branch: string): string | null {
  try {
    const first = fs.readFileSync(path.join(commonDir, 'logs', 'refs', 'heads', ...branch.split('/')), 'utf8').split('\n')[0];
    const m = /^[0-9a-f]+ ([0-9a-f]+) /.exec(first);
    return m ? m[1] : null;
  } catch {
    return null;
  }
}
