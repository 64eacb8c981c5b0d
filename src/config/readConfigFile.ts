/**
 * Reads and checks one settings file: YAML syntax, then the schema. Returns the values with the
 * line of every key, and all issues; it never throws for bad content (only when the file exists
 * but cannot be read). Shared by loadConfig (file layer) and validateConfigFile. With `keys` (the
 * hooks' lean read) only those keys are taken and checked, and yaml is not even loaded when the
 * text cannot set any of them (it names none of their last segments).
 */
import * as fs from 'fs';
import { MilestoneError } from '../errors/MilestoneError';
import { isPlainObject, type Tree } from './layerTree';
import { parseConfigYaml } from './parseConfigYaml';
import type { ConfigIssue, ReadFileFn } from './types';
import { validateValues } from './validateValues';

export interface ConfigFileCheck {
  exists: boolean;
  /** The file's text (null when it does not exist). */
  text: string | null;
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

/** The part of `tree` that can set one of `keys` (a non-object where a key needs a section is kept). */
export function pickKeys(tree: Tree, keys: readonly string[]): Tree {
  const out: Tree = {};
  for (const key of keys) {
    let node: unknown = tree;
    let into = out;
    const segments = key.split('.');
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i];
      if (!isPlainObject(node) || !Object.prototype.hasOwnProperty.call(node, s)) break;
      const next: unknown = node[s];
      if (i === segments.length - 1 || !isPlainObject(next)) {
        into[s] = next;
        break;
      }
      into = (into[s] ??= {}) as Tree;
      node = next;
    }
  }
  return out;
}

/** Whether an issue at dotted `path` is about one of `keys` ('' is the whole file). */
export function concernsKeys(path: string, keys: readonly string[]): boolean {
  return path === '' || keys.some((k) => k === path || k.startsWith(path + '.') || path.startsWith(k + '.'));
}

export function readConfigFile(opts: { path: string; displayPath?: string; readFile?: ReadFileFn; keys?: readonly string[] }): ConfigFileCheck {
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
  const check: ConfigFileCheck = { exists: text !== null, text, file, values: {}, lines: new Map(), errors: [], warnings: [] };
  if (text === null) return check;
  const keys = opts.keys;
  if (keys && !keys.some((k) => text.includes(k.slice(k.lastIndexOf('.') + 1)))) return check;

  const parsed = parseConfigYaml({ text, file });
  if (keys) parsed.values = pickKeys(parsed.values, keys);
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
