/**
 * Everything a use case needs from the outside world, injected so tests can see and steer it.
 * Nothing under src/core or src/domain touches process.stdout, Date.now or process.env directly.
 */
export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

export interface Env {
  /** Standard output: results, text or JSON (bytes for pre-rendered output). */
  out(text: string | Uint8Array): void;
  /** Standard error: warnings, progress, error lines. */
  err(text: string): void;
  /** Structured log (pino to .git/milestones/logs); loaded lazily so reads do not pay for it. */
  log: Logger;
  /** Wall clock. */
  clock(): Date;
  /** Random hex nonce for creating operations (ids are hashes; the nonce keeps equal ops distinct). */
  nonce(): string;
  cwd: string;
  vars: Readonly<Record<string, string | undefined>>;
  /** True when stderr is a terminal (progress bars, colours). */
  interactive: boolean;
  /**
   * True when stdout is a terminal: `--json` output is indented for a person to read. Otherwise it
   * is compact, one line (as `gh` does): a pipe, a file and an agent get fewer bytes to carry.
   */
  prettyJson: boolean;
}

/** A value as `--json` prints it: compact, or indented by two spaces when `pretty`; newline-terminated. */
export function jsonText(value: unknown, pretty: boolean): string {
  return `${pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)}\n`;
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};
