/**
 * The three claim operations' meaning: check (well formed), validate (may it be written on this
 * state, at its own time) and apply (pure, total). A claim's log is linear: it is only ever
 * appended by compare-and-swap, and between clones the remote's tip wins instead of a merge.
 */
import { MilestoneError } from '../../errors/MilestoneError';
import type { StoredOperation } from '../types';
import { claimedError, isHeld } from './claimRules';
import { CLAIM_RELEASE, CLAIM_RENEW, CLAIM_TAKE, CLAIM_TYPES, type ClaimState, type StoredClaimOp } from './claimState';

const HEX64 = /^[0-9a-f]{64}$/;

function invalid(op: StoredClaimOp, why: string): MilestoneError {
  return new MilestoneError('INVALID_OPERATION', `${op.type}: ${why}`);
}

export function checkClaimOp(op: StoredClaimOp): void {
  if (!CLAIM_TYPES.includes(op.type)) {
    throw new MilestoneError('FORMAT_TOO_NEW', `unknown claim operation ${JSON.stringify(op.type)}: written by a newer git-milestone`, {
      hint: 'Upgrade git-milestone in this clone to read it.',
    });
  }
  if (!Number.isInteger(op.fencing) || (op.fencing as number) < 1) throw invalid(op, 'fencing must be a positive integer');
  if (op.type === CLAIM_RELEASE) {
    if (op.reason !== 'released' && op.reason !== 'lapsed') throw invalid(op, 'reason must be released or lapsed');
    return;
  }
  if (typeof op.expires !== 'string' || Number.isNaN(Date.parse(op.expires))) throw invalid(op, 'expires must be an ISO time');
  if (op.type === CLAIM_RENEW) return;
  if (typeof op.task !== 'string' || !HEX64.test(op.task)) throw invalid(op, 'task must be a task id');
  if (typeof op.milestone !== 'string' || !HEX64.test(op.milestone)) throw invalid(op, 'milestone must be a milestone id');
  for (const k of ['holder', 'agent'] as const) {
    if (typeof op[k] !== 'string' || op[k] === '' || (op[k] as string).length > 200) throw invalid(op, `${k} must be 1-200 characters`);
  }
}

export function validateClaimOp(s: ClaimState | null, op: StoredClaimOp): void {
  const at = Date.parse(op.time);
  if (op.type === CLAIM_TAKE) {
    if (s === null ? op.fencing !== 1 : op.fencing !== s.fencing + 1) throw invalid(op, 'the fencing number must rise by one');
    if (s !== null && s.task !== op.task) throw invalid(op, 'a claim stays with its task');
    if (isHeld(s, at)) throw claimedError(s as ClaimState);
    return;
  }
  if (s === null) throw invalid(op, 'no claim to change');
  if (op.fencing !== s.fencing || s.released) {
    throw new MilestoneError('LEASE_LOST', `the lease of task ${s.task.slice(0, 8)} under fencing ${String(op.fencing)} is over`, {
      data: { task: s.task, fencing: s.fencing, released: s.released },
    });
  }
}

export function applyClaimOps(state: ClaimState | null, ops: StoredOperation[]): ClaimState {
  let s = state;
  for (const { op } of ops as Array<{ op: StoredClaimOp }>) {
    if (op.type === CLAIM_TAKE && (s === null || (op.fencing as number) > s.fencing)) {
      s = {
        task: op.task as string, milestone: op.milestone as string, holder: op.holder as string, agent: op.agent as string,
        expires: op.expires as string, fencing: op.fencing as number, since: op.time, released: false, clock: op.lamport,
      };
    } else if (s !== null && op.fencing === s.fencing && op.type === CLAIM_RENEW) s = { ...s, expires: op.expires as string };
    else if (s !== null && op.fencing === s.fencing && op.type === CLAIM_RELEASE) s = { ...s, released: true };
    if (s !== null) s = { ...s, clock: Math.max(s.clock, op.lamport) };
  }
  if (s === null) throw new MilestoneError('CORRUPT_ENTITY', 'a claim log must start with claim.take');
  return s;
}
