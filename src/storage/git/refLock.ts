/**
 * Takes `<ref>.lock` the way git does: create the ref's directory if needed, create the lock
 * exclusively (O_CREAT|O_EXCL), and while another writer holds it, retry with jittered, growing
 * backoff until the timeout, then give up with LOCKED. Native `git update-ref` uses the same
 * file, so git and git-milestone exclude each other.
 *
 * While held, the lock names its holder (lockHolder.ts), so LOCKED and `doctor` can say who holds
 * it; the caller truncates it before writing the new content (releaseContent). Native `git
 * pack-refs --prune` and `git gc` remove empty ref directories at any time, also between our
 * mkdir and our open: ENOENT is retried (a few times) by making the directory again.
 */
import * as path from 'node:path';
import { MilestoneError } from '../../errors/MilestoneError';
import { currentHolder, describeHolder, formatHolder, parseHolder } from '../lockHolder';
import { lockedError } from '../format/refErrors';
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
/** How often a directory pruned under us is made again before giving up. */
const MAX_PRUNED_RETRIES = 8;

/** Returns the open file descriptor of the new lock file. */
export async function acquireLock(o: AcquireLockOptions): Promise<number> {
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = o.now ?? Date.now;
  const start = now();
  let pruned = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      const fd = o.fs.openSync(o.lockPath, 'wx', 0o666);
      o.fs.writeSync(fd, formatHolder(currentHolder()));
      return fd;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && pruned++ < MAX_PRUNED_RETRIES) {
        makeParent(o, pruned);
        attempt--;
        continue;
      }
      if (code !== 'EEXIST') throw lockFailure(o, e as Error);
    }
    const left = o.timeoutMs - (now() - start);
    if (left <= 0) {
      const holder = holderOf(o);
      throw lockedError({ ...o, holder: holder ? describeHolder(holder, now()) : null });
    }
    const backoff = Math.min(MAX_BACKOFF_MS, attempt * attempt) * (0.75 + Math.random() / 2);
    await sleep(Math.max(1, Math.min(left, backoff)));
  }
}

/**
 * The ref's directory, created on first need only (a recursive mkdir per update is not free). A
 * concurrent prune may remove a directory while the recursive mkdir creates the one below it.
 */
function makeParent(o: AcquireLockOptions, tries: number): void {
  try {
    o.fs.mkdirSync(path.dirname(o.lockPath), { recursive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || tries >= MAX_PRUNED_RETRIES) throw lockFailure(o, e as Error);
  }
}

function holderOf(o: AcquireLockOptions): ReturnType<typeof parseHolder> {
  try {
    return parseHolder(String(o.fs.readFileSync(o.lockPath, 'utf8')));
  } catch {
    return null;
  }
}

/** Replaces the holder line of a lock taken by acquireLock with the content to publish. */
export function writeLockContent(fs: FsLike, fd: number, content: string): void {
  fs.ftruncateSync(fd, 0);
  fs.writeSync(fd, content, 0);
}

function lockFailure(o: AcquireLockOptions, e: Error): MilestoneError {
  return new MilestoneError('GIT_FAILED', `cannot create ${o.lockPath}: ${e.message}`, {
    hint: 'Check that the repository is writable and that no file or directory blocks the ref name.',
    cause: e,
    data: { ref: o.ref, lock: o.lockPath },
  });
}
