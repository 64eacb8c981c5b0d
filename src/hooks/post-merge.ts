/**
 * post-merge entry point (also run by post-commit right after a `git merge --squash` is committed).
 * Finds the milestone/task branches the merge brought in, completes their tasks and, with
 * git_integration.auto_cleanup_branches, deletes those the cleanup policy allows — the same use case
 * as `git milestone branch cleanup` (core/branch/cleanupBranches.ts). Prints one line per task
 * completed or branch deleted. A post-merge hook cannot undo a merge: exit status 0 always.
 */
import { cleanupBranches } from '../core/branch/cleanupBranches';
import { withHookContext } from './hookContext';
import { runHook } from './runHook';

runHook('post-merge', (h) =>
  withHookContext(h, async (ctx, settings) => {
    const r = await cleanupBranches(ctx, { settings, dryRun: false, trigger: 'post-merge' });
    for (const b of r.branches) {
      for (const t of b.completed) h.warn(`task ${t.slice(0, 8)} completed (${b.branch} is merged into ${r.base})`);
      if (b.action === 'deleted') h.warn(`deleted merged branch ${b.branch}`);
    }
    return 0;
  }),
);
