/**
 * Doctor's hook check: a hook whose shim or runner points at a git-milestone package that is gone,
 * and a hook that was installed here but no longer runs — displaced by a hook manager's reinstall
 * (husky rewriting `.husky/_/`, `lefthook install`), by core.hooksPath moving, or by a line or
 * entry removed from the manager's config (core/hooks/hooksStatus.ts tells which). Each is an
 * error with the command that fixes it; doctor --fix does not reinstall hooks itself, since that
 * edits files a team commits.
 */
import type { Context } from '../context';
import { hooksStatus } from '../hooks/hooksStatus';
import type { DoctorProblem } from './types';

export async function checkHooks(ctx: Context): Promise<DoctorProblem[]> {
  const status = await hooksStatus(ctx);
  const problems: DoctorProblem[] = [];
  for (const h of status.hooks) {
    if (h.packagePresent === false) {
      problems.push({
        check: 'hooks', severity: 'error', fixable: false, path: h.path,
        message: `the ${h.hook} hook runs a git-milestone that is gone (${h.package})`,
        hint: 'Run `git milestone hooks install` again, or `git milestone hooks uninstall`.',
      });
    } else if (h.state === 'displaced') {
      problems.push({
        check: 'hooks', severity: 'error', fixable: false, path: h.path,
        message: `the ${h.hook} hook was displaced: ${h.note ?? 'git-milestone no longer runs it'}`,
        hint: 'Commits on milestone branches are not formatted or linked until it is fixed; `git milestone hooks uninstall` if that is intended.',
      });
    }
  }
  return problems;
}
