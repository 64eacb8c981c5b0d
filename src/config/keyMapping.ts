/**
 * How git config keys and environment variables name settings.
 *  - git: `milestone.auto-branch` → `auto_branch`; `milestone.cache.max-size` → `cache.max_size`
 *    (kebab-case to snake_case in the last segment, because git variable names cannot hold `_`).
 *  - env: `MILESTONE_CACHE__TTL` → `cache.ttl` (`__` is a dot, lowercased);
 *    `MILESTONE_AUTO_SCALE` → `auto_scale`. `MILESTONE_DATA_PATH`, `MILESTONE_FENCING` and
 *    `MILESTONE_AGENT` (claims) are not settings.
 */

/** Environment variables with the MILESTONE_ prefix that are not settings. */
export const NON_SETTING_VARS: ReadonlySet<string> = new Set(['MILESTONE_DATA_PATH', 'MILESTONE_FENCING', 'MILESTONE_AGENT']);

/** `milestone.*` git config keys that are not settings (the trusted file's hash: trustRules.ts). */
export const NON_SETTING_GIT_KEYS: ReadonlySet<string> = new Set(['milestone.trusted-settings']);

/** Dotted settings path for a `milestone.*` git config key, or null for anything else. */
export function gitKeyToPath(gitKey: string): string | null {
  if (NON_SETTING_GIT_KEYS.has(gitKey.toLowerCase())) return null;
  const m = /^milestone\.(.+)$/i.exec(gitKey);
  if (!m) return null;
  const segments = m[1].split('.');
  const last = segments.length - 1;
  segments[last] = segments[last].replace(/-/g, '_');
  if (segments.some((s) => s === '')) return null;
  return segments.join('.');
}

/** Dotted settings path for a `MILESTONE_*` variable name, or null when it is not a setting. */
export function envVarToPath(name: string): string | null {
  if (!name.startsWith('MILESTONE_') || NON_SETTING_VARS.has(name)) return null;
  const rest = name.slice('MILESTONE_'.length);
  if (rest === '') return null;
  const segments = rest.split('__').map((s) => s.toLowerCase());
  if (segments.some((s) => s === '' || s.startsWith('_') || s.endsWith('_'))) return null;
  return segments.join('.');
}
