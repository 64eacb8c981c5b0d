/**
 * Reads the `milestone.*` entries of git config (system, global, repository) with one
 * `git config -z --get-regexp ^milestone\.` run through execFile (no shell). Exit status 1 means
 * no entry matched and gives {}. A key given twice keeps its last value, as git does.
 */
import { childProcess } from '../env/builtins';
import { MilestoneError } from '../errors/MilestoneError';

export interface ReadGitConfigOptions {
  cwd: string;
  /** The git executable (default `git`). */
  gitBinary?: string;
  /** Environment for git (default: inherited). */
  env?: NodeJS.ProcessEnv;
}

/** Parses `git config -z` output: NUL-terminated entries of `key\nvalue` (`key` alone = true). */
export function parseGitConfigZ(output: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of output.split('\0')) {
    if (entry === '') continue;
    const nl = entry.indexOf('\n');
    if (nl === -1) result[entry] = 'true';
    else result[entry.slice(0, nl)] = entry.slice(nl + 1);
  }
  return result;
}

export function readGitConfig(opts: ReadGitConfigOptions): Promise<Record<string, string>> {
  const args = ['config', '-z', '--get-regexp', '^milestone\\.'];
  return new Promise((resolve, reject) => {
    childProcess().execFile(
      opts.gitBinary ?? 'git',
      args,
      { cwd: opts.cwd, env: opts.env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolve(parseGitConfigZ(stdout));
        const code: unknown = (error as { code?: unknown }).code;
        if (code === 1) return resolve({});
        if (code === 'ENOENT') {
          return reject(new MilestoneError('GIT_FAILED', 'git was not found', {
            hint: 'Install git and make sure it is on PATH.',
            cause: error,
          }));
        }
        reject(new MilestoneError('GIT_FAILED', `git config failed: ${String(stderr).trim() || error.message}`, {
          hint: 'Check your git config files (`git config --list --show-origin`).',
          data: { args },
          cause: error,
        }));
      },
    );
  });
}
