/**
 * The one settings loader. Five layers, lowest to highest: built-in defaults <
 * `.milestones/config/milestone-config.yaml` < git config `milestone.*` < `MILESTONE_*` variables <
 * command-line flags; the origin of every leaf is recorded. `resolveConfig` never throws for bad
 * content: it returns every error and warning, and a value with an error is left out (the next
 * lower layer applies), which is what the hooks use. `loadConfig` (the commands) throws
 * CONFIG_INVALID carrying every issue instead, so nothing is partly applied. Unknown keys only warn.
 * Keys that need trust (trustRules.ts) are taken from the file only while this clone trusts it.
 */
import { coerceValue } from './coerceValue';
import { isKnownTopLevelKey, schemaNodeAt } from './configSchema';
import { defaultConfig } from './defaults';
import { configInvalidError } from './formatIssue';
import { envVarToPath, gitKeyToPath } from './keyMapping';
import { buildTree, isPlainObject, mergeLayer, type Tree } from './layerTree';
import { concernsKeys, readConfigFile } from './readConfigFile';
import { fileTrust } from './fileTrust';
import type { ConfigIssue, ConfigLayer, ConfigOrigin, LoadConfigResult, MilestoneConfig, ReadFileFn, SettingsTrust } from './types';
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
  /** Only these dotted keys (the hooks' lean read): issues and values about other keys are skipped. */
  keys?: readonly string[];
}

export interface ResolvedConfig extends LoadConfigResult {
  errors: ConfigIssue[];
}

interface Entry { path: string; value: unknown; source: string }

/** Removes dotted paths (and what is under them) from a tree in place, and the sections left empty. */
function dropPaths(tree: Tree, paths: Iterable<string>): void {
  const drop = (node: Tree, segments: string[]): void => {
    const [head, ...rest] = segments;
    if (!Object.prototype.hasOwnProperty.call(node, head)) return;
    const child = node[head];
    if (rest.length === 0) delete node[head];
    else if (isPlainObject(child)) {
      drop(child, rest);
      if (Object.keys(child).length === 0) delete node[head];
    }
  };
  for (const p of paths) drop(tree, p.split('.'));
}

/** A git/env/flag layer: coerce each entry, build its tree, validate it naming each entry's source. */
function namedLayer(entries: Entry[], errors: ConfigIssue[], warnings: ConfigIssue[]) {
  const sourceOf = new Map<string, string>();
  const ok: Array<[string, unknown]> = [];
  for (const e of entries) {
    let value = e.value;
    if (typeof value === 'string') {
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
  dropPaths(tree, check.errors.map((e) => e.path));
  errors.push(...check.errors);
  warnings.push(...check.warnings);
  return { tree, source: (p: string) => find(p) ?? 'unknown' };
}

function entriesOf(opts: LoadConfigOptions): Record<'git' | 'env' | 'flag', Entry[]> {
  const wanted = (p: string) => !opts.keys || concernsKeys(p, opts.keys);
  const out: Record<'git' | 'env' | 'flag', Entry[]> = { git: [], env: [], flag: [] };
  for (const [key, raw] of Object.entries(opts.gitConfig)) {
    const p = gitKeyToPath(key);
    if (p && wanted(p)) out.git.push({ path: p, value: raw, source: `git config ${key}` });
  }
  for (const [name, raw] of Object.entries(opts.vars)) {
    const p = raw === undefined || raw === '' ? null : envVarToPath(name);
    if (p && wanted(p) && isKnownTopLevelKey(p.split('.')[0])) out.env.push({ path: p, value: raw, source: name });
  }
  for (const [key, value] of Object.entries(opts.flags)) {
    if (value !== undefined && wanted(key)) out.flag.push({ path: key, value, source: `flag ${key}` });
  }
  return out;
}

export function resolveConfig(opts: LoadConfigOptions): ResolvedConfig {
  const errors: ConfigIssue[] = [];
  const warnings: ConfigIssue[] = [];
  const values: Tree = {};
  const origins: Record<string, ConfigOrigin> = {};
  const layers: Array<{ layer: ConfigLayer; tree: Tree; origin: (p: string) => ConfigOrigin }> = [];
  let trust: SettingsTrust = { file: null, state: 'not-needed', keys: [], ignored: [] };

  layers.push({ layer: 'default', tree: defaultConfig(), origin: () => ({ layer: 'default', source: 'built-in default' }) });

  if (opts.yamlPath !== null) {
    const file = readConfigFile({ path: opts.yamlPath, displayPath: opts.displayPath, readFile: opts.readFile, keys: opts.keys });
    errors.push(...file.errors);
    warnings.push(...file.warnings);
    dropPaths(file.values, file.errors.map((e) => e.path).filter((p) => p !== ''));
    trust = fileTrust(file, opts.gitConfig);
    if (trust.ignored.length > 0) {
      dropPaths(file.values, trust.ignored);
      const message = 'ignored: the file is not trusted (check it, then run `git milestone trust`)';
      warnings.push({ file: file.file, path: trust.ignored.join(', '), message, severity: 'warning' });
    }
    const lineOf = (p: string) => file.lines.get(p);
    layers.push({ layer: 'file', tree: file.values, origin: (p) => ({ layer: 'file', source: file.file, line: lineOf(p) }) });
  }

  const entries = entriesOf(opts);
  for (const layer of ['git', 'env', 'flag'] as const) {
    const named = namedLayer(entries[layer], errors, warnings);
    layers.push({ layer, tree: named.tree, origin: (p) => ({ layer, source: named.source(p) }) });
  }

  for (const l of layers) mergeLayer(values, l.tree, origins, l.origin);
  return { values: values as MilestoneConfig, origins, warnings, errors, trust };
}

export function loadConfig(opts: LoadConfigOptions): LoadConfigResult {
  const r = resolveConfig(opts);
  if (r.errors.length > 0) throw configInvalidError([...r.errors, ...r.warnings]);
  return { values: r.values, origins: r.origins, warnings: r.warnings, trust: r.trust };
}
