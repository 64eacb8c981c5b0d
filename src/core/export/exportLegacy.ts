/**
 * `git milestone export --format legacy --path DIR`: writes every live milestone in the legacy
 * `.milestones/` layout (src/legacy/toLegacyFiles.ts), so the earlier system (or a re-import) reads
 * it back with every field. Files are written in place (existing files of the same name are
 * replaced, others are left alone). YAML is written in 1.1-safe form: strings that a YAML 1.1
 * reader would take for dates, booleans or numbers are quoted.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MilestoneError } from '../../errors/MilestoneError';
import { toLegacyFiles, type LegacyOutFile } from '../../legacy/toLegacyFiles';
import type { Context } from '../context';
import { readAllMilestones } from '../readAllMilestones';
import type { ExportResult } from './exportJson';

export function renderLegacyFile(f: LegacyOutFile): string {
  if (f.kind === 'text') return f.value as string;
  if (f.kind === 'jsonl') return (f.value as unknown[]).map((e) => `${JSON.stringify(e)}\n`).join('');
  const YAML = require('yaml') as typeof import('yaml');
  return YAML.stringify(f.value, { version: '1.1', lineWidth: 0, minContentWidth: 0 });
}

export async function exportLegacy(ctx: Context, o: { path?: string }): Promise<ExportResult> {
  if (!o.path) throw new MilestoneError('USAGE', 'export --format legacy needs --path DIR (the folder to write, e.g. .milestones)');
  const root = path.resolve(ctx.env.cwd, o.path);
  const states = await readAllMilestones(ctx);
  const names = new Map(states.map((s) => [s.id, s.aliases[0] ?? s.id]));
  const name = (id: string): string => names.get(id) ?? id;
  const taken = new Set<string>();
  const files = states.flatMap((s) => toLegacyFiles(s, name(s.id), name, taken));
  for (const f of files) {
    const target = path.join(root, ...f.file.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, renderLegacyFile(f));
  }
  ctx.env.log.info('exported legacy folder', { path: root, milestones: states.length, files: files.length });
  return { format: 'legacy', path: root, milestones: states.length, files: files.length };
}
