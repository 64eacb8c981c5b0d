/**
 * `git milestone rebuild`: throws the derived caches away and recreates them from the refs.
 */
import type { RefreshReport } from '../index/MilestoneIndex';
import type { Context } from './context';

export interface RebuildResult extends RefreshReport {
  backend: 'file';
  elapsedMs: number;
}

export async function rebuildIndex(ctx: Context): Promise<RebuildResult> {
  const started = ctx.env.clock().getTime();
  const report = await ctx.index.rebuild();
  ctx.env.log.info('index rebuilt', { ...report });
  return { backend: 'file', ...report, elapsedMs: Math.max(0, ctx.env.clock().getTime() - started) };
}
