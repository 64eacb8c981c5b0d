/** `git milestone import` and `git milestone export` (legacy `.milestones/` folders and JSON). */
import type { ExportResult } from '../../core/export/exportJson';
import type { ImportResult } from '../../core/import/result';
import type { FormatImportResult } from '../../core/import/formats/formatResult';
import { MilestoneError } from '../../errors/MilestoneError';
import type { CommandDef } from '../CommandDef';
import { oneLine, short, table } from '../format';
import { SOURCE_FORMATS } from '../../import/plan';
import { renderFormatExport, renderFormatImport } from './formatImportText';
import type { FormatExportResult } from '../../core/export/exportFormat';

const FORMATS = ['legacy', 'json'] as const;
const ALL = [...FORMATS, ...SOURCE_FORMATS] as const;
type Format = (typeof ALL)[number] | 'auto';

function formatOf(flags: Record<string, unknown>, ...names: string[]): Format {
  const given = names.map((n) => flags[n]).filter((v): v is string => typeof v === 'string');
  if (given.length === 0) throw new MilestoneError('USAGE', `say which format: --${names[0]} legacy|json`);
  if (new Set(given).size > 1) throw new MilestoneError('USAGE', `--${names.join(' and --')} disagree`);
  return given[0] as Format;
}

export const importDef: CommandDef<ImportResult | FormatImportResult> = {
  summary: 'Import milestones from a legacy .milestones/ folder, a JSON export, or another tool\'s plan files.',
  description: 'Imports what is not there yet: running it twice changes nothing, and an interrupted import resumes. Legacy ids become aliases (`git milestone show milestone-001`); unknown fields are kept in extra. Files or lines that cannot be read are reported by file and line (exit status 1) and the rest is imported.',
  examples: [
    'git milestone import --from-format legacy',
    'git milestone import --from-format legacy --path ../old/.milestones --dry-run',
    'git milestone import --format json --path milestones.json',
    'git milestone import --from-format kiro --dry-run',
    'git milestone import --from-format auto --path ../other-project',
  ],
  flags: {
    'from-format': { type: 'string', options: [...ALL, 'auto'], description: 'Format of the source: legacy, json, kiro, cc-sdd, spec-kit, backlog, task-master or auto.' },
    format: { type: 'string', options: [...ALL, 'auto'], description: 'Same as --from-format.' },
    path: { type: 'string', description: 'Legacy folder (default: MILESTONE_DATA_PATH or .milestones/), JSON file, or the project folder holding .kiro/, specs/, backlog/, .taskmaster/ or tasks/ (default: the work tree).' },
    'dry-run': { type: 'boolean', description: 'Report what would be imported; write nothing.' },
  },
  async execute(ctx, input) {
    const o = { path: input.flags.path as string | undefined, dryRun: Boolean(input.flags['dry-run']) };
    const f = formatOf(input.flags, 'from-format', 'format');
    if (f !== 'json' && f !== 'legacy') return (await import('../../core/import/formats/importFormat')).importFormat(ctx, { ...o, format: f });
    if (f === 'json') return (await import('../../core/import/importJson')).importJson(ctx, o);
    return (await import('../../core/import/importLegacy')).importLegacy(ctx, o);
  },
  text: (r) => ('formats' in r ? renderFormatImport(r) : renderImport(r)),
  exitCode: (r) => (r.problems.length > 0 ? 1 : 0),
};

export function renderImport(r: ImportResult): string {
  const c = r.counts;
  const head = r.dryRun
    ? `Dry run: would import ${c.wouldCreate} milestone${c.wouldCreate === 1 ? '' : 's'} (${c.tasks} tasks) from ${oneLine(r.path)}; ${c.existing} already imported. Nothing was written.`
    : `Imported ${c.created} milestone${c.created === 1 ? '' : 's'} (${c.tasks} tasks) from ${oneLine(r.path)}; ${c.existing} already imported.`;
  const rows = r.milestones.map((m) => [m.action, m.legacyId === m.id ? short(m.id) : oneLine(m.legacyId), short(m.id), String(m.tasks), oneLine(m.file), oneLine(m.title)]);
  const lines = [head];
  if (rows.length) lines.push('', table(rows.slice(0, 200), ['ACTION', 'LEGACY ID', 'ID', 'TASKS', 'FILE', 'TITLE']));
  if (rows.length > 200) lines.push(`… and ${rows.length - 200} more (--json lists them all)`);
  const notes = r.milestones.flatMap((m) => m.warnings.map((w) => `note: ${m.file}: ${w}`));
  const problems = r.problems.map((p) => `warning: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  const skipped = r.skipped.map((s) => `skipped: ${s.file}: ${s.reason}`);
  for (const group of [notes, problems, skipped]) if (group.length) lines.push('', ...group.map(oneLine));
  return lines.join('\n');
}

export const exportDef: CommandDef<ExportResult | FormatExportResult> = {
  summary: 'Export every milestone as a legacy .milestones/ folder or as JSON.',
  description: 'The legacy export writes the layout the import reads (active/, completed/, sessions/, approvals/, state/events/), so a round trip keeps every field. The JSON export holds each milestone\'s operations and state (docs/import-export.md).',
  examples: [
    'git milestone export --format legacy --path exported/.milestones', 'git milestone export --format json --path milestones.json',
    'git milestone export --format kiro', 'git milestone export --format task-master --path ../app',
  ],
  flags: {
    format: { type: 'string', options: [...ALL, 'auto'], description: 'legacy, json, or write back into kiro, cc-sdd, spec-kit, backlog or task-master files.' },
    path: { type: 'string', description: 'Folder (legacy; required), file (json; default: standard output), or the project folder of a tool\'s plan (default: the work tree).' },
  },
  async execute(ctx, input) {
    const p = input.flags.path as string | undefined;
    const f = formatOf(input.flags, 'format');
    if (f !== 'json' && f !== 'legacy') return (await import('../../core/export/exportFormat')).exportFormat(ctx, { format: f, path: p });
    if (f === 'json') return (await import('../../core/export/exportJson')).exportJson(ctx, { path: p });
    return (await import('../../core/export/exportLegacy')).exportLegacy(ctx, { path: p });
  },
  text: (r) => ('formats' in r ? renderFormatExport(r) : r.document !== undefined ? r.document : `Exported ${r.milestones} milestone${r.milestones === 1 ? '' : 's'} (${r.files} file${r.files === 1 ? '' : 's'}) as ${r.format} to ${r.path}.`),
};
