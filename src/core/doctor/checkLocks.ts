/**
 * Doctor check for lock files left behind: `*.lock` under refs/milestones (and the notes ref),
 * taken with git's lock protocol, and the index lock. A ref lock records no owner, so it counts
 * as stale once it is older than STALE_LOCK_MINUTES (no ref update takes that long). The index
 * lock holds its owner's pid, so it is also stale as soon as that process is gone. A fresh lock
 * only means that someone is writing right now. --fix deletes stale locks: they guard derived
 * work or a ref update that died, never data.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Context } from '../context';
import type { DoctorProblem } from './types';

export const STALE_LOCK_MINUTES = 10;

function walkLocks(dir: string, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walkLocks(p, out);
    else if (e.name.endsWith('.lock')) out.push(p);
  }
}

function ownerGone(file: string): boolean {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Lock files doctor looks at: ref locks under refs/milestones, the notes ref's, and the index's. */
export function lockFiles(ctx: Context): Array<{ file: string; pid: boolean }> {
  const refLocks: string[] = [];
  walkLocks(path.join(ctx.repo.commonDir, 'refs', 'milestones'), refLocks);
  const notes = path.join(ctx.repo.commonDir, 'refs', 'notes', 'milestones.lock');
  if (fs.existsSync(notes)) refLocks.push(notes);
  const out = refLocks.map((file) => ({ file, pid: false }));
  const index = path.join(ctx.dataDir, 'index', 'index.lock');
  if (fs.existsSync(index)) out.push({ file: index, pid: true });
  return out;
}

export function checkLocks(ctx: Context, now = ctx.env.clock().getTime()): DoctorProblem[] {
  const problems: DoctorProblem[] = [];
  for (const { file, pid } of lockFiles(ctx)) {
    let age: number;
    try {
      age = (now - fs.statSync(file).mtimeMs) / 60000;
    } catch {
      continue; // released meanwhile
    }
    const rel = path.relative(ctx.repo.commonDir, file);
    const gone = pid && ownerGone(file);
    if (gone || age > STALE_LOCK_MINUTES) {
      problems.push({
        check: 'locks', severity: 'error', path: file, fixable: true,
        message: `stale lock ${rel} (${gone ? 'its process is gone' : `${Math.floor(age)} minutes old`})`,
        hint: 'It blocks updates of what it guards; `git milestone doctor --fix` removes it.',
      });
    } else {
      problems.push({ check: 'locks', severity: 'warning', path: file, fixable: false, message: `lock ${rel} is held right now (${Math.round(age * 60)} s old)` });
    }
  }
  return problems;
}
