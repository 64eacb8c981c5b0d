/**
 * `git milestone export --format kiro|cc-sdd|spec-kit|backlog|task-master [--path P]`: writes the
 * current state back into the tool's own files. The files are read again (so line numbers are
 * today's), each task matched to its milestone (source alias) and task (source id), and only the
 * status characters or values that differ are patched (import/writeBack.ts); every other byte
 * stays, and a file with nothing to change is not written at all.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TaskStatus } from '../../domain/types';
import { writeFileAtomic } from '../../env/atomicWrite';
import { milestoneAlias, type PlanProblem, type SourceFormat } from '../../import/plan';
import { sourceStatus } from '../../import/statusWords';
import { statusOfChar } from '../../import/text';
import { applyEdits, statusEdit, type Edit } from '../../import/writeBack';
import type { Context } from '../context';
import { knownAliases } from '../import/importLegacy';
import { formatsFor } from '../import/formats/importFormat';
import { readSource } from '../import/formats/readSource';
import { projectRoot } from '../import/formats/sourceFiles';
import { tasksBySource } from '../import/formats/taskPayload';

export interface FormatExportResult {
  formats: SourceFormat[];
  path: string;
  /** Files rewritten, with the number of tasks whose status changed in each. */
  files: Array<{ file: string; tasks: number }>;
  unchanged: number;
  problems: PlanProblem[];
}

export async function exportFormat(ctx: Context, o: { format: SourceFormat | 'auto'; path?: string }): Promise<FormatExportResult> {
  const root = projectRoot(ctx, o.path);
  const formats = formatsFor(ctx, o.format, root);
  const aliases = await knownAliases(ctx);
  const edits = new Map<string, Edit[]>();
  const problems: PlanProblem[] = [];
  const seen = new Set<string>();
  for (const format of formats) {
    const plan = readSource(ctx, format, root);
    problems.push(...plan.problems);
    for (const pm of plan.milestones) {
      pm.files.forEach((f) => seen.add(f));
      const id = aliases.get(milestoneAlias(format, pm.key));
      if (!id) continue;
      const { state } = await ctx.milestones.read(id);
      if (state.deleted) continue;
      const mine = tasksBySource(state);
      const upper = new Map<string, number>();
      for (const t of pm.tasks) {
        if (t.mark.kind === 'checkbox' && /[xX]/.test(t.mark.char)) upper.set(t.mark.file, (upper.get(t.mark.file) ?? 0) + (t.mark.char === 'X' ? 1 : -1));
      }
      for (const t of pm.tasks) {
        const have = mine.get(t.sourceId);
        if (!have || t.mark.kind === 'none') continue;
        const read = (v: string): TaskStatus => (t.mark.kind === 'checkbox' ? statusOfChar(v) : sourceStatus(format, v));
        const e = statusEdit(format, t.mark, have.status, read, (upper.get(t.mark.file) ?? 0) > 0);
        if (!e) continue;
        seen.add(t.mark.file);
        edits.set(t.mark.file, [...(edits.get(t.mark.file) ?? []), e]);
      }
    }
  }
  const files: FormatExportResult['files'] = [];
  for (const [file, list] of edits) {
    const abs = path.isAbsolute(file) ? file : path.join(ctx.repo.workTree ?? root, file);
    const before = fs.readFileSync(abs).toString('latin1');
    const after = applyEdits(before, list);
    if (after === before) continue;
    writeFileAtomic(abs, Buffer.from(after, 'latin1'), { mode: fs.statSync(abs).mode & 0o777 });
    files.push({ file, tasks: list.length });
  }
  ctx.env.log.info('exported plan files', { formats, files: files.length });
  return { formats, path: root, files, unchanged: seen.size - files.length, problems };
}
