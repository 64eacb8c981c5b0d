/**
 * The plain `list --json` answer of the SQLite index, also kept as a plain file beside it
 * (`<git-common-dir>/milestones/sqlite-list.cache`), so a warm plain list at scale neither loads
 * the native driver nor opens the database: measured at 10,000 milestones, loading better-sqlite3
 * took ≈7 ms, opening the file ≈4 ms and reading the 4.8 MB value out of its overflow pages ≈15 ms,
 * against ≈5 ms for one read of this file.
 *
 * File: `GMSL2 <schema version> <refs token> <JSON length>\n<the JSON>`; a file of any other length
 * (truncated, appended to) is not served. It is written only after a sync stored
 * a (non-racy) refs token in the database, with that token. It answers only while the refs
 * fingerprint still equals it, so any ref change (ours, `git fetch`, `git update-ref`) sends the
 * read back to the database, which brings itself up to date and writes the file again; the schema
 * version (which folds in the summary shape) keeps an upgrade from serving old rows. Derived: it is
 * deleted with the database and may be deleted at any time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SCHEMA_VERSION } from './schema';
import { writeFileAtomic } from '../../env/atomicWrite';

export const LIVE_FILE = 'sqlite-list.cache';
const MAGIC = 'GMSL2';

export function liveFilePath(dir: string): string {
  return path.join(dir, LIVE_FILE);
}

/** The stored answer when it was written for exactly `token`; otherwise null. */
export function readLiveFile(dir: string, token: string): Buffer | null {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(liveFilePath(dir));
  } catch {
    return null;
  }
  const nl = buf.indexOf(10);
  if (nl < 0 || nl > 200) return null;
  return buf.toString('latin1', 0, nl) === `${MAGIC} ${SCHEMA_VERSION} ${token} ${buf.length - nl - 1}` ? buf.subarray(nl + 1) : null;
}

/** Best effort: a derived file the next read writes again. */
export function writeLiveFile(dir: string, token: string, json: Buffer): void {
  const file = liveFilePath(dir);
  try {
    writeFileAtomic(file, Buffer.concat([Buffer.from(`${MAGIC} ${SCHEMA_VERSION} ${token} ${json.length}\n`, 'latin1'), json]));
  } catch {
    // derived: written again by the next read
  }
}
