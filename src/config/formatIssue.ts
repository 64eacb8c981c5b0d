/**
 * Words a ConfigIssue as one line (`file:line: path: message`, or `MILESTONE_X: path: message`)
 * and builds the CONFIG_INVALID error that carries every issue in `data.issues`.
 */
import { MilestoneError } from '../errors/MilestoneError';
import type { ConfigIssue } from './types';

export function formatIssue(issue: ConfigIssue): string {
  const where = issue.file
    ? [issue.file, issue.line, issue.line !== undefined ? issue.col : undefined].filter((x) => x !== undefined).join(':')
    : issue.source;
  const parts = [where, issue.path || undefined, issue.message].filter((x) => x !== undefined && x !== '');
  return parts.join(': ');
}

/** The error thrown when settings cannot be used; never partly applied. */
export function configInvalidError(issues: ConfigIssue[], hint?: string): MilestoneError {
  const errors = issues.filter((i) => i.severity === 'error');
  const first = errors[0] ?? issues[0];
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  const message = `invalid settings: ${first ? formatIssue(first) : 'unknown problem'}${more}`;
  return new MilestoneError('CONFIG_INVALID', message, {
    hint: hint ?? 'Fix the setting shown, then check with `git milestone config validate`.',
    data: { issues },
  });
}
