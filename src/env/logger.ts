/**
 * The structured log: JSON lines in `<logDir>/git-milestone.log` (pino, synchronous destination so
 * nothing is lost when the process exits right after), plus human-readable lines on stderr with
 * --verbose. pino is required on the first log call that needs the file, never at import time.
 * Secrets are removed twice: a scrubber masks sensitive keys at any depth and credentials in
 * strings (URL passwords, `token=...`, `Bearer ...`), and pino's `redact` backs it up. A log folder
 * that cannot be written only disables the file: logging never fails a command.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Logger } from './Env';

export type LogLevelName = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
type CallLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LazyLogger extends Logger {
  /** Attach (or change, or with null detach) the log folder once the repository is known. */
  setLogDir(dir: string | null): void;
  /** The log file in use, or null (no folder, or it could not be written). */
  logFile(): string | null;
}

export const LOG_FILE_NAME = 'git-milestone.log';
export const REDACTED = '[REDACTED]';
const LEVELS: Record<LogLevelName, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };
const SENSITIVE_KEY = /(password|passwd|secret|token|apikey|api_key|api-key|authorization|private_?key|access_?key|cookie|credentials?)$|^(pass|pwd|auth)$/i;
const SENSITIVE_NAMES = ['password', 'passwd', 'token', 'secret', 'authorization', 'apiKey', 'api_key', 'accessToken', 'cookie'];
const REDACT_PATHS = SENSITIVE_NAMES.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

/** Masks credentials inside a string: URL passwords, key=value secrets, Bearer/Basic tokens. */
export function scrubString(s: string): string {
  return s
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/[^\s:@/?#]*):([^\s/?#]*)@/gi, '$1:***@')
    .replace(/\b(https?:\/\/)[A-Za-z0-9_.-]{20,}@/gi, '$1***@')
    .replace(/((?:^|[^A-Za-z0-9_-])(?:[A-Za-z0-9_-]*(?:token|api[_-]?key|password|passwd|secret)|pwd|sig|signature|auth))(\s*=\s*|:\s+)(["']?)[^\s&;,"']+/gi, '$1$2$3***')
    .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/g, '$1 ***');
}

/** A JSON-safe copy of `value` with sensitive keys (any depth) and credentials in strings masked. */
export function scrubData(value: unknown, seen = new WeakSet<object>(), depth = 0): unknown {
  if (typeof value === 'string') return scrubString(value);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? '[Function]' : value;
  if (seen.has(value) || depth > 10) return '[Circular]';
  seen.add(value);
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return `<Buffer ${value.length} bytes>`;
  if (value instanceof Error) {
    const e = value as Error & { code?: unknown };
    return { type: e.name, message: scrubString(e.message), code: e.code, stack: e.stack ? scrubString(e.stack) : undefined };
  }
  if (Array.isArray(value)) return value.map((v) => scrubData(v, seen, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SENSITIVE_KEY.test(k) ? REDACTED : scrubData(v, seen, depth + 1);
  return out;
}

type PinoLike = Record<CallLevel, (obj: object, msg: string) => void>;

export function createLazyLogger(opts: {
  logDir: string | null;
  verbose: boolean;
  level?: LogLevelName;
  stderr?: (s: string) => void;
}): LazyLogger {
  const levelName: LogLevelName = opts.level ?? (opts.verbose ? 'debug' : 'info');
  const threshold = LEVELS[levelName];
  const stderr = opts.stderr ?? ((s: string) => void process.stderr.write(s));
  let logDir = opts.logDir;
  let file: PinoLike | null | undefined; // undefined: not opened yet; null: disabled
  let fd: number | null = null;

  const open = (): PinoLike | null => {
    if (file !== undefined) return file;
    file = null;
    if (!logDir) return null;
    try {
      fs.mkdirSync(logDir, { recursive: true });
      const target = path.join(logDir, LOG_FILE_NAME);
      fd = fs.openSync(target, 'a', 0o600);
      const pino = require('pino') as typeof import('pino');
      const dest = pino.destination({ fd, sync: true });
      dest.on('error', () => { file = null; });
      file = pino({
        level: levelName,
        base: { pid: process.pid },
        timestamp: pino.stdTimeFunctions.isoTime,
        redact: { paths: REDACT_PATHS, censor: REDACTED },
      }, dest) as unknown as PinoLike;
    } catch {
      file = null;
    }
    return file;
  };

  const log = (level: CallLevel, msg: string, data?: Record<string, unknown>): void => {
    if (LEVELS[level] < threshold) return;
    try {
      const cleanMsg = scrubString(String(msg));
      const cleanData = data === undefined ? undefined : (scrubData(data) as Record<string, unknown>);
      if (opts.verbose) {
        const extra = cleanData && Object.keys(cleanData).length > 0 ? ` ${JSON.stringify(cleanData)}` : '';
        stderr(`[${level}] ${cleanMsg}${extra}\n`);
      }
      open()?.[level](cleanData ?? {}, cleanMsg);
    } catch {
      // Logging must never fail a command.
    }
  };

  return {
    debug: (msg, data) => log('debug', msg, data),
    info: (msg, data) => log('info', msg, data),
    warn: (msg, data) => log('warn', msg, data),
    error: (msg, data) => log('error', msg, data),
    setLogDir(dir) {
      if (dir === logDir) return;
      if (fd !== null) {
        try { fs.closeSync(fd); } catch { /* already closed */ }
        fd = null;
      }
      logDir = dir;
      file = undefined;
    },
    logFile: () => (file === null || !logDir ? null : path.join(logDir, LOG_FILE_NAME)),
  };
}
