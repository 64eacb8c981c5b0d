/**
 * `config validate` and the pre-commit hook: checks a settings file without applying it.
 * Never throws for bad content: syntax errors, wrong types and bad values come back as `errors`,
 * unknown keys as `warnings`. A missing file is fine (`exists: false`, ok). A webhook URL that is
 * not http(s) is an error here (named by its key); when settings are only read, it is skipped.
 */
import { parseWebhooks, WEBHOOKS_KEY } from '../domain/notify/webhooks';
import { MilestoneError } from '../errors/MilestoneError';
import { readConfigFile } from './readConfigFile';
import type { ConfigIssue, ReadFileFn } from './types';

export interface ValidateConfigFileResult {
  ok: boolean;
  exists: boolean;
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
}

export function validateConfigFile(opts: {
  path: string;
  /** Name to show in issues (e.g. the path relative to the work tree); defaults to `path`. */
  displayPath?: string;
  readFile?: (path: string) => string | null;
}): ValidateConfigFileResult {
  let check;
  try {
    check = readConfigFile({ path: opts.path, displayPath: opts.displayPath, readFile: opts.readFile as ReadFileFn | undefined });
  } catch (e) {
    const issues = e instanceof MilestoneError ? (e.data?.issues as ConfigIssue[] | undefined) : undefined;
    const fallback: ConfigIssue = {
      file: opts.displayPath ?? opts.path,
      path: '',
      message: e instanceof Error ? e.message : String(e),
      severity: 'error',
    };
    return { ok: false, exists: true, errors: issues ?? [fallback], warnings: [] };
  }
  const webhooks = check.values.notifications as Record<string, unknown> | undefined;
  const line = check.lines.get(WEBHOOKS_KEY);
  const badUrls = parseWebhooks(webhooks?.webhooks).problems.filter((p) => /^[^:]*\]\.url: /.test(p));
  const urls = badUrls.map((p): ConfigIssue => {
    const at = p.indexOf(': ');
    const where = { file: check.file, ...(line ? { line } : {}) };
    return { ...where, path: p.slice(0, at), message: p.slice(at + 2), severity: 'error' };
  });
  const errors = [...check.errors, ...urls];
  return { ok: errors.length === 0, exists: check.exists, errors, warnings: check.warnings };
}
