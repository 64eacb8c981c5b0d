/**
 * The worktree and merge half of GitCliPorcelain (`execute`): linked worktrees, a work tree's
 * changes, commits of an agent's leftovers, and merges or rebases that stop on conflicts, which are
 * aborted at once so a work tree is never left mid-merge; the conflicting files are named.
 */
import type { GitResult, MergeMode, MergeOutcome, WorktreeInfo } from '../ports';
import { gitFailed } from './runGit';

type Raw = (args: string[]) => GitResult;

const firstLine = (r: GitResult) => (r.stderr.trim() || r.stdout.trim()).split('\n')[0] ?? '';

function ok(raw: Raw, args: string[]): string {
  const r = raw(args);
  if (r.status !== 0) throw gitFailed(args, r);
  return r.stdout;
}

export function worktreeList(raw: Raw): WorktreeInfo[] {
  const out: WorktreeInfo[] = [];
  for (const block of ok(raw, ['worktree', 'list', '--porcelain', '-z']).split('\0\0')) {
    const fields = block.split('\0').filter((l) => l !== '');
    const wt = fields.find((l) => l.startsWith('worktree '));
    if (!wt) continue;
    const branch = fields.find((l) => l.startsWith('branch refs/heads/'));
    out.push({ path: wt.slice('worktree '.length), branch: branch ? branch.slice('branch refs/heads/'.length) : null });
  }
  return out;
}

export function worktreeRemove(raw: Raw, path: string, o: { force: boolean }): void {
  // `worktree remove` deletes the worktree's admin dir itself: no prune needed.
  ok(raw, ['worktree', 'remove', ...(o.force ? ['--force', '--force'] : []), path]);
}

export function dirtyFiles(raw: Raw): string[] {
  const out = ok(raw, ['status', '--porcelain=v1', '-z', '--untracked-files=all']);
  return out.split('\0').filter((l) => l.length > 3).map((l) => l.slice(3));
}

/** One `status` run when nothing changed (an agent that left everything committed); else add and commit. */
export function commitAll(raw: Raw, message: string): boolean {
  if (ok(raw, ['status', '--porcelain=v1', '-z', '--untracked-files=all']) === '') return false;
  ok(raw, ['add', '-A']);
  if (raw(['diff', '--cached', '--quiet']).status === 0) return false;
  ok(raw, ['commit', '-q', '-m', message]);
  return true;
}

function conflicted(raw: Raw): string[] {
  return raw(['diff', '--name-only', '-z', '--diff-filter=U']).stdout.split('\0').filter((f) => f !== '');
}

export function merge(raw: Raw, branch: string, o: { mode: MergeMode; message: string }): MergeOutcome {
  const args = o.mode === 'merge' ? ['merge', '--no-ff', '--no-edit', '-m', o.message, branch]
    : o.mode === 'squash' ? ['merge', '--squash', branch] : ['merge', '--ff-only', branch];
  const r = raw(args);
  if (r.status !== 0) {
    const conflicts = conflicted(raw);
    raw(o.mode === 'squash' ? ['reset', '--merge'] : ['merge', '--abort']);
    return { ok: false, conflicts, error: conflicts.length > 0 ? undefined : firstLine(r) };
  }
  if (o.mode === 'squash' && raw(['diff', '--cached', '--quiet']).status !== 0) ok(raw, ['commit', '-q', '-m', o.message]);
  return { ok: true, conflicts: [] };
}

export function rebase(raw: Raw, onto: string): MergeOutcome {
  const r = raw(['rebase', '-q', onto]);
  if (r.status === 0) return { ok: true, conflicts: [] };
  const conflicts = conflicted(raw);
  raw(['rebase', '--abort']);
  return { ok: false, conflicts, error: conflicts.length > 0 ? undefined : firstLine(r) };
}
