/** Helpers shared by the import tests: the fixture folder, file listings and legacy files as data. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';

export const TREE = path.resolve(__dirname, '../../../fixtures/legacy/tree');

/** Every file under `dir`, relative, `/`-separated, sorted. */
export function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)).split(path.sep).join('/'))
    .sort();
}

/** A legacy file as data: YAML parsed, JSON Lines without the lines that are not JSON, text trimmed. */
export function parsed(file: string): unknown {
  const text = fs.readFileSync(file, 'utf8');
  if (file.endsWith('.jsonl')) return text.split('\n').flatMap((l) => { try { return [JSON.parse(l)]; } catch { return []; } });
  return file.endsWith('.txt') ? text.trim() : YAML.parse(text);
}
