/**
 * Loads the effective settings from five layers, lowest to highest: built-in defaults <
 * `.milestones/config/milestone-config.yaml` < git config `milestone.*` < `MILESTONE_*` variables <
 * command-line flags. Records the origin of every leaf. Any error in any layer throws
 * CONFIG_INVALID carrying every issue (nothing is partly applied); unknown keys only warn.
 */
import { coerceValue } from './coerceValue';
import { isKnownTopLevelKey, schemaNodeAt } from './configSchema';
import { defaultConfig } from './defaults';
import { configInvalidError } from './formatIssue';
import { envVarToPath, gitKeyToPath } from './keyMapping';
import { buildTree, mergeLayer, type Tree } from './layerTree';
import { readConfigFile } from './readConfigFile';
import type { ConfigIssue, ConfigLayer, ConfigOrigin, LoadConfigResult, MilestoneConfig, ReadFileFn } from './types';
import { describeValue, validateValues } from './validateValues';

export interface LoadConfigOptions {
  /** The committed settings file; null when there is no work tree. A missing file is fine. */
  yamlPath: string | null;
  /** How to name the file in issues and origins (e.g. relative to the work tree). */
  displayPath?: string;
  /** `git config` entries already read, e.g. {'milestone.auto-branch': 'true'}. */
  gitConfig: Record<string, string>;
  vars: Readonly<Record<string, string | undefined>>;
  /** Dotted path → value from command-line flags (strings are coerced like env values). */
  flags: Record<string, unknown>;
  readFile?: ReadFileFn;
}

interface Entry { path: string; value: unknown; source: string; coerce: boolean }

/** A git/env/flag layer: coerce each entry, build its tree, validate it naming each entry's source. */
function namedLayer(entries: Entry[], errors: ConfigIssue[], warnings: ConfigIssue[]) {
  const sourceOf = new Map<string, string>();
  const ok: Array<[string, unknown]> = [];
  for (const e of entries) {
    let value = e.value;
    if (e.coerce && typeof value === 'string') {
      const c = coerceValue(value, schemaNodeAt(e.path));
      if (!c.ok) {
        errors.push({ source: e.source, path: e.path, message: `expected ${c.expected}, got ${describeValue(value)}`, severity: 'error' });
        continue;
      }
      value = c.value;
    }
    ok.push([e.path, value]);
    sourceOf.set(e.path, e.source);
  }
  const find = (p: string): string | undefined => {
    for (let s = p.split('.'); s.length > 0; s = s.slice(0, -1)) {
      const hit = sourceOf.get(s.join('.'));
      if (hit) return hit;
    }
    return [...sourceOf].find(([k]) => k.startsWith(p + '.'))?.[1];
  };
  const tree = buildTree(ok);
  const check = validateValues(tree, (p) => ({ source: find(p) }));
  errors.push(...check.errors);
  warnings.push(...check.warnings);
  return { tree, source: (p: string) => find(p) ?? 'unknown' };
}

export function loadConfig(opts: LoadConfigOptions): LoadConfigResult {
  const errors: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  const values: Tree = {};
  const origins: Record<string, ConfigOrigin> = {};
  const layers: Array<{ layer: ConfigLayer; tree: Tree; origin: (p: string) => ConfigOrigin }> = [];

  layers.push({ layer: 'default', tree: defaultConfig(), origin: () => ({ layer: 'default', source: 'built-in default' }) });

  if (opts.yamlPath !== null) {
    const file = readConfigFile({ path: opts.yamlPath, displayPath: opts.displayPath, readFile: opts.readFile });
    errors.push(...file.errors);
    warnings.push(...file.warnings);
    const lineOf = (p: string) => file.lines.get(p);
    layers.push({ layer: 'file', tree: file.values, origin: (p) => ({ layer: 'file', source: file.file, line: lineOf(p) }) });
  }

  const gitEntries: Entry[] = [];
  for (const [key, raw] of Object.entries(opts.gitConfig)) {
    const p = gitKeyToPath(key);
    if (p) gitEntries.push({ path: p, value: raw, source: `git config ${key}`, coerce: true });
  }
  const envEntries: Entry[] = [];
  for (const [name, raw] of Object.entries(opts.vars)) {
    const p = raw === undefined || raw === '' ? null : envVarToPath(name);
    if (p && isKnownTopLevelKey(p.split('.')[0])) envEntries.push({ path: p, value: raw, source: name, coerce: true });
  }
  const flagEntries: Entry[] = [];
  for (const [key, value] of Object.entries(opts.flags)) {
    if (value !== undefined) flagEntries.push({ path: key, value, source: `flag ${key}`, coerce: true });
  }
  for (const [layer, entries] of [['git', gitEntries], ['env', envEntries], ['flag', flagEntries]] as const) {
    const named = namedLayer(entries, errors, warnings);
    layers.push({ layer, tree: named.tree, origin: (p) => ({ layer, source: named.source(p) }) });
  }

  if (errors.length > 0) throw configInvalidError([...errors, ...warnings]);
  for (const l of layers) mergeLayer(values, l.tree, origins, l.origin);
  return { values: values as MilestoneConfig, origins, warnings };
}
