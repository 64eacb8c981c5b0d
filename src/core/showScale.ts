/**
 * `git milestone scale [--recalculate]`: the repository's metrics, the backend reads use and why.
 * Metrics come from scale.json when it has them; `--recalculate` (or none cached yet) measures
 * them again and reloads the settings.
 */
import { SCALE_METRICS, type Backend, type BackendChoice, type ScaleMetric } from '../domain/scaleDecision';
import type { Context } from './context';
import { selectBackend } from './selectBackend';

export interface ScaleReport {
  backend: Backend;
  reason: string;
  decidedBy: BackendChoice['by'];
  metrics: Record<ScaleMetric, number | null>;
  /** When the metrics other than milestones were measured. */
  metricsAt: string | null;
  settings: {
    backendOverride: string | null;
    autoScale: boolean;
    thresholds: Record<string, number>;
    postgresqlConfigured: boolean;
  };
}

export async function showScale(ctx: Context, o: { recalculate?: boolean } = {}): Promise<ScaleReport> {
  let sel = await selectBackend(ctx, { recalculate: o.recalculate });
  if (!o.recalculate && sel.metricsAt === null) sel = await selectBackend(ctx, { recalculate: true });
  const metrics = Object.fromEntries(SCALE_METRICS.map((m) => [m, sel.metrics[m] ?? null])) as ScaleReport['metrics'];
  return {
    backend: sel.backend,
    reason: sel.reason,
    decidedBy: sel.by,
    metrics,
    metricsAt: sel.metricsAt,
    settings: {
      backendOverride: sel.settings.override,
      autoScale: sel.settings.autoScale,
      thresholds: sel.settings.thresholds,
      postgresqlConfigured: sel.settings.postgres,
    },
  };
}
