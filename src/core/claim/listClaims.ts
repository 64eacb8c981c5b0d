/**
 * Every claim that is not released (live and lapsed ones: compare `expires` with the clock), of
 * one milestone or of all, in task order. Read in three batched reads whatever their number.
 */
import type { ClaimState, ClaimView } from '../../domain/claim/claimState';
import { claimView } from '../../domain/claim/claimState';
import type { Context } from '../context';
import { resolveMilestone } from '../resolveMilestone';
import { claimStore } from './claimEntity';

export async function listClaims(ctx: Context, o: { milestone?: string } = {}): Promise<ClaimView[]> {
  return (await claimStates(ctx, o)).map(claimView);
}

/** The states behind listClaims (doctor and the views read `released` and `since` too). */
export async function claimStates(ctx: Context, o: { milestone?: string; released?: boolean } = {}): Promise<ClaimState[]> {
  const store = claimStore(ctx);
  const tips = await store.list();
  if (tips.size === 0) return [];
  const milestone = o.milestone === undefined ? undefined : await resolveMilestone(ctx, o.milestone);
  const out: ClaimState[] = [];
  for (const [id, read] of await store.readMany(tips)) {
    if ('error' in read) {
      ctx.env.log.warn('unreadable claim', { id, message: read.error.message });
      continue;
    }
    if ((read.state.released && !o.released) || (milestone !== undefined && read.state.milestone !== milestone)) continue;
    out.push(read.state);
  }
  return out.sort((a, b) => (a.task < b.task ? -1 : a.task > b.task ? 1 : 0));
}
