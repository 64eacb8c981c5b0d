/**
 * The git facts branch cleanup works from: which base to compare with, which branches are checked
 * out in some worktree (never deleted), and the deletion itself (`git branch -D`, which also drops
 * the branch's config section; it refuses a branch checked out anywhere, a second safety net).
 */
import { parseBranchName } from '../../domain/branchName';
import { MilestoneError } from '../../errors/MilestoneError';
import { git, gitRaw } from '../../storage/git/runGit';
import type { Context } from '../context';
import { readLink } from '../git/branchLinks';
import type { GitSettings } from '../git/gitSettings';

const run = (ctx: Context) => ({ cwd: ctx.repo.workTree ?? ctx.repo.gitDir, vars: ctx.env.vars });

/**
 * The base: `--base` when given; else the checked-out branch unless it is itself a milestone branch;
 * else the default branch (origin/HEAD's, main or master); a detached HEAD is its commit.
 */
export function cleanupBase(ctx: Context, settings: GitSettings, given?: string): { branch: string | null; commit: string } {
  const commitOf = (rev: string) => {
    const r = gitRaw(['rev-parse', '--verify', '-q', `${rev}^{commit}`], run(ctx));
    if (r.status !== 0) throw new MilestoneError('NOT_FOUND', `no commit named "${rev}"`, { hint: 'Give --base a branch or commit that exists.' });
    return r.stdout.trim();
  };
  const isBranch = (b: string) => gitRaw(['show-ref', '--verify', '-q', `refs/heads/${b}`], run(ctx)).status === 0;
  if (given) return { branch: isBranch(given) ? given : null, commit: commitOf(given) };
  const current = gitRaw(['symbolic-ref', '-q', '--short', 'HEAD'], run(ctx)).stdout.trim();
  const milestoneBranch = (b: string) => readLink(ctx.repo.commonDir, b) !== null || parseBranchName(settings.naming, b) !== null;
  if (current && !milestoneBranch(current)) return { branch: current, commit: commitOf('HEAD') };
  if (!current) return { branch: null, commit: commitOf('HEAD') };
  const remote = gitRaw(['symbolic-ref', '-q', '--short', 'refs/remotes/origin/HEAD'], run(ctx)).stdout.trim();
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
  const out = git(['worktree', 'list', '--porcelain'], run(ctx));
  return new Set(out.split('\n').filter((l) => l.startsWith('branch refs/heads/')).map((l) => l.slice('branch refs/heads/'.length)));
}

export function deleteBranch(ctx: Context, branch: string): void {
  git(['branch', '-D', branch], run(ctx));
}
