/** `git milestone branch start|cleanup` */
import { cleanupBranches, type CleanupResult } from '../../core/branch/cleanupBranches';
import { startBranch, type StartBranchResult } from '../../core/branch/startBranch';
import { loadSettings } from '../../core/config/loadSettings';
import { gitSettingsFromTree } from '../../core/git/gitSettings';
import type { CommandDef } from '../CommandDef';
import { short, table } from '../format';

export const branchStart: CommandDef<StartBranchResult> = {
  summary: 'Create and check out the branch of a task (or milestone); the task moves to in_progress.',
  description:
    'The name is branch_prefix (default milestone/) or the git_integration.branch_naming pattern ({id}, {task}, {milestone}, {slug}), ' +
    'then the 8-character short id and a slug of the title (ASCII a-z 0-9 -, at most 40 characters). An existing branch is checked out. ' +
    'With git_integration.single_branch_mode a task goes on its milestone\'s branch and becomes its current task. ' +
    'With auto_branch, `task start` does this too.',
  examples: ['git milestone branch start 9c1e', 'git milestone branch start 3f2a --json'],
  args: [{ name: 'target', description: 'Task id or prefix, or milestone id, prefix or alias.', required: true }],
  needsWorkTree: true,
  execute: (ctx, input) => startBranch(ctx, { target: input.args.target as string }),
  text: (r) =>
    `${r.created ? 'Created and checked out' : 'Checked out'} ${r.branch}` +
    (r.task ? ` for task ${short(r.task)} (${r.taskStatus})` : ` for milestone ${short(r.milestone)} (${r.milestoneStatus})`),
};

export const branchCleanup: CommandDef<CleanupResult> = {
  summary: 'Complete the tasks of merged milestone/task branches and delete the branches the policy allows.',
  description:
    'Merged means: in the base\'s history (merge commit, fast-forward), every commit already in the base (git cherry: rebase, ' +
    'one-commit squash), or merging would not change the base (git merge-tree: squash). The base is --base, else the current ' +
    'branch, else the default branch. branch_cleanup aggressive deletes every merged branch; conservative (default) only those ' +
    'whose tasks are completed, older than git_integration.cleanup_after_days, and with preserve_completed only ancestry-merged ones. ' +
    'Unmerged and checked-out branches are never deleted. Tasks are completed unless git_integration.complete_tasks_on_merge is false.',
  examples: ['git milestone branch cleanup --dry-run', 'git milestone branch cleanup --base main --json'],
  flags: {
    'dry-run': { type: 'boolean', description: 'Show what would happen; change nothing.' },
    base: { type: 'string', description: 'The branch merges go into (default: current branch, else main/master).' },
  },
  needsWorkTree: true,
  execute: async (ctx, input) =>
    cleanupBranches(ctx, {
      settings: gitSettingsFromTree((await loadSettings(ctx)).values),
      base: input.flags.base as string | undefined,
      dryRun: Boolean(input.flags['dry-run']),
      trigger: 'command',
    }),
  text: (r) =>
    r.branches.length === 0
      ? `No milestone branches (base ${r.base}).`
      : `${table(r.branches.map((b) => [b.branch, b.action, b.reason, b.completed.length ? `completed ${b.completed.map(short).join(', ')}` : b.wouldComplete.length ? `would complete ${b.wouldComplete.map(short).join(', ')}` : '']))}\n(base: ${r.base}${r.dryRun ? '; dry run, nothing changed' : ''})`,
};
