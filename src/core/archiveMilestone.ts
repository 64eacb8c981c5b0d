/**
 * `git milestone archive` (and `--undo`): a milestone.archive operation. Archived milestones
 * leave the default `list` but keep their history and can be brought back. Archiving an archived
 * milestone (or bringing back a live one) writes nothing and says so (`changed: false`).
 */
import { milestoneArchiveOp } from '../domain/ops/constructors';
import { milestoneView, type MilestoneView } from '../domain/views';
import type { Context } from './context';
import { writeMilestone, type Changed } from './milestoneAccess';
import { resolveMilestone } from './resolveMilestone';

export async function archiveMilestone(ctx: Context, o: { id: string; archived: boolean }): Promise<Changed<MilestoneView>> {
  const id = await resolveMilestone(ctx, o.id);
  const { state, hashes } = await writeMilestone(ctx, id, (s) =>
    (s.archived === o.archived ? [] : [milestoneArchiveOp({ archived: o.archived })]));
  return { ...milestoneView(state), changed: hashes.length > 0 };
}
