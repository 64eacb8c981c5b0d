/**
 * The one place that starts git. Everything that runs native git — the porcelain adapter, the batch
 * reader, fast-import, pack-refs — comes through here: argv only (never a shell), and every error it
 * builds has credentials scrubbed (URL passwords and tokens, `http.extraheader` values,
 * Authorization headers), because git echoes remote URLs and `-c` values into its messages.
 * `gitRaw` returns the status instead of throwing, for the commands whose non-zero status is an
 * answer (`merge-base --is-ancestor`, `merge-tree`, `push` with rejected refs).
 */
import type { ChildProcess, StdioOptions } from 'node:child_process';
import { childProcess } from '../../env/builtins';
import { gitFailed, scrubGit } from '../../errors/gitFailed';
import { MilestoneError } from '../../errors/MilestoneError';
import type { GitResult } from '../ports';

export { gitFailed, scrubGit };
export type { GitResult };

export interface GitRunOptions {
  cwd: string;
  vars?: Readonly<Record<string, string | undefined>>;
  input?: string;
}

/** Runs git and returns its status and output, whatever the status. */
export function gitRaw(args: string[], o: GitRunOptions): GitResult {
  const r = childProcess().spawnSync('git', args, {
    cwd: o.cwd,
    env: (o.vars ?? process.env) as NodeJS.ProcessEnv,
    input: o.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: [o.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    windowsHide: true,
  });
  if (r.error) throw spawnFailed(args, r.error);
  return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/**
 * gitRaw without blocking: the executor runs several agents' git work at once (worktree add,
 * status, merge) while their commands run, instead of stopping the event loop for each.
 */
export function gitRawAsync(args: string[], o: GitRunOptions): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = childProcess().spawn('git', args, {
      cwd: o.cwd, env: (o.vars ?? process.env) as NodeJS.ProcessEnv,
      stdio: [o.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], windowsHide: true,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (d: Buffer) => out.push(d));
    child.stderr?.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => reject(spawnFailed(args, e)));
    child.on('close', (code) => {
      const text = (b: Buffer[]) => Buffer.concat(b).toString('utf8');
      resolve({ status: code ?? -1, stdout: text(out), stderr: text(err) });
    });
    if (o.input !== undefined) child.stdin?.end(o.input);
  });
}

/** Runs git; returns stdout, or throws GIT_FAILED with git's own (scrubbed) message. */
export function git(args: string[], o: GitRunOptions): string {
  const r = gitRaw(args, o);
  if (r.status !== 0) throw gitFailed(args, r);
  return r.stdout;
}

/** Starts a long-running git (the batch reader, fast-import) with pipes; the caller drives it. */
export function spawnGit(args: string[], o: { env?: NodeJS.ProcessEnv; stdio: StdioOptions; cwd?: string }): ChildProcess {
  return childProcess().spawn('git', args, { cwd: o.cwd, env: o.env ?? process.env, stdio: o.stdio, windowsHide: true });
}

/** GIT_FAILED for a git that could not be started (not installed, bad cwd). */
export function spawnFailed(args: string[], error: Error): MilestoneError {
  const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
  return new MilestoneError('GIT_FAILED', missing ? 'git was not found' : `git ${scrubGit(args[0] ?? '')} failed: ${scrubGit(error.message)}`, {
    hint: missing ? 'Install git and make sure it is on PATH.' : undefined,
    data: { args: args.map(scrubGit) },
  });
}
