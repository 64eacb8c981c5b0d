/**
 * `git milestone archive` (and `--undo`): a milestone.archive operation. Archived milestones
 * leave the default `list` but keep their history and can be brought back.
 */
import { milestoneArchiveOp } from '../domain/ops/constructors';
import { milestoneView, type MilestoneView } from '../domain/views';
import type { Context } from './context';
import { writeMilestone } from './milestoneAccess';
import { resolveMilestone } from './resolveMilestone';

export async function archiveMilestone(ctx: Context, o: { id: string; archived: boolean }): Promise<MilestoneView> {
  const id = await resolveMilestone(ctx, o.id);
  const { state } = await writeMilestone(ctx, id, (s) =>
    (s.archived === o.archived ? [] : [milestoneArchiveOp({ archived: o.archived })]));
  return milestoneView(state);
}
