/**
 * `PRAGMA integrity_check` on the SQLite index, for `doctor`. Never creates or repairs the file
 * (a damaged index is rebuilt by the next command that uses it); reports what it found.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { SQLITE_FILE } from './SqliteIndex';

export interface SqliteIntegrity {
  file: string;
  /** false when there is no index.db (nothing to check: the SQLite backend was never used). */
  exists: boolean;
  ok: boolean;
  /** `integrity_check` lines other than "ok", or the error that stopped the check. */
  problems: string[];
}

/** Checks `<dir>/index.db`, where `dir` is `<git-common-dir>/milestones` (Context.dataDir). */
export function sqliteIntegrity(dir: string): SqliteIntegrity {
  const file = path.join(dir, SQLITE_FILE);
  if (!fs.existsSync(file)) return { file, exists: false, ok: true, problems: [] };
  let db: BetterSqlite3.Database | undefined;
  try {
    const Database = require('better-sqlite3') as typeof BetterSqlite3;
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    const lines = db.pragma('integrity_check', { simple: false }) as Array<{ integrity_check: string }>;
    const problems = lines.map((l) => l.integrity_check).filter((l) => l !== 'ok' && !l.startsWith('*** in database'));
    return { file, exists: true, ok: problems.length === 0, problems };
  } catch (e) {
    return { file, exists: true, ok: false, problems: [(e as Error).message] };
  } finally {
    db?.close();
  }
}
