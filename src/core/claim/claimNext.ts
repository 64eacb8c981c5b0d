/**
 * `git milestone next --claim`: takes the first ready task nobody holds, atomically: each
 * candidate is claimed by compare-and-swap, and one another writer won meanwhile (CLAIMED) is
 * passed over for the next. null when no ready task is free.
 */
import { isHeld } from '../../domain/claim/claimRules';
import type { ClaimView } from '../../domain/claim/claimState';
import { MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';
import { nextTasks } from '../nextTasks';
import { readClaim } from './claimEntity';
import { claimTask, leaseOptions } from './claimTask';

export interface ClaimNextOptions {
  milestone?: string;
  ttlMs?: number;
  agent?: string;
  remote?: string | null;
}

export async function claimNext(ctx: Context, o: ClaimNextOptions = {}): Promise<ClaimView | null> {
  const { ready } = await nextTasks(ctx, { milestone: o.milestone });
  if (ready.length === 0) return null;
  const lease = leaseOptions(ctx, o);
  const now = ctx.env.clock().getTime();
  for (const t of ready) {
    if (isHeld(await readClaim(ctx, t.id), now)) continue;
    try {
      return await claimTask(ctx, { task: t.id, ttlMs: lease.ttlMs, remote: lease.remote, agent: o.agent });
    } catch (e) {
      if (!(e instanceof MilestoneError) || !['CLAIMED', 'NOT_READY'].includes(e.code)) throw e;
    }
  }
  return null;
}
