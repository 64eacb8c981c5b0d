/**
 * The worktree and merge half of GitCliPorcelain (`execute`): linked worktrees, a work tree's
 * changes, commits of an agent's leftovers, and merges or rebases that stop on conflicts, which are
 * aborted at once so a work tree is never left mid-merge; the conflicting files are named. Each
 * git run is asynchronous (gitRawAsync): several agents' worktrees are made and merged at once.
 */
import type { GitResult, MergeMode, MergeOutcome, WorktreeInfo } from '../ports';
import { gitFailed } from './runGit';

type Raw = (args: string[]) => Promise<GitResult>;

const firstLine = (r: GitResult) => (r.stderr.trim() || r.stdout.trim()).split('\n')[0] ?? '';

async function ok(raw: Raw, args: string[]): Promise<string> {
  const r = await raw(args);
  if (r.status !== 0) throw gitFailed(args, r);
  return r.stdout;
}

/** `worktree add PATH BRANCH` (a branch that exists), or `-b BRANCH PATH START`. */
export async function worktreeAdd(raw: Raw, path: string, branch: string, o: { start?: string }): Promise<void> {
  await ok(raw, o.start ? ['worktree', 'add', '-b', branch, path, o.start] : ['worktree', 'add', path, branch]);
}

export async function worktreeList(raw: Raw): Promise<WorktreeInfo[]> {
  const out: WorktreeInfo[] = [];
  for (const block of (await ok(raw, ['worktree', 'list', '--porcelain', '-z'])).split('\0\0')) {
    const fields = block.split('\0').filter((l) => l !== '');
    const wt = fields.find((l) => l.startsWith('worktree '));
    if (!wt) continue;
    const branch = fields.find((l) => l.startsWith('branch refs/heads/'));
    out.push({ path: wt.slice('worktree '.length), branch: branch ? branch.slice('branch refs/heads/'.length) : null });
  }
  return out;
}

export async function worktreeRemove(raw: Raw, path: string, o: { force: boolean }): Promise<void> {
  // `worktree remove` deletes the worktree's admin dir itself: no prune needed.
  await ok(raw, ['worktree', 'remove', ...(o.force ? ['--force', '--force'] : []), path]);
}

export async function dirtyFiles(raw: Raw): Promise<string[]> {
  const out = await ok(raw, ['status', '--porcelain=v1', '-z', '--untracked-files=all']);
  return out.split('\0').filter((l) => l.length > 3).map((l) => l.slice(3));
}

/** One `status` run when nothing changed (an agent that left everything committed); else add and commit. */
export async function commitAll(raw: Raw, message: string): Promise<boolean> {
  if ((await ok(raw, ['status', '--porcelain=v1', '-z', '--untracked-files=all'])) === '') return false;
  await ok(raw, ['add', '-A']);
  if ((await raw(['diff', '--cached', '--quiet'])).status === 0) return false;
  await ok(raw, ['commit', '-q', '-m', message]);
  return true;
}

async function conflicted(raw: Raw): Promise<string[]> {
  return (await raw(['diff', '--name-only', '-z', '--diff-filter=U'])).stdout.split('\0').filter((f) => f !== '');
}

export async function merge(raw: Raw, branch: string, o: { mode: MergeMode; message: string }): Promise<MergeOutcome> {
  // Quiet: git writes nothing on success, so an executor killed mid-merge (its pipes closed) does
  // not kill git by SIGPIPE between the merge and its commit, which would leave MERGE_HEAD behind.
  const args = o.mode === 'merge' ? ['merge', '-q', '--no-ff', '--no-edit', '-m', o.message, branch]
    : o.mode === 'squash' ? ['merge', '-q', '--squash', branch] : ['merge', '-q', '--ff-only', branch];
  const r = await raw(args);
  if (r.status !== 0) {
    const conflicts = await conflicted(raw);
    await raw(o.mode === 'squash' ? ['reset', '--merge'] : ['merge', '--abort']);
    return { ok: false, conflicts, error: conflicts.length > 0 ? undefined : firstLine(r) };
  }
  if (o.mode === 'squash' && (await raw(['diff', '--cached', '--quiet'])).status !== 0) await ok(raw, ['commit', '-q', '-m', o.message]);
  return { ok: true, conflicts: [] };
}

export async function rebase(raw: Raw, onto: string): Promise<MergeOutcome> {
  const r = await raw(['rebase', '-q', onto]);
  if (r.status === 0) return { ok: true, conflicts: [] };
  const conflicts = await conflicted(raw);
  await raw(['rebase', '--abort']);
  return { ok: false, conflicts, error: conflicts.length > 0 ? undefined : firstLine(r) };
}
