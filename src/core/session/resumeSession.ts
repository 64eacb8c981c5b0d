/**
 * Resumes a session where its last checkpoint left it, in this clone or another (after a pull):
 * the work tree (the checkpoint's, when it is a work tree of this repository; `worktree` names
 * another, and a missing path becomes a new linked work tree), its branch (created at the
 * checkpoint's HEAD when this clone lacks it: the commit travels with the session), and the
 * uncommitted changes (the stash commit, applied with its index and untracked files). A work tree
 * with uncommitted changes of its own is refused before anything moves, so nothing is lost. Then
 * the session is active again, owned by this process, and the result says what is next.
 */
import { MilestoneError } from '../../errors/MilestoneError';
import type { CheckpointTask } from '../../domain/session/types';
import { ownerProcess } from '../../storage/lockHolder';
import type { WorkTreeState } from '../../storage/ports';
import type { Context } from '../context';
import { resolveSession, sessionStore, type SessionView } from './sessionAccess';
import { setSessionStatus } from './setSessionStatus';

export interface ResumeResult {
  session: SessionView;
  worktree: string | null;
  branch: string | null;
  head: string | null;
  /** Whether saved uncommitted changes were applied. */
  restored: boolean;
  tasks: CheckpointTask[];
  next: string[];
}

async function targetTree(ctx: Context, wanted: string | undefined, recorded: string | null, branch: string | null, head: string | null): Promise<WorkTreeState | null> {
  if (wanted !== undefined) {
    const there = ctx.git.workTreeState(wanted);
    if (there) return there;
    if (!branch) throw new MilestoneError('INVALID_INPUT', `no work tree at ${wanted}, and the checkpoint names no branch to add one for`);
    await ctx.git.worktreeAdd(wanted, branch, ctx.git.revParse(`refs/heads/${branch}`) ? {} : { start: head ?? undefined });
    return ctx.git.workTreeState(wanted);
  }
  const same = recorded ? ctx.git.workTreeState(recorded) : null;
  if (same && same.commonDir === ctx.repo.commonDir) return same;
  return ctx.repo.workTree ? ctx.git.workTreeState(ctx.repo.workTree) : null;
}

export async function resumeSession(ctx: Context, o: { session: string; worktree?: string; pid?: number }): Promise<ResumeResult> {
  const id = await resolveSession(ctx, o.session);
  const { state } = await sessionStore(ctx).read(id);
  if (state.status === 'completed' || state.status === 'abandoned') {
    throw new MilestoneError('INVALID_INPUT', `session ${id.slice(0, 8)} is ${state.status}: it cannot be resumed`, {
      hint: 'Start a new session: `git milestone session start <milestone>`.', data: { session: id, status: state.status },
    });
  }
  const cp = state.lastCheckpoint;
  let tree: WorkTreeState | null = null;
  let restored = false;
  if (cp) {
    tree = await targetTree(ctx, o.worktree, cp.worktree, cp.branch, cp.head);
    if (tree?.dirty) {
      throw new MilestoneError('CONFLICT', `the work tree ${tree.top} has uncommitted changes: resuming would mix them with the session's`, {
        hint: 'Commit or stash them first, or name another work tree with --worktree PATH. Nothing was changed.',
        data: { session: id, worktree: tree.top },
      });
    }
    if (tree && cp.branch && tree.branch !== cp.branch) {
      const exists = ctx.git.revParse(`refs/heads/${cp.branch}`) !== null;
      if (!exists && (!cp.head || !ctx.git.revParse(`${cp.head}^{commit}`))) {
        throw new MilestoneError('NOT_FOUND', `branch ${cp.branch} and its commit ${cp.head?.slice(0, 12)} are not in this clone`, {
          hint: 'Pull the sessions first (`git milestone pull`), or fetch the branch.', data: { session: id, branch: cp.branch },
        });
      }
      ctx.git.checkoutIn(tree.top, cp.branch, exists ? {} : { start: cp.head ?? undefined });
    }
    if (tree && cp.stash) {
      ctx.git.stashApply(cp.stash, { worktree: tree.top });
      restored = true;
    }
  }
  const session = await setSessionStatus(ctx, { session: id, status: 'active', takeOver: { pid: o.pid ?? ownerProcess().pid } });
  ctx.env.log.info('session resumed', { session: id, worktree: tree?.top ?? null, restored });
  return {
    session, worktree: tree?.top ?? null, branch: cp?.branch ?? null, head: cp?.head ?? null, restored,
    tasks: cp?.tasks ?? [], next: cp?.next ?? [],
  };
}
