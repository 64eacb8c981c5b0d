/**
 * The one way git-milestone replaces a file whole: write a temp file in the same folder (so the
 * rename stays on one file system), then rename it over the target, which readers see atomically —
 * the old bytes or the new, never half. A failure removes the temp file and rethrows; callers that
 * write a derived file catch and move on. No fsync, like the writers this replaces: every file
 * written this way is a cache or a small setting the next run writes again, and git's own data goes
 * through its lock protocol (storage/git), not here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface AtomicWriteOptions {
  /** Create the folder first. */
  mkdir?: boolean;
  /** File mode (applied after the umask, e.g. 0o755 for a hook). */
  mode?: number;
}

export function writeFileAtomic(file: string, data: string | Uint8Array, o: AtomicWriteOptions = {}): void {
  if (o.mkdir) fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.writeFileSync(tmp, data);
    if (o.mode !== undefined) fs.chmodSync(tmp, o.mode);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
