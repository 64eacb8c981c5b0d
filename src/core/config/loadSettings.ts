/**
 * The effective settings of this repository: defaults < shared YAML file < git config
 * `milestone.*` < MILESTONE_* environment < flags, with the origin of every value. Loaded only by
 * the commands that need settings, so the others never pay for yaml and ajv.
 */
import { loadConfig } from '../../config/loadConfig';
import { readGitConfig } from '../../config/readGitConfig';
import type { LoadConfigResult } from '../../config/types';
import type { Context } from '../context';
import { settingsFile } from './settingsFile';

export async function loadSettings(ctx: Context, flags: Record<string, unknown> = {}): Promise<LoadConfigResult> {
  const file = settingsFile(ctx);
  const gitConfig = await readGitConfig({ cwd: ctx.repo.workTree ?? ctx.repo.gitDir, env: ctx.env.vars as NodeJS.ProcessEnv });
  return loadConfig({ yamlPath: file?.path ?? null, displayPath: file?.display, gitConfig, vars: ctx.env.vars, flags });
}
