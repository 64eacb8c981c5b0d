/**
 * Takes `<ref>.lock` the way git does: create the ref's directory if needed, create the lock
 * exclusively (O_CREAT|O_EXCL), and while another writer holds it, retry with jittered, growing
 * backoff until the timeout, then give up with LOCKED. Native `git update-ref` uses the same
 * file, so git and git-milestone exclude each other.
 */
import * as path from 'node:path';
import { MilestoneError } from '../../errors/MilestoneError';
import { lockedError } from './refErrors';
import type { FsLike } from './types';

export interface AcquireLockOptions {
  fs: FsLike;
  lockPath: string;
  /** The ref, for messages. */
  ref: string;
  timeoutMs: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const MAX_BACKOFF_MS = 100;

/** Returns the open file descriptor of the new lock file. */
export async function acquireLock(o: AcquireLockOptions): Promise<number> {
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = o.now ?? Date.now;
  const start = now();
  for (let attempt = 1; ; attempt++) {
    try {
      return o.fs.openSync(o.lockPath, 'wx', 0o666);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && attempt === 1) {
        makeParent(o);
        continue;
      }
      if (code !== 'EEXIST') throw lockFailure(o, e as Error);
    }
    const left = o.timeoutMs - (now() - start);
    if (left <= 0) throw lockedError(o);
    const backoff = Math.min(MAX_BACKOFF_MS, attempt * attempt) * (0.75 + Math.random() / 2);
    await sleep(Math.max(1, Math.min(left, backoff)));
  }
}

/** The ref's directory, created on first need only (a recursive mkdir per update is not free). */
function makeParent(o: AcquireLockOptions): void {
  try {
    o.fs.mkdirSync(path.dirname(o.lockPath), { recursive: true });
  } catch (e) {
    throw lockFailure(o, e as Error);
  }
}

function lockFailure(o: AcquireLockOptions, e: Error): MilestoneError {
  return new MilestoneError('GIT_FAILED', `cannot create ${o.lockPath}: ${e.message}`, {
    hint: 'Check that the repository is writable and that no file or directory blocks the ref name.',
    cause: e,
    data: { ref: o.ref, lock: o.lockPath },
  });
}
