/**
 * post-checkout entry point. The shim starts it only for a branch checkout of a branch with neither
 * a link file nor a "not a milestone branch" mark — in practice the first checkout of a branch made
 * elsewhere. If the name says it is a milestone or task branch (and the index knows the id), its
 * link is written, so commits on it get formatted and noted; otherwise it is marked, so later
 * checkouts of it start nothing. Exit status 0 always (runHook).
 */
import { currentBranch } from '../core/git/branchLinks';
import { linkOf } from '../core/branch/linkBranch';
import { withHookContext } from './hookContext';
import { runHook } from './runHook';

runHook('post-checkout', (h) => {
  const branch = h.args[2] === '1' ? currentBranch(h.repo.gitDir) : null;
  if (!branch) return 0;
  return withHookContext(h, async (ctx, settings) => {
    const link = await linkOf(ctx, settings, branch, { write: true });
    if (link?.task) h.warn(`on task ${link.task.slice(0, 8)} (milestone ${link.milestone.slice(0, 8)})`);
    return 0;
  });
});
