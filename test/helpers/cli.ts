/**
 * Runs the built CLI (`bin/git-milestone`, as `git milestone` would) in a directory, never through
 * a shell, and returns its exit status and output. Tests call `npm run build` first via `npm test`.
 */
import { spawnSync, spawn } from 'node:child_process';
import * as path from 'node:path';

export const BIN = path.resolve(__dirname, '../../bin/git-milestone');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json<T = any>(): T;
}

export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', ...extra };
  for (const k of Object.keys(env)) if (k.startsWith('MILESTONE_') && !(k in extra)) delete env[k];
  return env;
}

export function cli(cwd: string, args: string[], extra: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: cliEnv(extra), encoding: 'utf8' });
  return wrap(r.status ?? -1, r.stdout, r.stderr);
}

/** The same, asynchronously, so several processes can run at once. */
export function cliAsync(cwd: string, args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: cliEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve(wrap(code ?? -1, stdout, stderr)));
  });
}

function wrap(code: number, stdout: string, stderr: string): CliResult {
  return {
    code,
    stdout,
    stderr,
    json<T>() {
      try {
        return JSON.parse(stdout) as T;
      } catch {
        throw new Error(`not JSON (exit ${code}):\n${stdout}\n--- stderr:\n${stderr}`);
      }
    },
  };
}
