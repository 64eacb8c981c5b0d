/**
 * The one error type of git-milestone. Every failure a user can cause or meet carries a stable
 * `code` (for scripts and agents), a one-line message, an optional hint (what to do next) and the
 * process exit code. Only `src/cli/handleError.ts` turns these into output and an exit status.
 */
import { EXIT, ErrorCode, exitCodeFor } from './codes';

export interface MilestoneErrorOptions {
  hint?: string;
  /** Structured details for `--json` error output (never secrets). */
  data?: Record<string, unknown>;
  cause?: unknown;
}

export class MilestoneError extends Error {
  readonly code: ErrorCode;
  readonly hint?: string;
  readonly exitCode: number;
  readonly data?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: MilestoneErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MilestoneError';
    this.code = code;
    this.hint = options.hint;
    this.data = options.data;
    this.exitCode = exitCodeFor(code);
  }

  toJSON(): Record<string, unknown> {
    return {
      error: { code: this.code, message: this.message, hint: this.hint, ...(this.data ? { data: this.data } : {}) },
    };
  }
}

export function isMilestoneError(e: unknown): e is MilestoneError {
  return e instanceof MilestoneError;
}

/** Wraps anything thrown by a dependency into a MilestoneError, keeping our own untouched. */
export function asMilestoneError(e: unknown): MilestoneError {
  if (e instanceof MilestoneError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new MilestoneError('INTERNAL', message, {
    hint: 'This is a bug in git-milestone; `git milestone doctor --report` collects what to attach.',
    cause: e,
  });
}

export { EXIT };
export type { ErrorCode };
