/**
 * `git milestone rebuild [--backend B]`: reads every entity again and replaces a derived cache
 * with what was read. With no backend named: the file index (always kept for id lookups and
 * writes) and, when scale selection picks another backend, that one too, both from one read of
 * the refs' objects (rebuildIndexes) when the other can be built that way; the scale metrics the
 * thresholds use are recalculated.
 */
import { metricsUsed, type Backend } from '../domain/scaleDecision';
import type { MilestoneIndex, RefreshReport } from '../index/MilestoneIndex';
import { rebuildIndexes } from '../index/shared/rebuildIndexes';
import type { Context } from './context';
import { openBackendIndex, releaseIndex } from './openBackendIndex';
import { selectBackend } from './selectBackend';

export interface RebuildResult extends RefreshReport {
  backend: Backend;
  elapsedMs: number;
}

async function withIndex<T>(ctx: Context, backend: Backend, fn: (index: MilestoneIndex) => Promise<T>): Promise<T> {
  const { index } = await openBackendIndex(ctx, backend);
  try {
    return await fn(index);
  } finally {
    await releaseIndex(ctx, index);
  }
}

export async function rebuildIndex(ctx: Context, o: { backend?: string } = {}): Promise<RebuildResult> {
  const started = ctx.env.clock().getTime();
  let backend = (o.backend ?? 'file') as Backend;
  let report: RefreshReport;
  if (o.backend) report = await withIndex(ctx, backend, (index) => index.rebuild());
  else {
    // The backend as picked now (cheap), rebuilt together with the file index; then the metrics the
    // thresholds use are recalculated from the fresh file index, and a backend they pick instead is
    // rebuilt too. (All metrics would add a `git log` of every milestone commit, for the author
    // count: at 10,000 milestones about half as long again as the rebuild's own reads.)
    const first = await selectBackend(ctx);
    backend = first.backend;
    report = await withIndex(ctx, backend, async (index) => {
      if (index === ctx.index) return index.rebuild();
      if (ctx.index.builder && index.builder) return (await rebuildIndexes(ctx.milestones, [ctx.index.builder(), index.builder()]))[1];
      await ctx.index.rebuild();
      return index.rebuild();
    });
    const used = metricsUsed(first.settings).some((m) => m !== 'milestones');
    const now = used ? (await selectBackend(ctx, { recalculate: true })).backend : backend;
    if (now !== backend && now !== 'file') report = await withIndex(ctx, (backend = now), (index) => index.rebuild());
  }
  ctx.env.log.info('index rebuilt', { backend, ...report });
  return { backend, ...report, elapsedMs: Math.max(0, ctx.env.clock().getTime() - started) };
}
