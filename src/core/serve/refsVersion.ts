/**
 * A cheap version of everything the web board shows: the fingerprint of all refs under
 * `refs/milestones/` (every kind: milestones, claims, sessions), the index's own freshness rule
 * (storage/git/refFingerprint.ts: directory mtimes and the packed-refs stat, no ref is read).
 * Fetched remote-tracking refs are merged first, as every command does before it reads
 * (sync/incoming.ts), so a plain `git fetch` shows up too. A `racy` version was taken within the
 * filesystem's timestamp granularity of a change: a second change may not move it, so the caller
 * looks again once it is no longer racy.
 */
import type { Context } from '../context';
import { absorbIfMoved } from '../sync/incoming';

export const WATCHED_PREFIX = 'refs/milestones/';

export async function refsVersion(ctx: Context): Promise<{ token: string; racy: boolean }> {
  await absorbIfMoved(ctx);
  return ctx.storage.refs.fingerprint(WATCHED_PREFIX);
}
