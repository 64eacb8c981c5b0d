/**
 * `git milestone report [MILESTONE]`: progress, burndown, velocity, cycle and lead time and
 * throughput of one milestone (or of all of them together), computed from the validated operation
 * history (domain/report/, one figure per file) at the Env's clock. The operations, the state
 * (folded with this clone's conflict policy where the history has merges) and the work timeline
 * come from the history cache when it was built from the current tip (history/historyRecords.ts).
 */
import { buildReport } from '../../domain/report/buildReport';
import type { Report } from '../../domain/report/types';
import type { Context } from '../context';
import { historyRecords } from '../history/historyRecords';
import { resolveMilestone } from '../resolveMilestone';

export async function milestoneReport(ctx: Context, o: { id?: string } = {}): Promise<Report> {
  const ids = o.id === undefined ? undefined : [await resolveMilestone(ctx, o.id)];
  const sources = await historyRecords(ctx, ids);
  return buildReport(sources, ctx.env.clock().getTime());
}
