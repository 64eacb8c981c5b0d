/**
 * `git milestone config set KEY VALUE`: writes the shared YAML file (committed, so the team shares
 * it) keeping its comments, or with `--git` the repository's git config `milestone.KEY`. The value
 * is validated against the schema first; an invalid one writes nothing.
 */
import { execFileSync } from 'node:child_process';
import { setConfigValue } from '../../config/setConfigValue';
import { validateValues } from '../../config/validateValues';
import { buildTree } from '../../config/layerTree';
import { configInvalidError } from '../../config/formatIssue';
import { parseValueString } from '../../config/setConfigValue';
import { MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';
import { settingsFile } from './settingsFile';

export interface ConfigSetResult {
  key: string;
  value: unknown;
  target: string;
}

export async function configSet(ctx: Context, o: { key: string; value: string; git: boolean }): Promise<ConfigSetResult> {
  if (o.git) {
    const check = validateValues(buildTree([[o.key, parseValueString(o.value)]]), () => ({ source: `git config milestone.${o.key}` }));
    if (check.errors.length > 0) throw configInvalidError(check.errors);
    execFileSync('git', ['config', `milestone.${o.key}`, o.value], { cwd: ctx.repo.workTree ?? ctx.repo.gitDir, stdio: 'pipe' });
    return { key: o.key, value: o.value, target: `git config milestone.${o.key}` };
  }
  const file = settingsFile(ctx);
  if (!file) {
    throw new MilestoneError('NEEDS_WORK_TREE', 'there is no settings file in a bare repository', { hint: 'Use `git milestone config set --git KEY VALUE`.' });
  }
  const r = setConfigValue({ path: file.path, displayPath: file.display, key: o.key, value: o.value });
  for (const w of r.warnings) ctx.env.err(`warning: ${w.path}: ${w.message}\n`);
  return { key: o.key, value: r.value, target: file.display };
}
