/**
 * The real Env of a CLI run: process streams, wall clock, random nonces, process.env and a lazy
 * logger. The repository (and so the log folder, `.git/milestones/logs`) is found only after the
 * Env exists: attach it later with `setLogDir(env, dir)` (or `env.log.setLogDir(dir)`).
 */
import { crypto } from './builtins';
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
  let readerGone = false;
  let watching = false;
  return {
    out(text: string | Uint8Array): void {
      if (readerGone) return;
      if (!watching) {
        watching = true;
        // `git milestone list | head`: the reader closes the pipe early. Stop writing quietly, as
        // git does, instead of dying with an unhandled EPIPE and a stack trace.
        process.stdout.on('error', (e: NodeJS.ErrnoException) => {
          if (e.code !== 'EPIPE') throw e;
          readerGone = true;
        });
      }
      process.stdout.write(text);
    },
    err,
    log: createLazyLogger({ logDir: opts.logDir ?? null, verbose: opts.verbose ?? false, level: opts.level, stderr: err }),
    clock: () => new Date(),
    nonce: () => crypto().randomBytes(8).toString('hex'),
    cwd: opts.cwd ?? process.cwd(),
    vars: opts.vars ?? process.env,
    interactive: Boolean(process.stderr.isTTY),
    prettyJson: Boolean(process.stdout.isTTY),
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
