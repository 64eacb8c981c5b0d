/**
 * Where a hook manager runs the hooks, git-milestone's part is a runner per hook in this clone's
 * `<git-common-dir>/milestones/hooks/<hook>`: the same shim as a plain install (hooks/shim.sh with
 * the package root and node filled in), kept out of the manager's reach. The line or entry in the
 * manager's (committed) config only runs the runner when it is there, so it costs one
 * `git rev-parse` and does nothing in a clone that has not run `hooks install` — or where
 * git-milestone is not installed at all. A runner whose package is gone runs nothing (shim.sh).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HOOK_NAMES, renderShim, type HookName } from './hookFiles';
import { writeFileAtomic } from '../../env/atomicWrite';

/** Marks the line in `.husky/<hook>` and names the lefthook command. */
export const MANAGED_NAME = 'git-milestone';
export const HUSKY_MARK = `# ${MANAGED_NAME}: \`git milestone hooks uninstall\` removes this line`;

export const runnersDir = (dataDir: string) => path.join(dataDir, 'hooks');
export const runnerPath = (dataDir: string, hook: HookName) => path.join(runnersDir(dataDir), hook);

/**
 * The shell command a manager runs: finds this clone's runner and runs it only when it is there.
 * Hooks run at the top of the work tree, so in a plain checkout the common dir is `.git` and no
 * process is started to find it; elsewhere (a linked worktree, GIT_DIR set) git says where it is.
 * `|| :` keeps husky's `sh -e` going if git cannot answer.
 */
export function managedCommand(hook: HookName, args: string): string {
  return (
    `gm=.git; [ -d .git ] && [ -z "\${GIT_DIR:-}" ] || gm=$(git rev-parse --git-common-dir 2>/dev/null || :); ` +
    `gm=$gm/milestones/hooks/${hook}; [ ! -x "$gm" ] || "$gm"${args ? ` ${args}` : ''}`
  );
}

/** Writes (or refreshes) every runner; returns whether any changed. */
export function writeRunners(dataDir: string, pkg: string, node: string): boolean {
  fs.mkdirSync(runnersDir(dataDir), { recursive: true });
  let changed = false;
  for (const hook of HOOK_NAMES) {
    const file = runnerPath(dataDir, hook);
    const text = renderShim(hook, pkg, node);
    if (readOrNull(file) === text) continue;
    writeFileAtomic(file, text, { mode: 0o755 });
    changed = true;
  }
  return changed;
}

export function removeRunners(dataDir: string): void {
  fs.rmSync(runnersDir(dataDir), { recursive: true, force: true });
}

export function hasRunner(dataDir: string, hook: HookName): boolean {
  try {
    return (fs.statSync(runnerPath(dataDir, hook)).mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
