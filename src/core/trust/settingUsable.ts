/**
 * For the features that act on settings (a backend server, and later webhooks, agent and verify
 * commands): whether the effective value of a key may be used, and where it came from. The loader
 * already leaves out what an untrusted settings file set for a key that needs trust, so a value
 * present is usable; this says why one is absent, so a feature can tell the user what to do.
 */
import { getConfigValue } from '../../config/getConfigValue';
import { requiresTrust } from '../../config/trustRules';
import type { ConfigOrigin, LoadConfigResult } from '../../config/types';

export interface SettingUse {
  value: unknown;
  origin: ConfigOrigin | null;
  /** False when the committed file set the key but is not trusted (the value is then ignored). */
  usable: boolean;
  /** Why not usable, in words, with what to run. */
  reason?: string;
}

export { requiresTrust };

export function settingUse(r: LoadConfigResult, key: string): SettingUse {
  const value = getConfigValue(r.values as unknown as Record<string, unknown>, key);
  const origin = r.origins[key] ?? null;
  const ignored = r.trust.ignored.filter((k) => k === key || k.startsWith(key + '.') || key.startsWith(k + '.'));
  if (ignored.length > 0 && (origin === null || origin.layer === 'default')) {
    return { value, origin, usable: false, reason: `${r.trust.file} sets ${ignored.join(', ')} but is not trusted: check it, then run \`git milestone trust\`` };
  }
  return { value, origin, usable: true };
}
