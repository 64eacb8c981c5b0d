/** The text of an import from another tool's plan: a headline, then per file what was (or would be) done. */
import type { FormatImportResult } from '../../core/import/formats/formatResult';
import type { FormatExportResult } from '../../core/export/exportFormat';
import { oneLine, short, table } from '../format';

const VERB: Record<string, string> = {
  created: 'create', 'would-create': 'create', updated: 'update', 'would-update': 'update', unchanged: 'skip', failed: 'failed',
};

export function renderFormatImport(r: FormatImportResult): string {
  const c = r.counts;
  const what = `${r.formats.join(', ')} plan in ${oneLine(r.path)}`;
  const head = r.dryRun
    ? `Dry run of the ${what}: would create ${c['would-create']} milestone${c['would-create'] === 1 ? '' : 's'}, update ${c['would-update']}, skip ${c.unchanged}. Nothing was written.`
    : `Imported the ${what}: created ${c.created} milestone${c.created === 1 ? '' : 's'}, updated ${c.updated}, ${c.unchanged} unchanged (${c.tasks} tasks in the source).`;
  const rows = r.milestones.flatMap((m) => (m.files.length ? m.files : [m.alias]).map((f) => [
    VERB[m.action], oneLine(f), short(m.id), m.action.endsWith('create') || m.action === 'created' ? `${m.tasks} tasks` : `+${m.added} tasks, ${m.statuses} status`,
  ]));
  const lines = [head];
  if (rows.length) lines.push('', table(rows.slice(0, 300), ['PLAN', 'FILE', 'MILESTONE', 'CHANGES']));
  if (rows.length > 300) lines.push(`… and ${rows.length - 300} more (--json lists them all)`);
  const notes = [...r.notes.map((n) => `note: ${n.file}${n.line ? `:${n.line}` : ''}: ${n.message}`),
    ...r.milestones.flatMap((m) => m.notes.map((n) => `note: ${m.alias}: ${n}`))];
  const problems = r.problems.map((p) => `warning: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  for (const group of [notes.slice(0, 50), problems]) if (group.length) lines.push('', ...group.map(oneLine));
  if (notes.length > 50) lines.push(`… and ${notes.length - 50} more notes (--json lists them all)`);
  return lines.join('\n');
}

export function renderFormatExport(r: FormatExportResult): string {
  const n = r.files.length;
  const lines = [`Wrote back the ${r.formats.join(', ')} plan in ${oneLine(r.path)}: ${n} file${n === 1 ? '' : 's'} updated, ${r.unchanged} unchanged.`];
  for (const f of r.files) lines.push(`  ${oneLine(f.file)}: ${f.tasks} task${f.tasks === 1 ? '' : 's'}`);
  for (const p of r.problems) lines.push(oneLine(`warning: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`));
  return lines.join('\n');
}
