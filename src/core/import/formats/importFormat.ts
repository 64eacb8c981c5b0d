/**
 * `git milestone import --from-format kiro|cc-sdd|spec-kit|backlog|task-master|auto`: reads the
 * tool's files into a plan (import/), then plans per milestone, matched by its source alias
 * (`<format>:<folder>`): create (new entity, in bulk through `git fast-import` when many), update
 * (what changed in the source since the last import, as operations) or skip; then applies, unless
 * `--dry-run`. Unreadable files and lines are reported by file and line; the rest is imported.
 */
import { MilestoneError } from '../../../errors/MilestoneError';
import { milestoneAlias, SOURCE_FORMATS, type SourceFormat, type SourcePlan } from '../../../import/plan';
import { refName } from '../../../storage/entity/layout';
import type { Context } from '../../context';
import { knownAliases } from '../importLegacy';
import { planEntity } from '../planEntity';
import { progressBar } from '../progressBar';
import { writeEntities, type PendingEntity } from '../writeEntities';
import { createOps } from './createOps';
import { phaseTargets } from './phaseTargets';
import { detectFormats, readSource } from './readSource';
import { formatResult, type FormatImportResult, type FormatRow } from './formatResult';
import { projectRoot } from './sourceFiles';
import { applyUpdate, diffMilestone, hasChanges } from './updateOps';

export interface FormatImportOptions {
  format: SourceFormat | 'auto';
  path?: string;
  dryRun?: boolean;
}

export function formatsFor(ctx: Context, format: FormatImportOptions['format'], root: string): SourceFormat[] {
  if (format !== 'auto') return [format];
  const found = detectFormats(ctx, root);
  if (found.length === 0) {
    throw new MilestoneError('NOT_FOUND', `no plan of ${SOURCE_FORMATS.join(', ')} found in ${root}`, {
      hint: 'Give the project folder with --path, or name the format with --from-format.',
    });
  }
  return found;
}

export async function importFormat(ctx: Context, o: FormatImportOptions): Promise<FormatImportResult> {
  const root = projectRoot(ctx, o.path);
  const dryRun = Boolean(o.dryRun);
  const progress = progressBar(ctx.env);
  const plans: SourcePlan[] = formatsFor(ctx, o.format, root).map((f) => readSource(ctx, f, root));
  const aliases = await knownAliases(ctx);
  let author: ReturnType<Context['who']>['author'] | undefined;
  const who = (): NonNullable<typeof author> => (author ??= ctx.who().author); // asks git only when writing
  const time = ctx.env.clock().toISOString();
  const rows: FormatRow[] = [];
  const pending: Array<{ row: FormatRow; p: PendingEntity }> = [];
  const total = plans.reduce((n, p) => n + p.milestones.length, 0);
  progress.phase('planning', total);
  for (const plan of plans) {
    for (const pm of plan.milestones) {
      const alias = milestoneAlias(plan.format, pm.key);
      const targets = await phaseTargets(ctx, pm, plan.format, dryRun);
      const id = aliases.get(alias);
      const base = { format: plan.format, alias, title: pm.title, files: pm.files, tasks: pm.tasks.length, notes: [] as string[] };
      if (id === undefined) {
        const ops = createOps(plan.format, alias, pm, who(), time, targets);
        const row: FormatRow = { ...base, id: ops.create.hash, action: dryRun ? 'would-create' : 'created', added: pm.tasks.length, statuses: 0 };
        row.notes.push(...ops.notes);
        rows.push(row);
        pending.push({ row, p: { id: ops.create.hash, ref: refName('milestone', ops.create.hash), build: () => planEntity(ops.create, ops.rest, true) } });
      } else {
        const { state } = await ctx.milestones.read(id);
        const d = diffMilestone(state, pm, targets);
        const changed = hasChanges(d);
        const action = !changed ? 'unchanged' : dryRun ? 'would-update' : 'updated';
        base.notes.push(...d.documents.map((f) => `${f} changed since the last import: its new version is recorded; the phases stay as they are`));
        rows.push({ ...base, id, action, added: d.added.length, statuses: d.statuses.length });
        if (changed && !dryRun) await applyUpdate(ctx, id, plan.format, pm, d, targets);
      }
      progress.tick(rows.length);
    }
  }
  const problems = plans.flatMap((p) => p.problems);
  if (dryRun) {
    for (const { row, p } of pending) {
      try { p.build(); } catch (e) { row.action = 'failed'; problems.push({ file: row.files[0] ?? row.alias, message: `not imported: ${(e as Error).message}` }); }
    }
  } else if (pending.length > 0) {
    progress.phase('writing', pending.length);
    const report = await writeEntities(ctx, pending.map((x) => x.p), { onProgress: (n) => progress.tick(n) });
    for (const { row, p } of pending) {
      const failed = report.failed.get(p.id);
      if (failed) {
        row.action = 'failed';
        problems.push({ file: row.files[0] ?? row.alias, message: `not imported: ${failed.message}` });
      } else if (report.existing.has(p.id)) row.action = 'unchanged';
    }
    const written = [...report.created].map(([id, w]) => ({ id, tip: w.tip, state: w.state }));
    if (ctx.index.putMany) await ctx.index.putMany(written);
    else await ctx.index.refresh();
  }
  progress.end();
  return formatResult(plans, root, dryRun, rows, problems);
}
