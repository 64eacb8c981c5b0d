/**
 * The real Env of a CLI run: process streams, wall clock, random nonces, process.env and a lazy
 * logger. The repository (and so the log folder, `.git/milestones/logs`) is found only after the
 * Env exists: attach it later with `setLogDir(env, dir)` (or `env.log.setLogDir(dir)`).
 */
import { randomBytes } from 'crypto';
import type { Env } from './Env';
import { createLazyLogger, type LazyLogger, type LogLevelName } from './logger';

export interface NodeEnv extends Env {
  log: LazyLogger;
}

export interface CreateNodeEnvOptions {
  /** Log folder, when already known; null/undefined until the repository is found. */
  logDir?: string | null;
  /** Also print log lines to stderr (human-readable). */
  verbose?: boolean;
  level?: LogLevelName;
  /** Overrides for tests of the wiring; default: the current process. */
  cwd?: string;
  vars?: Readonly<Record<string, string | undefined>>;
}

export function createNodeEnv(opts: CreateNodeEnvOptions = {}): NodeEnv {
  const err = (text: string): void => {
    process.stderr.write(text);
  };
  return {
    out(text: string | Uint8Array): void {
      process.stdout.write(text);
    },
    err,
    log: createLazyLogger({ logDir: opts.logDir ?? null, verbose: opts.verbose ?? false, level: opts.level, stderr: err }),
    clock: () => new Date(),
    nonce: () => randomBytes(8).toString('hex'),
    cwd: opts.cwd ?? process.cwd(),
    vars: opts.vars ?? process.env,
    interactive: Boolean(process.stderr.isTTY),
  };
}

/**
 * Attaches the log folder once the repository is known. Works on any Env whose logger supports it
 * (the node Env does; the test Env and silentLogger ignore it). Returns true when attached.
 */
export function setLogDir(env: Env, dir: string | null): boolean {
  const log = env.log as Partial<LazyLogger>;
  if (typeof log.setLogDir !== 'function') return false;
  log.setLogDir(dir);
  return true;
}
