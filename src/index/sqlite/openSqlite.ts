/**
 * Opens (creating when needed) the SQLite index file with WAL and a busy timeout. better-sqlite3
 * is required here, lazily, so commands on the file index never load it. A file that is not a
 * database, or is damaged, is deleted and created again; one with another schema version is
 * emptied. Neither is ever an error: the index is derived from the refs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { MilestoneError } from '../../errors/MilestoneError';
import { LIVE_FILE } from './liveFile';
import { INDEXES_SQL, SCHEMA_SQL, SCHEMA_VERSION, TABLES } from './schema';

export type Db = BetterSqlite3.Database;

/** SQLite errors that mean the file itself is unusable (rather than busy or a bug). */
export function isDamaged(e: unknown): boolean {
  const code = String((e as { code?: unknown })?.code ?? '');
  return /^SQLITE_(CORRUPT|NOTADB|CANTOPEN|IOERR|FORMAT)/.test(code) || /malformed|not a database/i.test(String((e as Error)?.message));
}

export function removeDbFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`, path.join(path.dirname(file), LIVE_FILE)]) fs.rmSync(f, { force: true });
}

function driver(): typeof BetterSqlite3 {
  try {
    return require('better-sqlite3') as typeof BetterSqlite3;
  } catch (e) {
    throw new MilestoneError('BACKEND_UNAVAILABLE', `the sqlite index is unavailable: better-sqlite3 cannot be loaded (${(e as Error).message.split('\n')[0]})`, {
      hint: 'Reinstall git-milestone so its native module builds for this node, or use --backend file.',
      data: { backend: 'sqlite' },
    });
  }
}

function init(file: string): Db {
  const Database = driver();
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -32768');
    if (db.pragma('user_version', { simple: true }) !== SCHEMA_VERSION) {
      db.exec('BEGIN IMMEDIATE');
      try {
        if (db.pragma('user_version', { simple: true }) !== SCHEMA_VERSION) {
          for (const t of TABLES) db.exec(`DROP TABLE IF EXISTS ${t}`);
          db.exec(SCHEMA_SQL);
          db.exec(INDEXES_SQL);
          db.pragma(`user_version = ${SCHEMA_VERSION}`);
        }
        db.exec('COMMIT');
      } catch (e) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw e;
      }
    }
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export function openSqlite(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    return init(file);
  } catch (e) {
    if (!isDamaged(e)) throw e;
    removeDbFiles(file);
    return init(file);
  }
}
