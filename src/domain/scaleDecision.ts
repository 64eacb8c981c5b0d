/**
 * Which index backend answers reads, and why. Pure: the caller supplies the settings that matter
 * and the repository's metrics. Order: an explicit `--backend`, then `backend_override`, then
 * `auto_scale: false` (the file index), then the thresholds: PostgreSQL when a URL is configured
 * and one of its `postgresql_<metric>` thresholds is reached, SQLite when one of its
 * `sqlite_<metric>` thresholds is reached, else the file index. Every backend is derived from the
 * refs, so switching needs no migration and loses nothing.
 */
export const BACKENDS = ['file', 'sqlite', 'postgresql'] as const;
export type Backend = (typeof BACKENDS)[number];
export const SCALE_METRICS = ['milestones', 'tasks', 'refs', 'bytes', 'authors'] as const;
export type ScaleMetric = (typeof SCALE_METRICS)[number];

export type ScaleMetrics = Partial<Record<ScaleMetric, number>>;

export interface BackendSettings {
  /** backend_override as configured (legacy `hybrid` and `database` accepted), or null. */
  override: string | null;
  /** Where backend_override came from (e.g. `git config milestone.backend-override`). */
  overrideSource?: string;
  autoScale: boolean;
  /** scale_thresholds: `<backend>_<metric>` → value. */
  thresholds: Record<string, number>;
  /** Whether a PostgreSQL URL is configured (index.postgresql.url or DATABASE_URL). */
  postgres: boolean;
  /** Keys the committed settings file sets but may not, as it is not trusted (warned on every read). */
  untrusted?: string[];
}

export interface BackendChoice {
  backend: Backend;
  reason: string;
  /** What decided: the flag, the override, auto_scale off, or the thresholds. */
  by: 'flag' | 'override' | 'auto_scale' | 'threshold';
}

export function mapOverride(value: string, postgres: boolean): Backend {
  if (value === 'hybrid') return 'sqlite';
  if (value === 'database') return postgres ? 'postgresql' : 'sqlite';
  return value as Backend;
}

/** Threshold keys that need the given metric (callers fetch expensive metrics only when used). */
export function metricsUsed(s: BackendSettings): ScaleMetric[] {
  return SCALE_METRICS.filter((m) => Object.keys(s.thresholds).some((k) => k === `sqlite_${m}` || k === `postgresql_${m}`));
}

function reached(backend: 'sqlite' | 'postgresql', s: BackendSettings, m: ScaleMetrics): string | null {
  for (const metric of SCALE_METRICS) {
    const limit = s.thresholds[`${backend}_${metric}`];
    const value = m[metric];
    if (limit !== undefined && value !== undefined && value >= limit) return `${value} ${metric} ≥ scale_thresholds.${backend}_${metric} (${limit})`;
  }
  return null;
}

export function chooseBackend(s: BackendSettings, m: ScaleMetrics, flag?: string): BackendChoice {
  if (flag) return { backend: flag as Backend, reason: `--backend ${flag} was given`, by: 'flag' };
  if (s.override) {
    const backend = mapOverride(s.override, s.postgres);
    return { backend, reason: `backend_override is ${s.override}${s.overrideSource ? ` (${s.overrideSource})` : ''}`, by: 'override' };
  }
  if (!s.autoScale) return { backend: 'file', reason: 'auto_scale is false: the file index is used', by: 'auto_scale' };
  const pg = s.postgres ? reached('postgresql', s, m) : null;
  if (pg) return { backend: 'postgresql', reason: `${pg} and a PostgreSQL URL is configured`, by: 'threshold' };
  const lite = reached('sqlite', s, m);
  if (lite) return { backend: 'sqlite', reason: lite, by: 'threshold' };
  const limit = s.thresholds.sqlite_milestones;
  const below = limit === undefined ? 'no SQLite threshold is reached' : `${m.milestones ?? 0} milestones < scale_thresholds.sqlite_milestones (${limit})`;
  return { backend: 'file', reason: below, by: 'threshold' };
}
