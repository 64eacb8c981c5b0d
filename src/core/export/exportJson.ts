/**
 * `git milestone export --format json [--path FILE]`: every milestone entity, deleted ones too,
 * with its operations (fold order) and its state, as one JSON document (docs/import-export.md):
 *   {"format": "git-milestone", "version": 1, "milestones": [{"id", "ops": [...], "state": {...}}]}
 * `import --format json` replays the operations, so ids, authors and times survive the trip.
 * Without --path the document is the command's output (the same with or without --json).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Context } from '../context';

/** What an export reports: the format, where it went (null: standard output), and how much. */
export interface ExportResult {
  format: 'legacy' | 'json';
  path: string | null;
  milestones: number;
  files: number;
  /** The JSON document, when it goes to standard output. */
  document?: string;
}

export const JSON_FORMAT = 'git-milestone';
export const JSON_VERSION = 1;

export async function exportJson(ctx: Context, o: { path?: string }): Promise<ExportResult> {
  const ids = [...(await ctx.milestones.list()).keys()].sort();
  const milestones = [];
  for (const id of ids) {
    const h = await ctx.milestones.history(id);
    milestones.push({ id, ops: h.ops.map((s) => s.op), state: h.state });
  }
  const text = `${JSON.stringify({ format: JSON_FORMAT, version: JSON_VERSION, milestones }, null, 2)}\n`;
  if (!o.path) {
    // The document itself is the output, with or without --json.
    const result: ExportResult = { format: 'json', path: null, milestones: milestones.length, files: 0, document: text };
    return Object.defineProperty(result, 'jsonText', { value: () => Buffer.from(text, 'utf8'), enumerable: false });
  }
  const file = path.resolve(ctx.env.cwd, o.path);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return { format: 'json', path: file, milestones: milestones.length, files: 1 };
}
