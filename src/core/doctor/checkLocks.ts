/**
 * Doctor check for lock files left behind: `*.lock` under refs/milestones (and the notes ref and
 * packed-refs), taken with git's lock protocol, and the index lock. A lock of git-milestone names
 * its holder (storage/lockHolder.ts): it is stale as soon as that process is gone (a reused pid is
 * told from it by its start time), and a live one is reported with pid, host and how long it has
 * been held. A lock that names no holder (git's own, or one of another host) is stale once it is
 * older than STALE_LOCK_MINUTES (no ref update takes that long). --fix deletes stale locks: they
 * guard derived work or a ref update that died, never data.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { INDEX_LOCK } from '../../index/file/indexLock';
import { describeHolder, formatAge, holderState, readHolder } from '../../storage/lockHolder';
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

/** Lock files doctor looks at: ref locks under refs/milestones, the notes ref's, packed-refs' and the index's. */
export function lockFiles(ctx: Context): string[] {
  const out: string[] = [];
  walkLocks(path.join(ctx.repo.commonDir, 'refs', 'milestones'), out);
  for (const file of [path.join(ctx.repo.commonDir, 'refs', 'notes', 'milestones.lock'), path.join(ctx.repo.commonDir, 'packed-refs.lock'), path.join(ctx.dataDir, 'index', INDEX_LOCK)]) {
    if (fs.existsSync(file)) out.push(file);
  }
  return out;
}

export function checkLocks(ctx: Context, now = ctx.env.clock().getTime()): DoctorProblem[] {
  const problems: DoctorProblem[] = [];
  for (const file of lockFiles(ctx)) {
    let age: number;
    try {
      age = now - fs.statSync(file).mtimeMs;
    } catch {
      continue; // released meanwhile
    }
    const rel = path.relative(ctx.repo.commonDir, file);
    const holder = readHolder(file);
    const state = holderState(holder);
    const who = holder ? describeHolder(holder, now) : `no holder recorded, ${formatAge(age)} old`;
    if (state === 'gone' || (state === 'unknown' && age > STALE_LOCK_MINUTES * 60_000)) {
      problems.push({
        check: 'locks', severity: 'error', path: file, fixable: true,
        message: `stale lock ${rel} (${state === 'gone' ? `${who}: that process is gone` : who})`,
        hint: 'It blocks updates of what it guards; `git milestone doctor --fix` removes it.',
      });
    } else {
      problems.push({
        check: 'locks', severity: 'warning', path: file, fixable: false,
        message: `lock ${rel} is held right now (${who})`,
        hint: state === 'alive'
          ? `Process ${holder?.pid} is still running; wait for it, or stop it, then run \`git milestone doctor --fix\`.`
          : `It counts as stale after ${STALE_LOCK_MINUTES} minutes; then \`git milestone doctor --fix\` removes it.`,
      });
    }
  }
  return problems;
}
