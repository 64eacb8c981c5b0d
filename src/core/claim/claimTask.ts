/**
 * `git milestone claim TASK`: takes the task's lease (or renews it, when this holder and agent
 * hold it already) by compare-and-swap on its claim ref, locally or on the claims remote. The
 * fencing number rises with every new holder; a writer presents it on its writes
 * (checkFencing.ts). Refused: a task that is done or not ready (NOT_READY), one held by someone
 * else (CLAIMED, naming the holder and the expiry).
 */
import { claimableTask } from '../../domain/claim/claimable';
import { decideClaim } from '../../domain/claim/claimRules';
import { claimRenewOp, claimTakeOp, claimView, type ClaimView } from '../../domain/claim/claimState';
import { MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';
import { readMilestone } from '../milestoneAccess';
import { resolveMilestone } from '../resolveMilestone';
import { resolveTask } from '../resolveTask';
import { claimant, claimSettings, type ClaimSettings } from './claimSettings';
import { publishClaim } from './publishClaim';

export interface ClaimTaskOptions {
  task: string;
  /** The task's milestone (id, prefix or alias), when the caller knows it. */
  milestone?: string;
  /** Lease length; default `coordination.lease_ttl` (30m). */
  ttlMs?: number;
  /** Agent name (`--as`); default MILESTONE_AGENT, else the host name. */
  agent?: string;
  /** Claims remote; default `coordination.claims_remote`; null forces a local claim. */
  remote?: string | null;
}

export async function claimTask(ctx: Context, o: ClaimTaskOptions): Promise<ClaimView> {
  const loc = await resolveTask(ctx, o.task);
  if (o.milestone !== undefined && (await resolveMilestone(ctx, o.milestone)) !== loc.milestoneId) {
    throw new MilestoneError('NOT_FOUND', `task ${loc.taskId.slice(0, 8)} is not in milestone ${o.milestone}`, { data: { task: loc.taskId } });
  }
  claimableTask(await readMilestone(ctx, loc.milestoneId), loc.taskId);
  const { ttlMs, remote } = leaseOptions(ctx, o);
  const who = claimant(ctx, o.agent);
  const now = ctx.env.clock().getTime();
  const expires = new Date(now + ttlMs).toISOString();
  const state = await publishClaim(ctx, {
    task: loc.taskId,
    remote,
    build(s) {
      const d = decideClaim(s, who, now);
      if (d.kind === 'renew') return [claimRenewOp({ fencing: d.fencing, expires })];
      return [claimTakeOp({ task: loc.taskId, milestone: loc.milestoneId, ...who, expires, fencing: d.fencing })];
    },
  });
  if (!state) throw new MilestoneError('INTERNAL', 'claim written but not read back');
  ctx.env.log.info('task claimed', { task: loc.taskId, fencing: state.fencing, agent: who.agent, remote });
  return claimView(state);
}

/** TTL and remote from the options, reading settings only for what is not given. */
export function leaseOptions(ctx: Context, o: { ttlMs?: number; remote?: string | null }): ClaimSettings {
  const s = o.ttlMs !== undefined && o.remote !== undefined ? null : claimSettings(ctx);
  return { ttlMs: o.ttlMs ?? (s as ClaimSettings).ttlMs, remote: o.remote !== undefined ? o.remote : (s as ClaimSettings).remote };
}
