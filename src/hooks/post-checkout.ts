/**
 * post-checkout entry point. The shim starts it only for a branch checkout of a branch with neither
 * a link file nor a "not a milestone branch" mark — in practice the first checkout of a branch. A
 * name that does not follow the branch naming is marked at once (no repository state is opened).
 * One that does (a colleague's branch, say) is linked when the index knows its short id, so commits
 * on it get formatted and noted. Exit status 0 always (runHook).
 */
import { parseBranchName } from '../domain/branchName';
import { currentBranch, markNotLinked } from '../core/git/branchLinks';
import { readLeanSettings } from '../core/git/leanSettings';
import { runHook } from './runHook';

runHook('post-checkout', async (h) => {
  const branch = h.args[2] === '1' ? currentBranch(h.repo.gitDir) : null;
  if (!branch) return 0;
  const lean = readLeanSettings({ repo: h.repo, cwd: h.repo.workTree ?? h.cwd, vars: h.vars, git: h.git });
  for (const w of lean.warnings) h.warn(w);
  if (parseBranchName(lean.settings.naming, branch) === null) {
    markNotLinked(h.repo.commonDir, branch);
    return 0;
  }
  const { withHookContext } = require('./hookContext') as typeof import('./hookContext');
  const { linkOf } = require('../core/branch/linkBranch') as typeof import('../core/branch/linkBranch');
  return withHookContext(h, async (ctx) => {
    const link = await linkOf(ctx, lean.settings, branch, { write: true });
    if (link?.task) h.warn(`on task ${link.task.slice(0, 8)} (milestone ${link.milestone.slice(0, 8)})`);
    return 0;
  }, lean.settings);
});
