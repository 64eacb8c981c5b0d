/**
 * commit-msg entry point. The shim starts it only on a branch with a link file (a milestone or task
 * branch), so it is the one node process a commit on such a branch pays for. It formats the message
 * in place and leaves the commit-link note line for post-commit (core/hooks/commitMsg.ts). It never
 * refuses: exit status 0 always; a problem is one warning line (runHook). A message with no content
 * is left as it is, so git aborts the commit as usual.
 */
import { commitMsg } from '../core/hooks/commitMsg';
import { runHook } from './runHook';

runHook('commit-msg', (h) => {
  const file = h.args[0];
  if (!file) return 0;
  commitMsg({ repo: h.repo, cwd: h.repo.workTree ?? h.cwd, vars: h.vars, git: h.git, file, now: new Date(), warn: h.warn });
  return 0;
});
