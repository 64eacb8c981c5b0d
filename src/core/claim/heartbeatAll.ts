/**
 * `git milestone heartbeat` without a task: renews every lease this holder and agent hold (lapsed
 * ones nobody took over included), in task order.
 */
import { isHolder } from '../../domain/claim/claimRules';
import type { ClaimView } from '../../domain/claim/claimState';
import type { Context } from '../context';
import { claimant } from './claimSettings';
import { heartbeatTaskId, type HeartbeatOptions } from './heartbeatClaim';
import { claimStates } from './listClaims';

export async function heartbeatAll(ctx: Context, o: Omit<HeartbeatOptions, 'task'> = {}): Promise<ClaimView[]> {
  const who = claimant(ctx, o.agent);
  const out: ClaimView[] = [];
  for (const s of await claimStates(ctx)) {
    if (isHolder(s, who)) out.push(await heartbeatTaskId(ctx, s.task, o));
  }
  return out;
}
