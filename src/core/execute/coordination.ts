/**
 * The one place `execute` reaches claims with leases (core/claim: refs/milestones/claim/<task>,
 * made on `coordination.claims_remote` when it is set, so two machines never hold one task). The
 * executor claims each task as agent `execute-<session>`, renews the lease while the agent runs,
 * and presents the claim's fencing number on the task's writes (Context.fencing), so a run whose
 * lease was taken over cannot report a result.
 */
import { isMilestoneError } from '../../errors/MilestoneError';
import { claimTask } from '../claim/claimTask';
import { claimSettings } from '../claim/claimSettings';
import { heartbeatTaskId } from '../claim/heartbeatClaim';
import { claimStates } from '../claim/listClaims';
import { releaseClaim } from '../claim/releaseClaim';
import type { Context } from '../context';

/** A claim taken (its fencing number), or why not: held by someone else, or not ready in the claim's view. */
export type ClaimAnswer = { ok: true; fencing: number } | { ok: false; reason: string };

/** The agent name this run's claims carry: one per session, so a resumed run holds its claims again. */
export function agentName(session: string): string {
  return `execute-${session.slice(0, 12)}`;
}

/** The lease length: `coordination.lease_ttl` (default 30 min). */
export function leaseMs(ctx: Context): number {
  return claimSettings(ctx).ttlMs;
}

/** Takes the task's lease (or renews it, when this agent holds it already: a resumed run). */
export async function takeClaim(
  ctx: Context, o: { task: string; milestone: string; agent: string; ttlMs: number },
): Promise<ClaimAnswer> {
  try {
    const v = await claimTask(ctx, { task: o.task, milestone: o.milestone, agent: o.agent, ttlMs: o.ttlMs });
    return { ok: true, fencing: v.fencing };
  } catch (e) {
    if (!isMilestoneError(e) || (e.code !== 'CLAIMED' && e.code !== 'NOT_READY')) throw e;
    const d = (e.data ?? {}) as { agent?: string; holder?: string; expires?: string };
    const reason = e.code === 'CLAIMED' ? `claimed by ${d.agent} (${d.holder}) until ${d.expires}` : e.message;
    return { ok: false, reason };
  }
}

/** Extends the lease; LEASE_LOST (or STALE_FENCING) when another holder took it over. */
export async function renewClaim(
  ctx: Context, o: { task: string; agent: string; ttlMs: number; fencing: number },
): Promise<void> {
  await heartbeatTaskId({ ...ctx, fencing: o.fencing }, o.task, { ttlMs: o.ttlMs, agent: o.agent });
}

/** Lets the task go; nothing when it is not claimed, or no longer this agent's. */
export async function letGo(ctx: Context, o: { task: string; agent: string }): Promise<void> {
  try {
    await releaseClaim(ctx, { task: o.task, agent: o.agent });
  } catch (e) {
    if (!isMilestoneError(e) || (e.code !== 'NOT_FOUND' && e.code !== 'NOT_HOLDER')) throw e;
  }
}

export interface HeldClaim {
  task: string;
  agent: string;
  expires: string;
  holder: string;
}

/** The milestone's claims that are not released (live and lapsed). */
export async function milestoneClaims(ctx: Context, milestone: string): Promise<HeldClaim[]> {
  const states = await claimStates(ctx, { milestone });
  return states.map((s) => ({ task: s.task, agent: s.agent, expires: s.expires, holder: s.holder }));
}
