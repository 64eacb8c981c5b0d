/**
 * Where the shared settings file lives: `<work tree>/.milestones/config/milestone-config.yaml`
 * (or under MILESTONE_DATA_PATH when set, like the earlier system). None in a bare repository.
 */
import * as path from 'node:path';
import type { RepoInfo } from '../../storage/ports';
import type { Context } from '../context';

export interface SettingsFile {
  path: string;
  /** Relative to the work tree where possible, for messages. */
  display: string;
}

type Where = { repo: RepoInfo; cwd: string; vars: Readonly<Record<string, string | undefined>> };

/** The `.milestones/` folder (settings, workflows, templates): MILESTONE_DATA_PATH, else in the work tree. */
export function milestonesDirOf(o: Where): string | null {
  return o.vars.MILESTONE_DATA_PATH
    ? path.resolve(o.cwd, o.vars.MILESTONE_DATA_PATH)
    : o.repo.workTree ? path.join(o.repo.workTree, '.milestones') : null;
}

export function milestonesDir(ctx: Context): string | null {
  return milestonesDirOf({ repo: ctx.repo, cwd: ctx.env.cwd, vars: ctx.env.vars });
}

export function settingsFileOf(o: Where): SettingsFile | null {
  const base = milestonesDirOf(o);
  if (base === null) return null;
  const file = path.join(base, 'config', 'milestone-config.yaml');
  const rel = o.repo.workTree ? path.relative(o.repo.workTree, file) : file;
  return { path: file, display: rel.startsWith('..') ? file : rel };
}

export function settingsFile(ctx: Context): SettingsFile | null {
  return settingsFileOf({ repo: ctx.repo, cwd: ctx.env.cwd, vars: ctx.env.vars });
}
