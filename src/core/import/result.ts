/**
 * What an import reports (text and `--json`): one row per milestone found, with what happened to
 * it, the files or lines that could not be read, and the parts of the source that are not imported.
 * `applyPlans` is the write step both formats share: dry run, or write, then refresh the index once.
 */
import { isMilestoneError, type MilestoneError } from '../../errors/MilestoneError';
import type { Problem, Skipped } from '../../legacy/types';
import { refPrefix } from '../../storage/entity/layout';
import type { Context } from '../context';
import type { Progress } from './progressBar';
import { writeEntities, type PendingEntity } from './writeEntities';

export type ImportAction = 'created' | 'existing' | 'would-create';

export interface ImportRow {
  /** The legacy id (legacy format), or the id again (JSON format). */
  legacyId: string;
  file: string;
  id: string;
  title: string;
  tasks: number;
  action: ImportAction;
  warnings: string[];
}

export interface ImportResult {
  format: 'legacy' | 'json';
  path: string;
  dryRun: boolean;
  milestones: ImportRow[];
  counts: { created: number; existing: number; wouldCreate: number; tasks: number; problems: number; skipped: number };
  problems: Problem[];
  skipped: Skipped[];
}

export interface RowPlan extends Omit<ImportRow, 'action'> {
  existing: boolean;
  pending: PendingEntity | null;
}

/** Writes (or, on a dry run, only builds) the pending rows; refused ones become problems. */
export async function applyPlans(ctx: Context, rows: RowPlan[], o: { dryRun: boolean; bulk?: boolean; progress: Progress }): Promise<{ rows: ImportRow[]; problems: Problem[] }> {
  const pending = rows.filter((r) => !r.existing && r.pending).map((r) => r.pending as PendingEntity);
  const action = new Map<string, ImportAction>();
  const failed = new Map<string, MilestoneError>();
  if (o.dryRun) {
    const refs = await ctx.storage.refs.list(refPrefix('milestone'));
    for (const p of pending) {
      try {
        p.build();
        action.set(p.id, refs.has(p.ref) ? 'existing' : 'would-create');
      } catch (e) {
        if (!isMilestoneError(e)) throw e;
        failed.set(p.id, e);
      }
    }
  } else if (pending.length > 0) {
    o.progress.phase('writing', pending.length);
    const report = await writeEntities(ctx, pending, { bulk: o.bulk, onProgress: (n) => o.progress.tick(n) });
    for (const id of report.created.keys()) action.set(id, 'created');
    for (const id of report.existing) action.set(id, 'existing');
    for (const [id, e] of report.failed) failed.set(id, e);
    o.progress.phase('indexing', 1);
    // The index learns the new entities from the states in hand, without reading them back.
    const written = [...report.created].map(([id, w]) => ({ id, tip: w.tip, state: w.state }));
    if (ctx.index.putMany) await ctx.index.putMany(written);
    else await ctx.index.refresh();
    ctx.env.log.info('import written', { created: report.created.size, existing: report.existing.size, failed: report.failed.size });
  }
  o.progress.end();
  const problems = rows.filter((r) => failed.has(r.id)).map((r) => ({ file: r.file, message: `not imported: ${(failed.get(r.id) as MilestoneError).message}` }));
  const done = rows.filter((r) => !failed.has(r.id)).map(({ existing, pending: p, ...row }) => ({ ...row, action: existing ? 'existing' : action.get(p?.id ?? '') ?? 'existing' }));
  return { rows: done as ImportRow[], problems };
}

export function summarizeImport(base: Pick<ImportResult, 'format' | 'path' | 'dryRun' | 'problems' | 'skipped'>, milestones: ImportRow[]): ImportResult {
  const count = (a: ImportAction): number => milestones.filter((m) => m.action === a).length;
  return {
    ...base,
    milestones,
    counts: {
      created: count('created'), existing: count('existing'), wouldCreate: count('would-create'),
      tasks: milestones.filter((m) => m.action !== 'existing').reduce((n, m) => n + m.tasks, 0),
      problems: base.problems.length, skipped: base.skipped.length,
    },
  };
}
