/**
 * The fencing check of the shared write path (core/milestoneAccess.ts). A writer acting under a
 * claim presents the fencing number its claim gave it, by `--fencing N` (commands that change a
 * task or a phase) or the MILESTONE_FENCING environment variable (what `execute` hands its
 * agents). A write that touches a claimed task is then refused with STALE_FENCING unless that
 * number is still the claim's current one, that is unless nobody took the lease over since.
 * With a claims remote the remote's claim is fetched first: it is the authority. A writer that
 * presents no number is not checked (a person fixing a task by hand).
 */
import { fencingProblem } from '../../domain/claim/claimRules';
import type { ClaimState } from '../../domain/claim/claimState';
import { MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';
import { claimStore, readClaim } from './claimEntity';
import { claimSettings } from './claimSettings';
import { claimTrackingRef, fetchClaim, setRef } from './publishClaim';

/** The fencing number this writer presents (`ctx.fencing`, else MILESTONE_FENCING), or null. */
export function presentedFencing(ctx: Context): number | null {
  const raw = ctx.fencing ?? ctx.env.vars.MILESTONE_FENCING;
  if (raw === undefined || raw === '') return null;
  const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
  if (!Number.isInteger(n) || n < 1) {
    throw new MilestoneError('INVALID_INPUT', `fencing number ${JSON.stringify(raw)} is not a positive integer`, {
      hint: 'Pass the `fencing` your claim printed (`git milestone claim --json`), as --fencing N or MILESTONE_FENCING.',
    });
  }
  return n;
}

export async function checkFencing(ctx: Context, tasks: readonly string[]): Promise<void> {
  const presented = presentedFencing(ctx);
  if (presented === null || tasks.length === 0) return;
  const { remote } = claimSettings(ctx);
  for (const task of new Set(tasks)) {
    const problem = fencingProblem(await currentClaim(ctx, task, remote), task, presented);
    if (problem) throw problem;
  }
}

async function currentClaim(ctx: Context, task: string, remote: string | null): Promise<ClaimState | null> {
  if (remote === null) return readClaim(ctx, task);
  fetchClaim(ctx, remote, task);
  const tip = await ctx.storage.refs.read(claimTrackingRef(remote, task));
  if (!tip) return null;
  const store = claimStore(ctx);
  await setRef(ctx, store.ref(task), tip);
  return (await store.read(task)).state;
}
