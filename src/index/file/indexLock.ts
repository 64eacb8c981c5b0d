/**
 * A short-lived lock around read-modify-write of index files, so two processes updating the same
 * shard do not lose each other's rows. The cache is derived: if the lock cannot be had in time the
 * caller skips its cache write (the next read notices the refs moved and catches up) rather than
 * failing the command. The lock file names its holder (storage/lockHolder.ts: pid, host, start
 * time), so a lock left by a dead process is taken over at once, even when its pid now belongs to
 * another live process, and `doctor` can say who holds it. Whoever holds the lock also removes
 * temp files (`*.tmp`) older than a minute from the index and its shards: a writer killed between
 * writing and renaming one (`kill -9`) leaves it behind.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { currentHolder, formatHolder, holderState, readHolder } from '../../storage/lockHolder';

const WAIT_MS = 3000;
/** A temp file this old belongs to no live write (each is renamed within milliseconds of being made). */
const STALE_TEMP_MS = 60_000;

export const INDEX_LOCK = 'index.lock';

/** Runs `fn` under `<dir>/index.lock`; undefined (fn not run) when the lock could not be had in time. */
export async function withIndexLock<T>(dir: string, fn: () => T): Promise<T | undefined> {
  fs.mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, INDEX_LOCK);
  const deadline = Date.now() + WAIT_MS;
  for (let delay = 1; ; delay = Math.min(delay * 2, 50)) {
    try {
      fs.writeFileSync(lock, formatHolder(currentHolder()), { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
      if (holderState(readHolder(lock)) === 'gone') {
        takeOver(lock);
        continue;
      }
      if (Date.now() > deadline) return undefined;
      await new Promise((r) => setTimeout(r, delay + Math.random() * delay));
    }
  }
  try {
    removeStaleTemps(dir);
    return fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

/**
 * Removes a stale lock without removing a fresh one that another process took meanwhile: the lock
 * is moved aside first, and put back if what was moved is not stale.
 */
function takeOver(lock: string): void {
  const aside = `${lock}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    fs.renameSync(lock, aside);
  } catch {
    return; // someone else took it over first
  }
  if (holderState(readHolder(aside)) !== 'gone') {
    try {
      fs.linkSync(aside, lock);
    } catch {
      // a newer lock is in place; ours was taken over by its owner's successor anyway
    }
  }
  fs.rmSync(aside, { force: true });
}

/** Removes `*.tmp` files older than STALE_TEMP_MS from `dir` and `dir/shards`; best effort. */
export function removeStaleTemps(dir: string, now = Date.now()): void {
  for (const d of [dir, path.join(dir, 'shards')]) {
    let names: string[];
    try {
      names = fs.readdirSync(d);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.endsWith('.tmp')) continue;
      const file = path.join(d, name);
      try {
        if (now - fs.statSync(file).mtimeMs > STALE_TEMP_MS) fs.rmSync(file, { force: true });
      } catch {
        // gone meanwhile (renamed into place or removed by another sweep)
      }
    }
  }
}
