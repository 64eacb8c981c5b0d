/**
 * A deterministic Env for tests: output captured in memory, a clock that starts at `now` and
 * advances one second per call, nonces '0000000000000001', '0000000000000002', ... and log calls
 * recorded as data (no pino, no files).
 */
import type { Env, Logger } from './Env';

export interface TestLogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string;
  data?: Record<string, unknown>;
}

export interface TestEnv extends Env {
  /** Everything written with out() so far. */
  stdout(): string;
  /** Everything written with err() so far. */
  stderr(): string;
  logs: TestLogEntry[];
}

export const DEFAULT_TEST_NOW = '2025-01-01T00:00:00.000Z';

export function createTestEnv(opts: {
  cwd: string;
  vars?: Record<string, string | undefined>;
  /** ISO time of the first clock() call (default 2025-01-01T00:00:00.000Z). */
  now?: string;
  interactive?: boolean;
  prettyJson?: boolean;
}): TestEnv {
  const start = Date.parse(opts.now ?? DEFAULT_TEST_NOW);
  if (Number.isNaN(start)) throw new TypeError(`createTestEnv: not a date: ${opts.now}`);
  const out: string[] = [];
  const err: string[] = [];
  const logs: TestLogEntry[] = [];
  let ticks = 0;
  let nonces = 0;

  const record = (level: TestLogEntry['level']) => (msg: string, data?: Record<string, unknown>) => {
    logs.push(data === undefined ? { level, msg } : { level, msg, data });
  };
  const log: Logger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };

  return {
    out: (text) => void out.push(typeof text === 'string' ? text : Buffer.from(text).toString('utf8')),
    err: (text) => void err.push(text),
    log,
    clock: () => new Date(start + 1000 * ticks++),
    nonce: () => (++nonces).toString(16).padStart(16, '0'),
    cwd: opts.cwd,
    vars: { ...(opts.vars ?? {}) },
    interactive: opts.interactive ?? false,
    prettyJson: opts.prettyJson ?? false,
    stdout: () => out.join(''),
    stderr: () => err.join(''),
    logs,
  };
}
