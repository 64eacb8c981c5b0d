/**
 * The runner the GitCliPorcelain layers share: one native git run per call through runGit (argv,
 * never a shell; errors scrubbed of credentials), in the work tree (or the git dir when bare, or a
 * linked work tree given by path) with the command's environment.
 */
import * as path from 'node:path';
import type { ConfigScope, GitResult } from '../ports';
import { gitFailed, gitRaw, type GitRunOptions } from './runGit';
import type { RepoInfo } from './types';

export interface GitCliPorcelainOptions {
  repo: RepoInfo;
  /** Environment of git (default: process.env). */
  vars?: Readonly<Record<string, string | undefined>>;
}

export const lines = (s: string): string[] => s.split('\n').filter((l) => l !== '');
export const scope = (o?: ConfigScope): string[] => (o?.local ? ['--local'] : []);

export class GitCliBase {
  protected readonly run: GitRunOptions;

  constructor(protected readonly o: GitCliPorcelainOptions) {
    this.run = { cwd: o.repo.workTree ?? o.repo.gitDir, vars: o.vars };
  }

  protected raw(args: string[], input?: string): GitResult {
    return gitRaw(args, input === undefined ? this.run : { ...this.run, input });
  }

  protected ok(args: string[], hint?: string, input?: string): string {
    const r = this.raw(args, input);
    if (r.status !== 0) throw gitFailed(args, r, hint);
    return r.stdout;
  }

  protected answer(args: string[]): string | null {
    const r = this.raw(args);
    return r.status === 0 ? r.stdout.trim() || null : null;
  }

  protected runIn(worktree?: string): GitRunOptions {
    return worktree === undefined ? this.run : { ...this.run, cwd: path.resolve(this.run.cwd, worktree) };
  }
}
