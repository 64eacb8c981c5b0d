/**
 * `git milestone rm`: a milestone.delete tombstone. The ref and its history stay (so other clones
 * learn of the deletion when they merge); the milestone disappears from every listing.
 */
import { milestoneDeleteOp } from '../domain/ops/constructors';
import type { Context } from './context';
import { writeMilestone } from './milestoneAccess';
import { resolveMilestone } from './resolveMilestone';

export interface RemoveResult {
  id: string;
  title: string;
  deleted: true;
}

export async function removeMilestone(ctx: Context, o: { id: string }): Promise<RemoveResult> {
  const id = await resolveMilestone(ctx, o.id);
  const { state } = await writeMilestone(ctx, id, () => [milestoneDeleteOp()]);
  return { id, title: state.title, deleted: true };
}
