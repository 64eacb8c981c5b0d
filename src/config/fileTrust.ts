/**
 * Whether the settings file's keys that need trust (trustRules.ts) may be used: only when git
 * config `milestone.trusted-settings` holds the sha256 of the file's exact text. The hash is
 * computed (and crypto loaded) only when the file sets such a key.
 */
import type { ConfigFileCheck } from './readConfigFile';
import { keysNeedingTrust, settingsHash, TRUSTED_SETTINGS_KEY } from './trustRules';
import type { SettingsTrust } from './types';

export function fileTrust(file: Pick<ConfigFileCheck, 'file' | 'text' | 'values'>, gitConfig: Record<string, string>): SettingsTrust {
  const keys = keysNeedingTrust(file.values);
  if (file.text === null || keys.length === 0) return { file: file.file, state: 'not-needed', keys, ignored: [] };
  const trusted = gitConfig[TRUSTED_SETTINGS_KEY];
  if (trusted !== undefined && trusted.trim() === settingsHash(file.text)) return { file: file.file, state: 'trusted', keys, ignored: [] };
  return { file: file.file, state: 'untrusted', keys, ignored: keys };
}
