/**
 * Doctor check of the SQLite index (`<common-dir>/milestones/index.db`): `PRAGMA integrity_check`
 * when the file exists. A damaged file is an error that --fix repairs by rebuilding it from the
 * refs (rebuildSqlite); a normal read would also rebuild it silently, but doctor says so first.
 * When better-sqlite3 cannot be loaded here, the file cannot be checked: a warning, not an error.
 */
import * as path from 'node:path';
import { sqliteIntegrity } from '../../index/sqlite/integrity';
import { removeDbFiles } from '../../index/sqlite/openSqlite';
import { SQLITE_FILE } from '../../index/sqlite/SqliteIndex';
import type { Context } from '../context';
import { openBackendIndex } from '../openBackendIndex';
import type { DoctorProblem } from './types';

const HINT = 'The SQLite index is derived from the refs: `git milestone doctor --fix` (or `git milestone rebuild --backend sqlite`) recreates it.';

function loadable(): string | null {
  try {
    require('better-sqlite3');
    return null;
  } catch (e) {
    return (e as Error).message.split('\n')[0];
  }
}

export function checkSqlite(ctx: Context): DoctorProblem[] {
  const r = sqliteIntegrity(ctx.dataDir);
  if (r.ok) return [];
  const cannotLoad = loadable();
  if (cannotLoad !== null) {
    return [{ check: 'index', severity: 'warning', fixable: false, path: r.file, message: `the SQLite index cannot be checked: better-sqlite3 cannot be loaded (${cannotLoad})`, hint: 'Reinstall git-milestone so its native module builds.' }];
  }
  const more = r.problems.length > 1 ? ` (and ${r.problems.length - 1} more)` : '';
  return [{ check: 'index', severity: 'error', fixable: true, path: r.file, message: `the SQLite index fails PRAGMA integrity_check: ${r.problems[0]}${more}`, hint: HINT }];
}

/**
 * --fix: throws the SQLite index away and fills it again from the refs. The files are removed
 * first: a rebuild rewrites rows in place, which would leave damaged pages it never reads.
 */
export async function rebuildSqlite(ctx: Context): Promise<void> {
  removeDbFiles(path.join(ctx.dataDir, SQLITE_FILE));
  const { index } = await openBackendIndex(ctx, 'sqlite');
  try {
    await index.rebuild();
  } finally {
    await index.close?.();
  }
}
