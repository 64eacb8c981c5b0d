/**
 * `git milestone heartbeat TASK`: the holder extends its lease (same fencing number). A lease that
 * lapsed but that nobody took over is still the holder's; once another holder took it (or it was
 * released), LEASE_LOST. A fencing number presented by the caller (MILESTONE_FENCING) must be the
 * current one.
 */
import { assertHolder } from '../../domain/claim/claimRules';
import { claimRenewOp, claimView, type ClaimView } from '../../domain/claim/claimState';
import type { Context } from '../context';
import { resolveTask } from '../resolveTask';
import { leaseOptions } from './claimTask';
import { claimant } from './claimSettings';
import { presentedFencing } from './checkFencing';
import { publishClaim } from './publishClaim';

export interface HeartbeatOptions {
  task: string;
  ttlMs?: number;
  remote?: string | null;
  agent?: string;
}

export async function heartbeatClaim(ctx: Context, o: HeartbeatOptions): Promise<ClaimView> {
  const { taskId } = await resolveTask(ctx, o.task);
  return heartbeatTaskId(ctx, taskId, o);
}

/** The heartbeat of a task id already resolved (also `heartbeat` without a task, for each held). */
export async function heartbeatTaskId(ctx: Context, taskId: string, o: Omit<HeartbeatOptions, 'task'>): Promise<ClaimView> {
  const { ttlMs, remote } = leaseOptions(ctx, o);
  const who = claimant(ctx, o.agent);
  const fencing = presentedFencing(ctx);
  const expires = new Date(ctx.env.clock().getTime() + ttlMs).toISOString();
  const state = await publishClaim(ctx, {
    task: taskId,
    remote,
    build: (s) => [claimRenewOp({ fencing: assertHolder(s, who, fencing ?? undefined).fencing, expires })],
  });
  return claimView(assertHolder(state, who));
}
