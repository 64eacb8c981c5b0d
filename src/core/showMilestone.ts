/**
 * `git milestone show`: the full current state of one milestone, with its tasks and progress.
 */
import { milestoneView, type MilestoneView } from '../domain/views';
import type { Context } from './context';
import { readMilestone } from './milestoneAccess';
import { resolveMilestone } from './resolveMilestone';

export async function showMilestone(ctx: Context, o: { id: string }): Promise<MilestoneView> {
  const id = await resolveMilestone(ctx, o.id);
  return milestoneView(await readMilestone(ctx, id));
}
