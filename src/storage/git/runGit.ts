/**
 * Runs native git for the jobs that are git's own (checkout, branch deletion, merge checks, notes,
 * config): argv through execFile (never a shell), stdout back as text. A failure becomes
 * GIT_FAILED carrying git's first error line; `allowFail` returns the status instead of throwing
 * for the commands whose non-zero status is an answer (`merge-base --is-ancestor`, `merge-tree`).
 */
import { childProcess } from '../../env/builtins';
import { MilestoneError } from '../../errors/MilestoneError';

export interface GitRunOptions {
  cwd: string;
  vars?: Readonly<Record<string, string | undefined>>;
  input?: string;
}

export interface GitResult {
  status: number;
  stdout: string;
  stderr: string;
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
  if (r.error) {
    const missing = (r.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new MilestoneError('GIT_FAILED', missing ? 'git was not found' : `git ${args[0]} failed: ${r.error.message}`, {
      hint: missing ? 'Install git and make sure it is on PATH.' : undefined,
      cause: r.error,
    });
  }
  return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Runs git; returns stdout, or throws GIT_FAILED with git's own message. */
export function git(args: string[], o: GitRunOptions): string {
  const r = gitRaw(args, o);
  if (r.status !== 0) throw gitFailed(args, r);
  return r.stdout;
}

export function gitFailed(args: string[], r: GitResult): MilestoneError {
  const line = r.stderr.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? `exit status ${r.status}`;
  return new MilestoneError('GIT_FAILED', `git ${args[0]} failed: ${line.replace(/^(fatal|error): /, '')}`, {
    hint: 'The git command and its full message are in the log (run with --verbose to see them).',
    data: { args, status: r.status, stderr: r.stderr.slice(0, 2000) },
  });
}
