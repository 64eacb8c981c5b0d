/**
 * `git milestone config set KEY VALUE`: writes the shared YAML file (committed, so the team shares
 * it) keeping its comments, or with `--git` the repository's git config `milestone.KEY`. The value
 * is validated against the schema first; an invalid one writes nothing.
 */
import { maskSetting } from '../../config/maskSetting';
import { setConfigValue } from '../../config/setConfigValue';
import { validateValues } from '../../config/validateValues';
import { buildTree } from '../../config/layerTree';
import { configInvalidError } from '../../config/formatIssue';
import { parseValueString } from '../../config/setConfigValue';
import { MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';
import { readFileOrNull } from '../../config/readConfigFile';
import { keepTrustAcrossWrite } from '../trust/trustSettings';
import { settingsFile } from './settingsFile';

export interface ConfigSetResult {
  key: string;
  value: unknown;
  target: string;
}

/** `branch_prefix` → `milestone.branch-prefix`: git allows no `_` in names (keyMapping.ts reads it back). */
function toGitKey(key: string): string {
  const segs = key.split('.');
  segs[segs.length - 1] = segs[segs.length - 1].replace(/_/g, '-');
  return `milestone.${segs.join('.')}`;
}

export async function configSet(ctx: Context, o: { key: string; value: string; git: boolean }): Promise<ConfigSetResult> {
  if (o.git) {
    const gitKey = toGitKey(o.key);
    const value = parseValueString(o.value);
    const check = validateValues(buildTree([[o.key, value]]), () => ({ source: `git config ${gitKey}` }));
    if (check.errors.length > 0) throw configInvalidError(check.errors);
    ctx.git.configSet(gitKey, o.value);
    return { key: o.key, value: maskSetting(o.key, value), target: `git config ${gitKey}` };
  }
  const file = settingsFile(ctx);
  if (!file) {
    throw new MilestoneError('NEEDS_WORK_TREE', 'there is no settings file in a bare repository', { hint: 'Use `git milestone config set --git KEY VALUE`.' });
  }
  const before = readFileOrNull(file.path);
  const r = setConfigValue({ path: file.path, displayPath: file.display, key: o.key, value: o.value });
  const after = readFileOrNull(file.path);
  if (after !== null) keepTrustAcrossWrite(ctx, before, after);
  for (const w of r.warnings) ctx.env.err(`warning: ${w.path}: ${w.message}\n`);
  return { key: o.key, value: maskSetting(o.key, r.value), target: file.display };
}
