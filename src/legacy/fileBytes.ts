/**
 * A legacy file's bytes, read whole from an open descriptor (closed after), and its text decoded as
 * UTF-8: bytes that are not UTF-8 are read as U+FFFD (so the rest of the file still imports) and
 * reported by file and line, at most MAX_LINES_NAMED lines by name per file.
 */
import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import type { Problem } from './types';

/** At most this many bad lines are named per file; a summary counts the rest. */
const MAX_LINES_NAMED = 5;

/** The file's bytes and mtime; closes `fd`. */
export function readWhole(fd: number): { bytes: Buffer; mtimeMs: number } {
  try {
    const st = fs.fstatSync(fd);
    const bytes = Buffer.allocUnsafe(st.size);
    let done = 0;
    while (done < st.size) {
      const n = fs.readSync(fd, bytes, done, st.size - done, done);
      if (n === 0) break;
      done += n;
    }
    return { bytes: bytes.subarray(0, done), mtimeMs: st.mtimeMs };
  } finally {
    fs.closeSync(fd);
  }
}

export function decodeUtf8(rel: string, bytes: Buffer, problems: Problem[]): string {
  if (!isUtf8(bytes)) reportBadLines(rel, bytes, problems);
  return bytes.toString('utf8');
}

function reportBadLines(rel: string, bytes: Buffer, problems: Problem[]): void {
  const lines: number[] = [];
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl < 0 ? bytes.length : nl;
    if (!isUtf8(bytes.subarray(start, end))) lines.push(line);
    start = end + 1;
  }
  for (const line of lines.slice(0, MAX_LINES_NAMED)) {
    problems.push({ file: rel, line, message: 'bytes that are not UTF-8; read as U+FFFD (�), check the imported text' });
  }
  if (lines.length > MAX_LINES_NAMED) {
    problems.push({ file: rel, message: `${lines.length - MAX_LINES_NAMED} more lines with bytes that are not UTF-8` });
  }
}
