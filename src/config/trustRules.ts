/**
 * Which settings a cloned repository may not choose by itself: anything that says where data or
 * credentials go, or that runs a command. Their values come from git config, the environment or
 * flags; from the committed settings file only while this clone trusts the file's exact content
 * (`git milestone trust` stores its sha256 in git config `milestone.trusted-settings`).
 *
 *  - `index.postgresql.*` (a server, and the password in its URL);
 *  - `backend_override: postgresql|database` and `scale_thresholds.postgresql_*` (they send the
 *    milestones to a server);
 *  - any key named like a URL, host, command, script, webhook or secret (`*_url`, `*.command`,
 *    `verify_command`, `webhook`, `token` …), so keys added later are covered by their name.
 */
import { crypto } from '../env/builtins';
import { leaves, type Tree } from './layerTree';

/** The git config key holding the sha256 of the settings file this clone trusts. */
export const TRUSTED_SETTINGS_KEY = 'milestone.trusted-settings';

const NETWORK_BACKENDS = new Set(['postgresql', 'database']);
const NAMED = /(^|_)(url|urls|uri|dsn|host|hosts|command|commands|cmd|exec|script|scripts|webhook|webhooks|hook|hooks|password|passwd|secret|secrets|token|tokens|credential|credentials)$/;

/** Whether `value` at dotted `key`, read from the committed file, is used only once trusted. */
export function requiresTrust(key: string, value: unknown): boolean {
  if (key === 'index.postgresql' || key.startsWith('index.postgresql.')) return true;
  if (key === 'backend_override') return typeof value === 'string' && NETWORK_BACKENDS.has(value);
  if (key.startsWith('scale_thresholds.postgresql')) return true;
  return key.split('.').some((segment) => NAMED.test(segment));
}

/** The leaves of a file's value tree that need trust, as dotted keys. */
export function keysNeedingTrust(tree: Tree): string[] {
  return leaves(tree).filter(([k, v]) => requiresTrust(k, v)).map(([k]) => k);
}

/** The sha256 (hex) the trust is recorded under: of the file's exact bytes. */
export function settingsHash(text: string): string {
  return crypto().createHash('sha256').update(text, 'utf8').digest('hex');
}
