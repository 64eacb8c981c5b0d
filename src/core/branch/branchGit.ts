/**
 * The git facts branch cleanup works from: which base to compare with, which branches are checked
 * out in some worktree (never deleted), and the deletion itself (`git branch -D`, which also drops
 * the branch's config section; it refuses a branch checked out anywhere, a second safety net).
 */
import { parseBranchName } from '../../domain/branchName';
import { MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';
import { readLink } from '../git/branchLinks';
import type { GitSettings } from '../git/gitSettings';

/**
 * The base: `--base` when given; else the checked-out branch unless it is itself a milestone branch;
 * else the default branch (origin/HEAD's, main or master); a detached HEAD is its commit.
 */
export function cleanupBase(ctx: Context, settings: GitSettings, given?: string): { branch: string | null; commit: string } {
  const commitOf = (rev: string) => {
    const oid = ctx.git.revParse(`${rev}^{commit}`);
    if (oid === null) throw new MilestoneError('NOT_FOUND', `no commit named "${rev}"`, { hint: 'Give --base a branch or commit that exists.' });
    return oid;
  };
  const isBranch = (b: string) => ctx.git.revParse(`refs/heads/${b}`) !== null;
  if (given) return { branch: isBranch(given) ? given : null, commit: commitOf(given) };
  const current = ctx.git.symbolicRef('HEAD') ?? '';
  const milestoneBranch = (b: string) => readLink(ctx.repo.commonDir, b) !== null || parseBranchName(settings.naming, b) !== null;
  if (current && !milestoneBranch(current)) return { branch: current, commit: commitOf('HEAD') };
  if (!current) return { branch: null, commit: commitOf('HEAD') };
  const remote = ctx.git.symbolicRef('refs/remotes/origin/HEAD') ?? '';
  const candidates = [remote.replace(/^origin\//, ''), 'main', 'master'].filter((b) => b !== '' && b !== current);
  const found = candidates.find(isBranch);
  if (!found) {
    throw new MilestoneError('USAGE', `${current} is a milestone branch and no default branch was found to compare with`, {
      hint: 'Name the branch merges go into: `git milestone branch cleanup --base <branch>`.',
    });
  }
  return { branch: found, commit: commitOf(found) };
}

/** Branches checked out in any worktree of this repository. */
export function checkedOutBranches(ctx: Context): Set<string> {
  return ctx.git.worktreeBranches();
}

export function deleteBranch(ctx: Context, branch: string): void {
  ctx.git.deleteBranch(branch);
}
