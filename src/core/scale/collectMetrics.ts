/**
 * The repository's scale metrics: milestone entities (refs under refs/milestones/milestone/),
 * live tasks, refs under refs/milestones/, bytes (the size of the milestone summaries `list
 * --json` prints) and distinct operation authors in the last 30 days (`git log` over the
 * milestone refs). Costs a pass over the file index and one git run: done on `scale
 * --recalculate`, on `rebuild`, or when a configured threshold needs a metric that is not known
 * yet or was measured before the milestone refs moved.
 */
import type { ScaleMetrics } from '../../domain/scaleDecision';
import { REF_ROOT, refPrefix } from '../../storage/entity/layout';
import type { Context } from '../context';

const DAY_MS = 86_400_000;

export function authorsSince(ctx: Context, since: Date): number {
  return new Set(ctx.git.authorEmails({ since, glob: REF_ROOT }).map((l) => l.toLowerCase())).size;
}

export async function collectMetrics(ctx: Context): Promise<Required<ScaleMetrics>> {
  const milestones = (await ctx.storage.refs.list(refPrefix('milestone'))).size;
  const refs = (await ctx.storage.refs.list(REF_ROOT)).size;
  const { tasks, bytes } = await ctx.index.counts();
  const authors = authorsSince(ctx, new Date(ctx.env.clock().getTime() - 30 * DAY_MS));
  return { milestones, tasks, refs, bytes, authors };
}
