/**
 * A cheap key that changes whenever the settings that pick a backend may have changed: the stat
 * (mtime, size) of the settings file and of every git config file git reads (system, global,
 * repository, worktree), and a hash of the environment variables that are settings or move git
 * config. Computing it costs a few stat calls; loading the settings costs yaml and ajv (≈70 ms).
 * Files pulled in by git's `include.path` are not followed: `scale --recalculate` after changing one.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { changeToken } from '../../domain/changeToken';
import type { Context } from '../context';
import { settingsFile } from '../config/settingsFile';

function stamp(file: string | null | undefined): string {
  if (!file) return '-';
  try {
    const st = fs.statSync(file);
    return `${st.mtimeMs}:${st.size}`;
  } catch {
    return '-';
  }
}

export function gitConfigFiles(ctx: Context): string[] {
  const v = ctx.env.vars;
  const home = v.HOME ?? os.homedir();
  const global = v.GIT_CONFIG_GLOBAL
    ? [v.GIT_CONFIG_GLOBAL]
    : [path.join(v.XDG_CONFIG_HOME || path.join(home, '.config'), 'git', 'config'), path.join(home, '.gitconfig')];
  const system = v.GIT_CONFIG_NOSYSTEM ? [] : [v.GIT_CONFIG_SYSTEM || '/etc/gitconfig'];
  return [...system, ...global, path.join(ctx.repo.commonDir, 'config'), path.join(ctx.repo.gitDir, 'config.worktree')];
}

export function settingsKey(ctx: Context): string {
  const env = Object.entries(ctx.env.vars)
    .filter(([k]) => k.startsWith('MILESTONE_') || k.startsWith('GIT_CONFIG') || k === 'DATABASE_URL')
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const parts = [JSON.stringify(env), `settings ${stamp(settingsFile(ctx)?.path)}`];
  for (const f of gitConfigFiles(ctx)) parts.push(`${f} ${stamp(f)}`);
  return changeToken(parts.join('\n'));
}
