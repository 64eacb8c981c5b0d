/** `git milestone scale` */
import { showScale, type ScaleReport } from '../../core/showScale';
import type { CommandDef } from '../CommandDef';

const bytes = (n: number) => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} B`);

const def: CommandDef<ScaleReport> = {
  summary: 'Show the repository\'s scale metrics, the index backend reads use, and why.',
  description: `The backend: --backend on the command, else backend_override, else the file index when auto_scale is false, else the thresholds (scale_thresholds.<backend>_<metric>; default: SQLite from 50 milestones; PostgreSQL only with a threshold and index.postgresql.url or DATABASE_URL). Every backend is derived from the refs: switching needs no migration and loses nothing. The decision is cached in .git/milestones/scale.json; --recalculate measures everything again and rereads the settings.`,
  examples: ['git milestone scale', 'git milestone scale --json', 'git milestone scale --recalculate'],
  flags: {
    recalculate: { type: 'boolean', description: 'Measure the metrics again and reread the settings.' },
  },
  execute: (ctx, input) => showScale(ctx, { recalculate: Boolean(input.flags.recalculate) }),
  text: (r) => {
    const m = r.metrics;
    const n = (v: number | null, f: (x: number) => string = String) => (v === null ? '?' : f(v));
    const t = Object.entries(r.settings.thresholds).map(([k, v]) => `${k}=${v}`).join(', ') || 'none';
    return [
      `Backend: ${r.backend}`,
      `Why:     ${r.reason}`,
      '',
      `Metrics${r.metricsAt ? ` (measured ${r.metricsAt})` : ''}:`,
      `  milestones  ${n(m.milestones)}`,
      `  tasks       ${n(m.tasks)}`,
      `  refs        ${n(m.refs)}`,
      `  bytes       ${n(m.bytes, bytes)}`,
      `  authors     ${n(m.authors)} (last 30 days)`,
      '',
      `Settings: auto_scale ${r.settings.autoScale}, backend_override ${r.settings.backendOverride ?? 'none'}, thresholds ${t},`,
      `          PostgreSQL ${r.settings.postgresqlConfigured ? 'configured' : 'not configured'}`,
    ].join('\n');
  },
};
export default def;
