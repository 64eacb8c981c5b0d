/**
 * The rules of leases, pure: when a lease has lapsed, who may take, renew or release a claim,
 * and whether a writer's fencing number is still the current one. Times are ISO strings or
 * epoch milliseconds given by the caller (the domain has no clock).
 */
import { MilestoneError } from '../../errors/MilestoneError';
import type { ClaimState } from './claimState';

export interface Claimant {
  holder: string;
  agent: string;
}

export function isLapsed(s: ClaimState, nowMs: number): boolean {
  return Date.parse(s.expires) <= nowMs;
}

/** Held right now: taken, not released, lease not lapsed. */
export function isHeld(s: ClaimState | null, nowMs: number): boolean {
  return s !== null && !s.released && !isLapsed(s, nowMs);
}

export function isHolder(s: ClaimState, who: Claimant): boolean {
  return s.holder === who.holder && s.agent === who.agent;
}

export function describeHolder(s: ClaimState): string {
  return `${s.agent} (${s.holder})`;
}

/** CLAIMED: the task is held by someone else until their lease ends. */
export function claimedError(s: ClaimState): MilestoneError {
  return new MilestoneError('CLAIMED', `task ${s.task.slice(0, 8)} is claimed by ${describeHolder(s)} until ${s.expires}`, {
    hint: 'Pick another task (`git milestone next --claim`), or wait until the lease lapses.',
    data: { task: s.task, holder: s.holder, agent: s.agent, expires: s.expires, fencing: s.fencing },
  });
}

/**
 * What a claim by `who` at `nowMs` means for the current state: a new holder (`take`, with the
 * next fencing number), or a renewal of the lease `who` already holds. CLAIMED when someone
 * else holds a live lease.
 */
export function decideClaim(s: ClaimState | null, who: Claimant, nowMs: number): { kind: 'take' | 'renew'; fencing: number } {
  if (s === null) return { kind: 'take', fencing: 1 };
  if (!s.released && isHolder(s, who)) return { kind: 'renew', fencing: s.fencing };
  if (isHeld(s, nowMs)) throw claimedError(s);
  return { kind: 'take', fencing: s.fencing + 1 };
}

/** LEASE_LOST unless `who` still holds the lease (a lapsed one nobody took over still counts). */
export function assertHolder(s: ClaimState | null, who: Claimant, fencing?: number): ClaimState {
  if (s === null || s.released || !isHolder(s, who) || (fencing !== undefined && fencing !== s.fencing)) {
    const c = s as ClaimState | null;
    const by = c && !c.released ? ` it is held by ${describeHolder(c)} (fencing ${c.fencing})` : ' it is not claimed';
    throw new MilestoneError('LEASE_LOST', `you no longer hold the lease of task ${(c?.task ?? '').slice(0, 8)}:${by}`, {
      hint: 'Claim the task again (`git milestone claim`) if it is still to be done; do not report results for it.',
      data: c ? { task: c.task, holder: c.holder, agent: c.agent, fencing: c.fencing, released: c.released } : {},
    });
  }
  return s;
}

/**
 * The fencing check of a write to a claimed task: a writer presenting `presented` may write only
 * while it is the claim's current fencing number. STALE_FENCING otherwise (the lease was taken
 * over, or the number was never issued).
 */
export function fencingProblem(s: ClaimState | null, task: string, presented: number): MilestoneError | null {
  if (s !== null && s.fencing === presented) return null;
  const now = s ? `; it is now held by ${describeHolder(s)} under fencing number ${s.fencing}` : '; the task has no claim';
  return new MilestoneError('STALE_FENCING', `refused: fencing number ${presented} is stale for task ${task.slice(0, 8)}${now}`, {
    hint: 'Your lease lapsed and another holder took the task over: its result is theirs to report. Nothing was written.',
    data: { task, presented, current: s?.fencing ?? null, holder: s?.holder ?? null, agent: s?.agent ?? null },
  });
}
