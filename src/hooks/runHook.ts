/**
 * What every hook entry point shares. Entry points are run by the installed shims
 * (hooks/run.sh) as `node dist/hooks/<hook>.js <git's arguments>`; they import only what their hook
 * needs — never oclif, pino or ajv (pre-commit loads yaml only when it validates a staged file).
 *
 * The exit status IS the contract of a git hook, so here (and only here) the process's status is
 * set directly: 0 lets git go on. A hook stands aside during a rebase, cherry-pick, revert or bisect
 * and in a bare repository, and any unexpected error prints one warning line on stderr and exits 0
 * — git-milestone never blocks a commit by accident. The one deliberate refusal is pre-commit's
 * (an invalid settings file staged), which returns 1 from its body.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findRepo } from '../storage/git/findRepo';
import { GitCliPorcelain } from '../storage/git/GitCliPorcelain';
import type { RepoInfo } from '../storage/git/types';
import type { GitPorcelain } from '../storage/ports';

export interface Hook {
  name: string;
  args: string[];
  repo: RepoInfo;
  /** The porcelain port on this repository (the hooks' one way to run git). */
  git: GitPorcelain;
  cwd: string;
  vars: Readonly<Record<string, string | undefined>>;
  /** Prints one `git-milestone: …` line on stderr. */
  warn(message: string): void;
}

const ASIDE = ['rebase-merge', 'rebase-apply', 'CHERRY_PICK_HEAD', 'REVERT_HEAD', 'BISECT_LOG'];

/** Why the hook should do nothing now, or null. */
export function standAside(repo: RepoInfo, vars: Hook['vars']): string | null {
  if (repo.bare || !repo.workTree) return 'bare repository';
  const busy = ASIDE.find((f) => fs.existsSync(path.join(repo.gitDir, f)));
  if (busy) return busy;
  if (/^(rebase|cherry-pick|revert)/.test(vars.GIT_REFLOG_ACTION ?? '')) return vars.GIT_REFLOG_ACTION as string;
  return null;
}

export function runHook(name: string, body: (h: Hook) => Promise<number | void> | number | void): void {
  const warn = (m: string) => void process.stderr.write(`git-milestone: ${m.replace(/\s*\n\s*/g, ' ')}\n`);
  const run = async (): Promise<number> => {
    const cwd = process.cwd();
    const repo = findRepo({ cwd, vars: process.env });
    if (standAside(repo, process.env) !== null) return 0;
    const git = new GitCliPorcelain({ repo, vars: process.env });
    return (await body({ name, args: process.argv.slice(2), repo, git, cwd, vars: process.env, warn })) ?? 0;
  };
  run().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      warn(`${name} hook skipped: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 0;
    },
  );
}
