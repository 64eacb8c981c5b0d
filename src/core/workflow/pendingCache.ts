/**
 * What `review --pending` and `review --mine` read of the index (the milestones with a phase waiting
 * for a review: id, title, pendingReviews), kept as a small plain file beside it
 * (`<git-common-dir>/milestones/pending.cache`), so a warm answer neither opens the index nor reads
 * every row. Measured at 10,000 milestones (docs/architecture.md, *Workflows*): through the index
 * the answer read the whole list cache (SQLite: header, rows and the list answer, ≈10 MB, plus the
 * driver), ×3.4 `node -e ''`; from this file a few KB.
 *
 * File: `GMPR1 <INDEX_VERSION> <refs token> <JSON length>\n<JSON>`. It answers only while the refs
 * fingerprint still equals the token it was written for (taken before the index was read, so the
 * rows are at least that new), and it is written only for a fingerprint that is not racy; any ref
 * change (ours, `git fetch`, `git update-ref`) sends the next read back to the index, which brings
 * itself up to date. INDEX_VERSION covers the summary's shape. Derived: may be deleted at any time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PendingReview } from '../../domain/workflow/pending';
import { writeFileAtomic } from '../../env/atomicWrite';
import { INDEX_VERSION } from '../../index/shared/indexVersion';
import { refPrefix } from '../../storage/entity/layout';
import type { Context } from '../context';

export const PENDING_FILE = 'pending.cache';
const MAGIC = 'GMPR1';

export interface PendingRow {
  id: string;
  title: string;
  pendingReviews: PendingReview[];
}

/** The refs token a cached answer may be read or written for; null while the fingerprint is racy. */
export async function pendingToken(ctx: Context): Promise<string | null> {
  const fp = await ctx.storage.refs.fingerprint(refPrefix(ctx.milestones.def.kind));
  return fp.racy ? null : fp.token;
}

/** The rows cached for exactly `token`; otherwise null. */
export function readPendingCache(ctx: Context, token: string): PendingRow[] | null {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(path.join(ctx.dataDir, PENDING_FILE));
  } catch {
    return null;
  }
  const nl = buf.indexOf(10);
  if (nl < 0 || nl > 200) return null;
  const head = `${MAGIC} ${INDEX_VERSION} ${token} ${buf.length - nl - 1}`;
  if (buf.toString('latin1', 0, nl) !== head) return null;
  try {
    return JSON.parse(buf.toString('utf8', nl + 1)) as PendingRow[];
  } catch {
    return null;
  }
}

/** Best effort: a derived file the next read writes again. */
export function writePendingCache(ctx: Context, token: string, rows: PendingRow[]): void {
  const json = Buffer.from(JSON.stringify(rows), 'utf8');
  const head = Buffer.from(`${MAGIC} ${INDEX_VERSION} ${token} ${json.length}\n`, 'latin1');
  try {
    writeFileAtomic(path.join(ctx.dataDir, PENDING_FILE), Buffer.concat([head, json]));
  } catch {
    // derived: written again by the next read
  }
}
