/**
 * `git milestone config validate [FILE]`: checks a settings file (default: the shared one) and
 * the git config / environment layers; reports every issue with file, line and key. Never throws
 * for bad content: the result says what is wrong and the command exits 1. A FILE named that does
 * not exist is NOT_FOUND (exit 3); the shared file may be missing (nothing to check).
 */
import { validateConfigFile } from '../../config/validateConfigFile';
import type { ConfigIssue } from '../../config/types';
import { isMilestoneError, MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';
import { loadSettings } from './loadSettings';
import { settingsFile } from './settingsFile';

export interface ConfigValidateResult {
  ok: boolean;
  file: string | null;
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
}

export async function configValidate(ctx: Context, o: { file?: string }): Promise<ConfigValidateResult> {
  const shared = settingsFile(ctx);
  const target = o.file ?? shared?.path ?? null;
  const fileCheck = target ? validateConfigFile({ path: target, displayPath: o.file ?? shared?.display }) : { exists: false, errors: [], warnings: [] };
  if (o.file && !fileCheck.exists) {
    throw new MilestoneError('NOT_FOUND', `no such settings file: ${o.file}`, {
      hint: 'Name an existing file, or run `git milestone config validate` to check the shared settings file.',
      data: { file: o.file },
    });
  }
  const errors = [...fileCheck.errors];
  const warnings = [...fileCheck.warnings];
  if (!o.file) {
    try {
      warnings.push(...(await loadSettings(ctx)).warnings.filter((w) => !w.file));
    } catch (e) {
      if (!isMilestoneError(e) || e.code !== 'CONFIG_INVALID') throw e;
      const issues = (e.data?.issues ?? []) as ConfigIssue[];
      errors.push(...issues.filter((i) => !i.file && i.severity === 'error'));
    }
  }
  return { ok: errors.length === 0, file: o.file ?? shared?.display ?? null, errors, warnings };
}
