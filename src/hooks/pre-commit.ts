/**
 * pre-commit entry point. The shim starts it only when the commit stages a settings, workflow or
 * template file (`.milestones/{config,workflows,templates}/*.yaml`); it validates the staged
 * content and refuses the commit — exit status 1, the one deliberate refusal among
 * git-milestone's hooks — when a file has errors,
 * printing each with file, line and key. Warnings (unknown keys) are printed and let the commit
 * through. Anything unexpected is a one-line warning and exit 0 (runHook).
 */
import { checkStagedConfig, describeCheck } from '../core/hooks/checkStagedConfig';
import { runHook } from './runHook';

runHook('pre-commit', (h) => {
  const check = checkStagedConfig(h.git);
  const lines = describeCheck(check);
  if (lines.length > 0) process.stderr.write(`${lines.join('\n')}\n`);
  return check.ok ? 0 : 1;
});
