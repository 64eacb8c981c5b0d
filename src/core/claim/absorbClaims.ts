/**
 * Claims arriving by fetch (`pull`, `sync`, a plain `git fetch` after `remote setup`): the remote
 * is the authority for claims, so a fetched claim replaces the local one unless the local one
 * already contains it (a local claim not pushed yet). Claims are never merged: a merge could
 * give one task two holders.
 */
import { relateTips } from '../../storage/entity/relateTips';
import type { Oid } from '../../storage/ports';
import type { Context } from '../context';
import { CLAIM_KIND, claimStore } from './claimEntity';
import { setRef } from './publishClaim';

const TRACKED = new RegExp(`^refs/remotes/(.+)/milestones/${CLAIM_KIND}/([0-9a-f]{64})$`);

/** Returns how many local claims moved to the remote's. */
export async function absorbClaims(ctx: Context, remote?: string): Promise<number> {
  const store = claimStore(ctx);
  const pairs = new Map<string, { ref: string; local: Oid; other: Oid }>();
  let moved = 0;
  for (const [ref, other] of await ctx.storage.refs.list(remote ? `refs/remotes/${remote}/milestones/` : 'refs/remotes/')) {
    const m = TRACKED.exec(ref);
    if (!m || (remote !== undefined && m[1] !== remote)) continue;
    const local = await ctx.storage.refs.read(store.ref(m[2]));
    if (local === other) continue;
    if (local === null) {
      await setRef(ctx, store.ref(m[2]), other);
      moved++;
    } else pairs.set(m[2], { ref: store.ref(m[2]), local, other });
  }
  for (const [task, rel] of await relateTips(ctx.storage.objects, pairs)) {
    if (rel === 'contains' || rel === 'same' || rel instanceof Error) continue;
    await setRef(ctx, store.ref(task), (pairs.get(task) as { other: Oid }).other);
    moved++;
  }
  if (moved > 0) ctx.env.log.info('claims taken from the remote', { moved });
  return moved;
}
