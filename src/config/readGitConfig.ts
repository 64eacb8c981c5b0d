/**
 * Parses what `git config -z --get-regexp` prints, when the settings sources
 * (core/config/settingsSources.ts) have to ask git itself. A key given twice keeps its last value,
 * as git does.
 */

/** Parses `git config -z` output: NUL-terminated entries of `key\nvalue` (`key` alone = true). */
export function parseGitConfigZ(output: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of output.split('\0')) {
    if (entry === '') continue;
    const nl = entry.indexOf('\n');
    if (nl === -1) result[entry] = 'true';
    else result[entry.slice(0, nl)] = entry.slice(nl + 1);
  }
  return result;
}
