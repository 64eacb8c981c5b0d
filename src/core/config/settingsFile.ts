/**
 * Where the shared settings file lives: `<work tree>/.milestones/config/milestone-config.yaml`
 * (or under MILESTONE_DATA_PATH when set, like the earlier system). None in a bare repository.
 */
import * as path from 'node:path';
import type { Context } from '../context';

export interface SettingsFile {
  path: string;
  /** Relative to the work tree where possible, for messages. */
  display: string;
}

export function settingsFile(ctx: Context): SettingsFile | null {
  const base = ctx.env.vars.MILESTONE_DATA_PATH
    ? path.resolve(ctx.env.cwd, ctx.env.vars.MILESTONE_DATA_PATH)
    : ctx.repo.workTree ? path.join(ctx.repo.workTree, '.milestones') : null;
  if (base === null) return null;
  const file = path.join(base, 'config', 'milestone-config.yaml');
  const rel = ctx.repo.workTree ? path.relative(ctx.repo.workTree, file) : file;
  return { path: file, display: rel.startsWith('..') ? file : rel };
}
