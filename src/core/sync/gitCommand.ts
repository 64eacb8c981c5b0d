/**
 * Native git for the jobs that must be git's own: talking to remotes (`fetch`, `push`: SSH keys,
 * credential helpers and `url.<base>.insteadOf` work as for any git command), notes merges,
 * bundles and remote configuration. argv goes through spawnSync, never a shell. Messages that
 * may carry a remote URL are scrubbed of credentials before they reach output or the log.
 */
import { gitRaw } from '../../storage/git/runGit';
import { scrubString } from '../../env/logger';
import { MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';

export interface GitCommandResult {
  status: number;
  stdout: string;
  stderr: string;
}

export interface GitCommandOptions {
  input?: string;
  /** Extra environment for this command (e.g. a fallback committer identity). */
  env?: Record<string, string>;
}

/** Runs git in the repository and returns its status and output, whatever the status. */
export function gitRun(ctx: Context, args: string[], o: GitCommandOptions = {}): GitCommandResult {
  return gitRaw(args, { cwd: ctx.repo.workTree ?? ctx.repo.gitDir, vars: { ...ctx.env.vars, ...o.env }, input: o.input });
}

/** Runs git; returns stdout, or throws GIT_FAILED with git's own (scrubbed) message. */
export function gitOut(ctx: Context, args: string[], o: GitCommandOptions = {}): string {
  const r = gitRun(ctx, args, o);
  if (r.status !== 0) throw gitFailed(args, r);
  return r.stdout;
}

export function gitFailed(args: string[], r: GitCommandResult, hint?: string): MilestoneError {
  const lines = r.stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('hint:'));
  const line = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines[0] ?? `exit status ${r.status}`;
  return new MilestoneError('GIT_FAILED', `git ${args[0]} failed: ${scrubString(line.replace(/^(fatal|error): /, ''))}`, {
    hint: hint ?? 'Run the same git command yourself to see its full message; `git milestone doctor --report` collects details.',
    data: { args: args.map(scrubString), status: r.status, stderr: scrubString(r.stderr.slice(0, 2000)) },
  });
}

/** One git config value, or null when unset. */
export function gitConfigGet(ctx: Context, key: string): string | null {
  const r = gitRun(ctx, ['config', '--get', key]);
  return r.status === 0 ? r.stdout.replace(/\n$/, '') : null;
}

/** Every value of a multi-valued git config key. */
export function gitConfigAll(ctx: Context, key: string): string[] {
  const r = gitRun(ctx, ['config', '--get-all', key]);
  return r.status === 0 ? r.stdout.split('\n').filter((l) => l !== '') : [];
}
