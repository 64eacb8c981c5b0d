/**
 * Settings for the hooks, through the one loader the commands use (config/loadConfig.ts), taking
 * only the keys the git integration acts on (GIT_SETTING_KEYS): git config read in-process where
 * it can be (settingsSources.ts), the MILESTONE_* environment, and the YAML file parsed only when its
 * text names one of those keys, so a commit loads yaml only then (and never ajv). The issues are the
 * loader's own, word for word; but a bad value is not an error here — a hook must never block a
 * commit over settings — it is ignored with a warning and the next lower layer (in the end the
 * built-in default) applies. Keys that need trust follow the same rule as for the commands.
 */
import { resolveConfig } from '../../config/loadConfig';
import { formatIssue } from '../../config/formatIssue';
import { isMilestoneError } from '../../errors/MilestoneError';
import { gitConfigEntries, loaderInput, type SettingsWhere } from '../config/settingsSources';
import { GIT_SETTING_KEYS, gitSettingsFromTree, type GitSettings } from './gitSettings';

export interface LeanSettings {
  settings: GitSettings;
  /** Raw git config entries read (milestone.*, core.commentchar, commit.cleanup). */
  gitConfig: Record<string, string>;
  warnings: string[];
}

const WANTED = /^milestone\.|^core\.commentchar$|^commit\.cleanup$/;

export function readLeanSettings(o: SettingsWhere): LeanSettings {
  const warnings: string[] = [];
  let gitConfig: Record<string, string> = {};
  try {
    gitConfig = gitConfigEntries(o, WANTED);
  } catch (e) {
    if (!isMilestoneError(e)) throw e;
    warnings.push(`ignoring git config: ${e.message}`);
  }
  const input = loaderInput(o, gitConfig, { flags: {}, keys: GIT_SETTING_KEYS });
  let r;
  try {
    r = resolveConfig(input);
  } catch (e) { // the file exists but cannot be read
    if (!isMilestoneError(e)) throw e;
    warnings.push(`ignoring ${e.message}`);
    r = resolveConfig({ ...input, yamlPath: null });
  }
  for (const e of r.errors) warnings.push(`ignoring ${formatIssue(e)}`);
  for (const w of r.warnings) warnings.push(formatIssue(w));
  return { settings: gitSettingsFromTree(r.values), gitConfig, warnings };
}
