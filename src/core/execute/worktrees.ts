/**
 * One linked worktree per task, on the task's branch named as `branch start` names it, under
 * `<common dir>/milestones/worktrees/<short id>`. An existing worktree of the task is used again
 * (an interrupted task restarts where it was); a path that holds anything else is never touched
 * (WORKTREE_TAKEN). The branch is linked to the task, so commits made in the worktree get the
 * task's trailers from the hooks. A worktree goes once its branch is merged back; a blocked task's
 * stays for a person.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { branchName } from '../../domain/branchName';
import type { MilestoneState, TaskState } from '../../domain/types';
import { MilestoneError } from '../../errors/MilestoneError';
import { isValidRefName } from '../../storage/format/refNames';
import type { Context } from '../context';
import { currentBranch, readLink, writeLink } from '../git/branchLinks';
import type { GitSettings } from '../git/gitSettings';
import { newLink } from '../branch/linkBranch';
import { runFiles } from './runFiles';

export interface TaskWorktree {
  path: string;
  branch: string;
}

export function taskBranch(settings: GitSettings, m: MilestoneState, t: TaskState): string {
  return branchName(settings.naming, { id: t.id, milestoneId: m.id, title: t.title });
}

/** A Context whose work tree (and porcelain) is the task's worktree: deliverables are read there. */
export function inWorktree(ctx: Context, dir: string): Context {
  return { ...ctx, repo: { ...ctx.repo, workTree: dir }, git: ctx.git.at(dir) };
}

/**
 * The task's worktree, made if need be. A fresh task (no branch, no directory yet) costs one git
 * run (`worktree add`): the branch and HEAD are read in-process, and git is asked which worktrees
 * exist only when the branch or the directory is there already (a resumed task, or a taken path).
 */
export async function ensureWorktree(
  ctx: Context, o: { settings: GitSettings; milestone: MilestoneState; task: TaskState },
): Promise<TaskWorktree> {
  const branch = taskBranch(o.settings, o.milestone, o.task);
  // git's rule for ref names, in-process (`check-ref-format --branch` adds: no leading dash, not HEAD).
  if (!isValidRefName(`refs/heads/${branch}`) || branch.startsWith('-') || branch === 'HEAD') {
    throw new MilestoneError('CONFIG_INVALID', `"${branch}" is not a valid branch name`, {
      hint: 'Check branch_prefix and git_integration.branch_naming.',
    });
  }
  const dir = runFiles(ctx, o.task.id).worktree;
  const tip = await ctx.storage.refs.read(`refs/heads/${branch}`);
  if (tip !== null || fs.existsSync(dir)) {
    const list = await ctx.git.worktreeList();
    const here = list.find((w) => samePath(w.path, dir));
    if (here && here.branch === branch) return { path: dir, branch };
    const elsewhere = list.find((w) => w.branch === branch);
    if (here || elsewhere || fs.existsSync(dir)) {
      const why = elsewhere ? `branch ${branch} is checked out in ${elsewhere.path}` : `${dir} exists and is not the worktree of ${branch}`;
      throw new MilestoneError('WORKTREE_TAKEN', `cannot give task ${o.task.id.slice(0, 8)} its worktree: ${why}`, {
        hint: elsewhere ? `Switch that work tree to another branch (git -C ${elsewhere.path} switch -).` : `Move ${dir} away, then run execute again.`,
        data: { task: o.task.id, path: dir, branch },
      });
    }
  }
  const start = tip === null ? await headCommit(ctx) : null;
  if (!readLink(ctx.repo.commonDir, branch)) writeLink(ctx.repo.commonDir, newLink(branch, o.milestone, o.task, start, ctx.env.clock()));
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  await ctx.git.worktreeAdd(dir, branch, start ? { start } : {});
  return { path: dir, branch };
}

/** The user's work tree's HEAD commit, read in-process (its branch's ref), or through git when detached. */
async function headCommit(ctx: Context): Promise<string | null> {
  const branch = currentBranch(ctx.repo.gitDir);
  return branch ? ctx.storage.refs.read(`refs/heads/${branch}`) : ctx.git.revParse('HEAD');
}

/** Removes the task's worktree if there is one; false when git refused (changes left in it). */
export async function removeWorktree(ctx: Context, task: string): Promise<boolean> {
  const dir = runFiles(ctx, task).worktree;
  if (!fs.existsSync(dir)) return true;
  try {
    await ctx.git.worktreeRemove(dir, { force: false });
    return true;
  } catch {
    return false;
  }
}
function samePath(a: string, b: string): boolean {
  const real = (p: string) => { try { return fs.realpathSync(p); } catch { return path.resolve(p); } };
  return real(a) === real(b);
}
