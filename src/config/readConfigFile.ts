/**
 * Reads and checks one settings file: YAML syntax, then the schema. Returns the values with the
 * line of every key, and all issues; it never throws for bad content (only when the file exists
 * but cannot be read). Shared by loadConfig (file layer) and validateConfigFile.
 */
import * as fs from 'fs';
import { MilestoneError } from '../errors/MilestoneError';
import type { Tree } from './layerTree';
import { parseConfigYaml } from './parseConfigYaml';
import type { ConfigIssue, ReadFileFn } from './types';
import { validateValues } from './validateValues';

export interface ConfigFileCheck {
  exists: boolean;
  /** The name used in issues and origins (the display path, else the path). */
  file: string;
  values: Tree;
  lines: Map<string, number>;
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
}

/** fs.readFileSync that returns null for a missing file. */
export const readFileOrNull: ReadFileFn = (p) => {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw e;
  }
};

export function readConfigFile(opts: { path: string; displayPath?: string; readFile?: ReadFileFn }): ConfigFileCheck {
  const file = opts.displayPath ?? opts.path;
  const read = opts.readFile ?? readFileOrNull;
  let text: string | null;
  try {
    text = read(opts.path);
  } catch (e) {
    const issue: ConfigIssue = { file, path: '', message: `cannot read settings file: ${(e as Error).message}`, severity: 'error' };
    throw new MilestoneError('CONFIG_INVALID', `${file}: ${issue.message}`, {
      hint: 'Check the file permissions.',
      data: { issues: [issue] },
      cause: e,
    });
  }
  const check: ConfigFileCheck = { exists: text !== null, file, values: {}, lines: new Map(), errors: [], warnings: [] };
  if (text === null) return check;

  const parsed = parseConfigYaml({ text, file });
  check.values = parsed.values;
  check.lines = parsed.lines;
  check.errors.push(...parsed.errors);
  check.warnings.push(...parsed.warnings);
  if (parsed.errors.length > 0) return check;

  const lineOf = (dotted: string): number | undefined => {
    const segments = dotted.split('.');
    for (let n = segments.length; n > 0; n--) {
      const line = parsed.lines.get(segments.slice(0, n).join('.'));
      if (line) return line;
    }
    return undefined;
  };
  const schemaCheck = validateValues(parsed.values, (p) => ({ file, line: lineOf(p) }));
  const byLine = (a: ConfigIssue, b: ConfigIssue) => (a.line ?? 0) - (b.line ?? 0);
  check.errors.push(...schemaCheck.errors.sort(byLine));
  check.warnings.push(...schemaCheck.warnings.sort(byLine));
  return check;
}
