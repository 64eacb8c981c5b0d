/**
 * A short-lived lock around read-modify-write of index files, so two processes updating the same
 * shard do not lose each other's rows. The cache is derived: if the lock cannot be had in time the
 * caller skips its cache write (the next read notices the refs moved and catches up) rather than
 * failing the command. A lock left by a dead process is taken over.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const WAIT_MS = 3000;

export async function withIndexLock<T>(dir: string, fn: () => T): Promise<T | undefined> {
  fs.mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, 'index.lock');
  const deadline = Date.now() + WAIT_MS;
  for (let delay = 1; ; delay = Math.min(delay * 2, 50)) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
      if (holderIsDead(lock)) {
        fs.rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) return undefined;
      await new Promise((r) => setTimeout(r, delay + Math.random() * delay));
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

function holderIsDead(lock: string): boolean {
  try {
    const pid = Number(fs.readFileSync(lock, 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
