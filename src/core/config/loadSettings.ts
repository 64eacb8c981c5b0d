/**
 * The effective settings of this repository: defaults < shared YAML file < git config
 * `milestone.*` < MILESTONE_* environment < flags, with the origin of every value, through the
 * one loader (config/loadConfig.ts) the hooks use too. Loaded only by the commands that need
 * settings, so the others never pay for yaml.
 */
import { loadConfig } from '../../config/loadConfig';
import type { LoadConfigResult } from '../../config/types';
import type { Context } from '../context';
import { gitConfigEntries, loaderInput } from './settingsSources';

export async function loadSettings(ctx: Context, flags: Record<string, unknown> = {}): Promise<LoadConfigResult> {
  const where = { repo: ctx.repo, cwd: ctx.env.cwd, vars: ctx.env.vars, git: ctx.git };
  return loadConfig(loaderInput(where, gitConfigEntries(where), { flags }));
}
