/**
 * `git milestone rebuild [--backend B]`: throws a derived cache away and recreates it from the
 * refs. With no backend named: the file index (always kept for id lookups and writes) and, when
 * scale selection picks another backend, that one too; the scale metrics are recalculated.
 */
import type { Backend } from '../domain/scaleDecision';
import type { MilestoneIndex, RefreshReport } from '../index/MilestoneIndex';
import type { Context } from './context';
import { openBackendIndex } from './openBackendIndex';
import { selectBackend } from './selectBackend';

export interface RebuildResult extends RefreshReport {
  backend: Backend;
  elapsedMs: number;
}

async function rebuildOne(ctx: Context, backend: Backend): Promise<RefreshReport> {
  const { index } = await openBackendIndex(ctx, backend);
  try {
    return await index.rebuild();
  } finally {
    if (index !== ctx.index) await (index as MilestoneIndex).close?.();
  }
}

export async function rebuildIndex(ctx: Context, o: { backend?: string } = {}): Promise<RebuildResult> {
  const started = ctx.env.clock().getTime();
  let backend = (o.backend ?? 'file') as Backend;
  let report = await rebuildOne(ctx, backend);
  if (!o.backend) {
    const sel = await selectBackend(ctx, { recalculate: true });
    if (sel.backend !== 'file') {
      backend = sel.backend;
      report = await rebuildOne(ctx, backend);
    }
  }
  ctx.env.log.info('index rebuilt', { backend, ...report });
  return { backend, ...report, elapsedMs: Math.max(0, ctx.env.clock().getTime() - started) };
}
