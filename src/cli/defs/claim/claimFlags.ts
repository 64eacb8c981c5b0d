/** Flags and text the claim commands share (claim, heartbeat, release, next --claim). */
import { leaseTtl } from '../../../core/claim/claimSettings';
import type { ClaimView } from '../../../domain/claim/claimState';
import type { FlagDef } from '../../CommandDef';
import { oneLine, short } from '../../format';

export const TTL_FLAG: FlagDef = {
  type: 'string',
  description: 'Lease length (90s, 30m, 2h; a number means minutes). Default: coordination.lease_ttl, else 30m.',
};
export const AS_FLAG: FlagDef = { type: 'string', description: 'Agent name the claim is held by (default: MILESTONE_AGENT, else the host name).' };
export const REMOTE_FLAG: FlagDef = {
  type: 'string',
  description: 'Make the claim on this remote, by one atomic push (default: coordination.claims_remote; none: a local claim).',
};

/** `--ttl` as milliseconds, or undefined for the setting. */
export function ttlOf(flags: Record<string, unknown>): number | undefined {
  return flags.ttl === undefined ? undefined : leaseTtl(flags.ttl);
}

export function remoteOf(flags: Record<string, unknown>): string | undefined {
  return typeof flags.remote === 'string' ? flags.remote : undefined;
}

/** One line per claim: task, holder, expiry, fencing number. */
export function claimLine(c: ClaimView): string {
  return `task ${short(c.task)} held by ${oneLine(c.agent)} (${oneLine(c.holder)}) until ${c.expires}, fencing ${c.fencing}`;
}
