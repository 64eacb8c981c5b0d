/**
 * `git milestone rebuild [--backend B]`: reads every entity again and replaces a derived cache
 * with what was read. With no backend named: the file index (always kept for id lookups and
 * writes) and, when scale selection picks another backend, that one too, both from one read of
 * the refs' objects (rebuildIndexes) when the other can be built that way; the scale metrics are
 * recalculated.
 */
import type { Backend } from '../domain/scaleDecision';
import type { MilestoneIndex, RefreshReport } from '../index/MilestoneIndex';
import { rebuildIndexes } from '../index/shared/rebuildIndexes';
import type { Context } from './context';
import { openBackendIndex } from './openBackendIndex';
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
    if (index !== ctx.index) await index.close?.();
  }
}

export async function rebuildIndex(ctx: Context, o: { backend?: string } = {}): Promise<RebuildResult> {
  const started = ctx.env.clock().getTime();
  let backend = (o.backend ?? 'file') as Backend;
  let report: RefreshReport;
  if (o.backend) report = await withIndex(ctx, backend, (index) => index.rebuild());
  else {
    // The backend as picked now (cheap), rebuilt together with the file index; then the metrics are
    // recalculated from the fresh file index, and a backend they pick instead is rebuilt too.
    backend = (await selectBackend(ctx)).backend;
    report = await withIndex(ctx, backend, async (index) => {
      if (index === ctx.index) return index.rebuild();
      if (ctx.index.builder && index.builder) return (await rebuildIndexes(ctx.milestones, [ctx.index.builder(), index.builder()]))[1];
      await ctx.index.rebuild();
      return index.rebuild();
    });
    const now = (await selectBackend(ctx, { recalculate: true })).backend;
    if (now !== backend && now !== 'file') report = await withIndex(ctx, (backend = now), (index) => index.rebuild());
  }
  ctx.env.log.info('index rebuilt', { backend, ...report });
  return { backend, ...report, elapsedMs: Math.max(0, ctx.env.clock().getTime() - started) };
}
