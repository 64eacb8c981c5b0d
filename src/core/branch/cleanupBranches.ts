/**
 * `git milestone branch cleanup [--dry-run]` and the post-merge hook: finds the milestone and task
 * branches merged into the base (mergeStatus.ts), completes their tasks
 * (git_integration.complete_tasks_on_merge, default true) and deletes the branches the policy allows:
 *   branch_cleanup: aggressive    every merged branch;
 *   branch_cleanup: conservative  (default) a merged branch whose tasks are completed, whose last
 *                                 commit is at least cleanup_after_days old, and — with
 *                                 preserve_completed (default true) — only when merged by ancestry,
 *                                 since deleting a squash- or rebase-merged branch drops commits
 *                                 that exist nowhere else.
 * The post-merge hook deletes only with git_integration.auto_cleanup_branches; otherwise it only
 * completes tasks. An unmerged branch, the base, and a branch checked out in any worktree are
 * never deleted.
 */
import type { Context } from '../context';
import { listLinks, removeLink, type BranchLink } from '../git/branchLinks';
import type { GitSettings } from '../git/gitSettings';
import { linkOf } from './linkBranch';
import { mergedByAncestry, mergedBy, type MergedBy, type MergeProbe } from './mergeStatus';
import { cleanupBase, checkedOutBranches, deleteBranch } from './branchGit';
import { completeTasks } from './completeTasks';

export interface BranchReport {
  branch: string;
  milestone: string;
  tasks: string[];
  merged: MergedBy | null;
  action: 'deleted' | 'would-delete' | 'kept';
  reason: string;
  /** Tasks this run completed; always empty on a dry run. */
  completed: string[];
  /** --dry-run: the tasks a real run would complete (empty otherwise). */
  wouldComplete: string[];
}

export interface CleanupResult {
  base: string;
  dryRun: boolean;
  branches: BranchReport[];
}

export async function cleanupBranches(ctx: Context, o: { settings: GitSettings; base?: string; dryRun: boolean; trigger: 'command' | 'post-merge' }): Promise<CleanupResult> {
  const s = o.settings.cleanup;
  const base = cleanupBase(ctx, o.settings, o.base);
  const probe: MergeProbe = { git: ctx.git, commonDir: ctx.repo.commonDir, base: base.commit, mergeStrategy: s.mergeStrategy };
  const heads = await ctx.storage.refs.list('refs/heads/');
  const busy = checkedOutBranches(ctx);
  const ancestors = mergedByAncestry(probe);
  const reports: BranchReport[] = [];
  for (const link of listLinks(ctx.repo.commonDir)) if (!heads.has(`refs/heads/${link.branch}`) && !o.dryRun) removeLink(ctx.repo.commonDir, link.branch);
  for (const [ref, tip] of heads) {
    const branch = ref.slice('refs/heads/'.length);
    if (branch === base.branch) continue;
    const link: BranchLink | null = await linkOf(ctx, o.settings, branch, { write: !o.dryRun });
    if (!link) continue;
    const tasks = [...new Set([...link.tasks, ...(link.task ? [link.task] : [])])];
    const report: BranchReport = { branch, milestone: link.milestone, tasks, merged: null, action: 'kept', reason: '', completed: [], wouldComplete: [] };
    reports.push(report);
    report.merged = mergedBy(probe, { tip, start: link.start, ancestor: ancestors.has(branch), branch });
    if (!report.merged) {
      report.reason = 'not merged';
      continue;
    }
    const done = await completeTasks(ctx, link.milestone, tasks, !s.completeOnMerge ? 'check' : o.dryRun ? 'dry-run' : 'write');
    if (o.dryRun) report.wouldComplete = done.completed;
    else report.completed = done.completed;
    report.reason = keepReason(o, report, done.open.length, await ageDays(ctx, tip), busy.has(branch));
    if (report.reason !== '') continue;
    if (o.dryRun) report.action = 'would-delete';
    else {
      deleteBranch(ctx, branch);
      removeLink(ctx.repo.commonDir, branch);
      report.action = 'deleted';
    }
    report.reason = `merged (${report.merged})`;
  }
  ctx.env.log.info('branch cleanup', { base: base.branch ?? base.commit, trigger: o.trigger, dryRun: o.dryRun, branches: reports.map((r) => `${r.branch}:${r.action}`) });
  return { base: base.branch ?? base.commit, dryRun: o.dryRun, branches: reports };
}

function keepReason(o: { settings: GitSettings; trigger: string }, r: BranchReport, openTasks: number, age: number, busy: boolean): string {
  const s = o.settings.cleanup;
  if (busy) return 'checked out';
  if (o.trigger === 'post-merge' && !s.auto) return 'merged; git_integration.auto_cleanup_branches is off';
  if (s.mode === 'aggressive') return '';
  if (openTasks > 0) return 'merged, but a task is not completed';
  if (s.preserveCompleted && r.merged !== 'ancestor') return `merged by ${r.merged}; kept because its commits exist only here (preserve_completed)`;
  if (age < s.afterDays) return `merged; deleted ${s.afterDays} days after its last commit (cleanup_after_days)`;
  return '';
}

async function ageDays(ctx: Context, tip: string): Promise<number> {
  const c = await ctx.storage.objects.readCommit(tip);
  return (ctx.env.clock().getTime() / 1000 - c.committer.timestamp) / 86400;
}
