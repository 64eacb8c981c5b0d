/**
 * A claim: who holds a task, until when, under which fencing number. One claim entity per task
 * (refs/milestones/claim/<task id>), an operation log like a milestone's:
 *  - `claim.take`: a new holder (the first, or one taking over a released or lapsed lease); the
 *    fencing number is the previous one plus one, so it rises with every new holder;
 *  - `claim.renew`: the holder's heartbeat, a later expiry under the same fencing number;
 *  - `claim.release`: the holder (or `doctor --fix`, for a lapsed lease) lets the task go.
 * A claim is never deleted: its fencing number must keep rising across releases.
 */
import type { Operation } from '../types';

export const CLAIM_TAKE = 'claim.take';
export const CLAIM_RENEW = 'claim.renew';
export const CLAIM_RELEASE = 'claim.release';
export const CLAIM_TYPES: readonly string[] = [CLAIM_TAKE, CLAIM_RENEW, CLAIM_RELEASE];

export interface ClaimState {
  task: string;
  milestone: string;
  /** The holder's git identity, `Name <email>`. */
  holder: string;
  /** Which agent of the holder (`--as NAME`). */
  agent: string;
  /** ISO 8601: the lease lapses then unless renewed. */
  expires: string;
  fencing: number;
  /** When the current holder took it. */
  since: string;
  released: boolean;
  clock: number;
}

export type ClaimTakePayload = Pick<ClaimState, 'task' | 'milestone' | 'holder' | 'agent' | 'expires' | 'fencing'>;

export type ClaimRenewPayload = {
  fencing: number;
  expires: string;
};

export type ClaimReleasePayload = {
  fencing: number;
  /** `released` by the holder, `lapsed` when doctor clears an expired lease. */
  reason: 'released' | 'lapsed';
};

export type ClaimOpDraft =
  | ({ type: typeof CLAIM_TAKE } & ClaimTakePayload)
  | ({ type: typeof CLAIM_RENEW } & ClaimRenewPayload)
  | ({ type: typeof CLAIM_RELEASE } & ClaimReleasePayload);

export const claimTakeOp = (p: ClaimTakePayload): ClaimOpDraft => ({ type: CLAIM_TAKE, ...p });
export const claimRenewOp = (p: ClaimRenewPayload): ClaimOpDraft => ({ type: CLAIM_RENEW, ...p });
export const claimReleaseOp = (p: ClaimReleasePayload): ClaimOpDraft => ({ type: CLAIM_RELEASE, ...p });

/** What `claim --json` prints, and what core/claim hands to `execute`. */
export interface ClaimView {
  task: string;
  milestone: string;
  holder: string;
  agent: string;
  expires: string;
  fencing: number;
}

export function claimView(s: ClaimState): ClaimView {
  return { task: s.task, milestone: s.milestone, holder: s.holder, agent: s.agent, expires: s.expires, fencing: s.fencing };
}

/** The operation's payload as stored (for check). */
export type StoredClaimOp = Operation & Partial<ClaimTakePayload & ClaimRenewPayload & ClaimReleasePayload>;
