/**
 * `git milestone show`: the full current state of one milestone, with its tasks and progress,
 * and the milestone dependency cycle it lies on, if any (possible only after two clones' edits
 * were merged: an edit that would close one is refused).
 */
import { findCycle } from '../domain/graph';
import { milestoneView, type MilestoneView } from '../domain/views';
import type { Context } from './context';
import { readMilestone } from './milestoneAccess';
import { milestoneGraph } from './milestoneGraph';
import { resolveMilestone } from './resolveMilestone';

export type ShownMilestone = MilestoneView & {
  /** The shortest cycle of milestone dependencies through this one (`[a, b, a]`), or null. */
  dependencyCycle: string[] | null;
};

export async function showMilestone(ctx: Context, o: { id: string }): Promise<ShownMilestone> {
  const id = await resolveMilestone(ctx, o.id);
  const state = await readMilestone(ctx, id);
  const cycle = state.dependsOn.length > 0 ? findCycle((await milestoneGraph(ctx, [id])).edges, id) : null;
  return { ...milestoneView(state), dependencyCycle: cycle };
}
