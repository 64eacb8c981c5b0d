/**
 * Settings for the hooks, read the cheap way: git config milestone.* (plus the two core keys the
 * commit-msg hook needs) read in-process from git's config files, or by one `git config
 * --get-regexp` when that cannot be sure (storage/git/readConfigFiles.ts), the MILESTONE_* environment, and the YAML file only when
 * its text names one of the wanted keys (so yaml is loaded only then; ajv never). A bad value is not
 * an error here — a hook must never block a commit over settings — it is skipped with a warning and
 * the next lower layer (in the end the built-in default) applies.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { coerceValue } from '../../config/coerceValue';
import { schemaNodeAt, type SchemaNode } from '../../config/configSchema';
import { envVarToPath, gitKeyToPath } from '../../config/keyMapping';
import type { RepoInfo } from '../../storage/git/types';
import { readConfigFiles } from '../../storage/git/readConfigFiles';
import { GIT_SETTING_KEYS, gitSettingsFrom, type GitSettings } from './gitSettings';

export interface LeanSettings {
  settings: GitSettings;
  /** Raw git config entries read (milestone.*, core.commentchar, commit.cleanup). */
  gitConfig: Record<string, string>;
  warnings: string[];
}

export function readLeanSettings(o: { repo: RepoInfo; cwd: string; vars: Readonly<Record<string, string | undefined>> }): LeanSettings {
  const warnings: string[] = [];
  const gitConfig = readGitSide(o);
  const layers: Array<{ source: (k: string) => string; values: Map<string, unknown>; raw: boolean }> = [];
  const env = new Map<string, unknown>();
  for (const [name, v] of Object.entries(o.vars)) {
    const p = v ? envVarToPath(name) : null;
    if (p) env.set(p, v);
  }
  const git = new Map<string, unknown>();
  for (const [key, v] of Object.entries(gitConfig)) {
    const p = gitKeyToPath(key);
    if (p) git.set(p, v);
  }
  layers.push({ source: (k) => `MILESTONE_${k.toUpperCase().replace(/\./g, '__')}`, values: env, raw: true });
  layers.push({ source: (k) => `git config milestone.${k}`, values: git, raw: true });
  const file = settingsPath(o);
  if (file) layers.push({ source: (k) => `${file.display} (${k})`, values: readYaml(file, warnings), raw: false });
  const pick = (key: string): unknown => {
    if (!layers.some((l) => l.values.has(key))) return undefined;
    const node = schemaNodeAt(key);
    for (const l of layers) {
      if (!l.values.has(key)) continue;
      const v = l.values.get(key);
      const c = l.raw && typeof v === 'string' ? coerceValue(v, node) : { ok: fits(v, node), value: v };
      if (c.ok) return c.value;
      warnings.push(`ignoring ${l.source(key)}: not a valid value`);
    }
    return undefined;
  };
  return { settings: gitSettingsFrom(pick), gitConfig, warnings };
}

const WANTED = (k: string) => k.startsWith('milestone.') || k === 'core.commentchar' || k === 'commit.cleanup';

/** The git config entries wanted, read in-process when that is sure to match git, else by git. */
function readGitSide(o: { repo: RepoInfo; cwd: string; vars: Readonly<Record<string, string | undefined>> }): Record<string, string> {
  const direct = readConfigFiles({ gitDir: o.repo.gitDir, commonDir: o.repo.commonDir, vars: o.vars, want: WANTED });
  if (direct) return direct;
  const { gitRaw } = require('../../storage/git/runGit') as typeof import('../../storage/git/runGit');
  const { parseGitConfigZ } = require('../../config/readGitConfig') as typeof import('../../config/readGitConfig');
  const cfg = gitRaw(['config', '-z', '--get-regexp', '^milestone\\.|^core\\.commentchar$|^commit\\.cleanup$'], { cwd: o.cwd, vars: o.vars });
  return cfg.status === 0 ? parseGitConfigZ(cfg.stdout) : {};
}

function fits(v: unknown, node: SchemaNode | undefined): boolean {
  if (!node) return true;
  if (node.enum) return node.enum.includes(v);
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  return types.some((t) => (t === 'integer' ? Number.isInteger(v) && (v as number) >= 0 : typeof v === t));
}

function settingsPath(o: { repo: RepoInfo; cwd: string; vars: Readonly<Record<string, string | undefined>> }) {
  const base = o.vars.MILESTONE_DATA_PATH ? path.resolve(o.cwd, o.vars.MILESTONE_DATA_PATH) : o.repo.workTree ? path.join(o.repo.workTree, '.milestones') : null;
  if (!base) return null;
  const p = path.join(base, 'config', 'milestone-config.yaml');
  return { path: p, display: o.repo.workTree ? path.relative(o.repo.workTree, p) : p };
}

/** The wanted keys from the YAML file, parsed only when its text mentions one of them. */
function readYaml(file: { path: string; display: string }, warnings: string[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  let text: string;
  try {
    text = fs.readFileSync(file.path, 'utf8');
  } catch {
    return out;
  }
  const words = GIT_SETTING_KEYS.map((k) => k.split('.').pop() as string);
  if (!words.some((w) => text.includes(w))) return out;
  const { parseConfigYaml } = require('../../config/parseConfigYaml') as typeof import('../../config/parseConfigYaml');
  const parsed = parseConfigYaml({ text, file: file.display });
  if (parsed.errors.length > 0) {
    warnings.push(`ignoring ${file.display}: ${parsed.errors[0].message}${parsed.errors[0].line ? ` (line ${parsed.errors[0].line})` : ''}`);
    return out;
  }
  for (const key of GIT_SETTING_KEYS) {
    const v = key.split('.').reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined), parsed.values);
    if (v !== undefined) out.set(key, v);
  }
  return out;
}
