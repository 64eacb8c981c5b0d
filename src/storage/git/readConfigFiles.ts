/**
 * git config values read in-process, for the commit-msg hook's start-up budget (loading
 * child_process and spawning `git config` costs it ≈7 ms). Reads what git reads, in git's order:
 * system (GIT_CONFIG_SYSTEM, else /etc/gitconfig; none with GIT_CONFIG_NOSYSTEM), global
 * (GIT_CONFIG_GLOBAL, else $XDG_CONFIG_HOME/git/config then ~/.gitconfig), the repository's config,
 * config.worktree (with extensions.worktreeConfig), then `git -c` / GIT_CONFIG_COUNT values. Returns
 * null — the caller then asks git itself — whenever it cannot be sure to give git's answer: an
 * include, a continued line, GIT_CONFIG, or command-line values it cannot parse. (A git built with
 * another system config path than /etc/gitconfig is not followed there.)
 */
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { configBool, parseGitConfig } from './gitConfig';
import type { FsLike } from './types';

export interface ReadConfigFilesOptions {
  gitDir: string;
  commonDir: string;
  vars: Readonly<Record<string, string | undefined>>;
  /** Lowercased full key (`milestone.commit-format`) → whether to keep it. */
  want: (key: string) => boolean;
  fs?: Pick<FsLike, 'readFileSync'>;
}

export function readConfigFiles(o: ReadConfigFilesOptions): Record<string, string> | null {
  const fs = o.fs ?? nodeFs;
  const v = o.vars;
  if (v.GIT_CONFIG !== undefined) return null;
  const home = v.HOME ?? '';
  const files: string[] = [];
  if (!v.GIT_CONFIG_NOSYSTEM || v.GIT_CONFIG_NOSYSTEM === '0' || v.GIT_CONFIG_NOSYSTEM === 'false') files.push(v.GIT_CONFIG_SYSTEM ?? '/etc/gitconfig');
  if (v.GIT_CONFIG_GLOBAL !== undefined) files.push(v.GIT_CONFIG_GLOBAL);
  else files.push(path.join(v.XDG_CONFIG_HOME || path.join(home, '.config'), 'git', 'config'), path.join(home, '.gitconfig'));
  files.push(path.join(o.commonDir, 'config'));
  const out: Record<string, string> = {};
  for (let i = 0; i < files.length; i++) {
    let text: string;
    try {
      text = String(fs.readFileSync(files[i], 'utf8'));
    } catch {
      continue;
    }
    if (/^\s*\[\s*include/im.test(text) || /\\\r?\n/.test(text)) return null;
    const parsed = parseGitConfig(text);
    for (const [k, val] of parsed) if (o.want(k)) out[k] = val;
    if (i === files.length - 1 && files[i] === path.join(o.commonDir, 'config') && configBool(parsed, 'extensions.worktreeconfig')) {
      files.push(path.join(o.gitDir, 'config.worktree'));
    }
  }
  const cmd = commandLine(v);
  if (cmd === null) return null;
  for (const [k, val] of cmd) if (o.want(k)) out[k] = val;
  return out;
}

/** `git -c` values (GIT_CONFIG_PARAMETERS) and GIT_CONFIG_COUNT/KEY_n/VALUE_n; null when unsure. */
function commandLine(v: ReadConfigFilesOptions['vars']): Array<[string, string]> | null {
  const out: Array<[string, string]> = [];
  const params = v.GIT_CONFIG_PARAMETERS ?? '';
  const re = /\s*'((?:[^']|'\\'')*)'(?:='((?:[^']|'\\'')*)')?/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < params.trim().length && (m = re.exec(params)) !== null) {
    at = re.lastIndex;
    const unq = (s: string) => s.replace(/'\\''/g, "'");
    const key = unq(m[1]);
    if (m[2] !== undefined) out.push([lowerKey(key), unq(m[2])]);
    else {
      const eq = key.indexOf('=');
      out.push(eq < 0 ? [lowerKey(key), 'true'] : [lowerKey(key.slice(0, eq)), key.slice(eq + 1)]);
    }
  }
  if (params.slice(at).trim() !== '') return null;
  const count = Number(v.GIT_CONFIG_COUNT ?? 0);
  if (!Number.isInteger(count) || count < 0) return null;
  for (let i = 0; i < count; i++) {
    const key = v[`GIT_CONFIG_KEY_${i}`];
    if (key === undefined) return null;
    out.push([lowerKey(key), v[`GIT_CONFIG_VALUE_${i}`] ?? '']);
  }
  return out;
}

/** git's canonical key: section and variable name lowercased, subsection kept. */
function lowerKey(key: string): string {
  const first = key.indexOf('.');
  const last = key.lastIndexOf('.');
  if (first < 0) return key.toLowerCase();
  return `${key.slice(0, first).toLowerCase()}${key.slice(first, last)}${key.slice(last).toLowerCase()}`;
}
