/**
 * The one decision "may the webhooks the committed settings file names be contacted": only when
 * this clone trusts the file's exact content, since a webhook sends the plan over the network.
 *
 * Until `git milestone trust` (issue 9) is in main this reads its record directly: git config
 * `milestone.trusted-settings` holding the sha256 of the file's text. When it lands, this
 * function is pointed at its loader's answer (LoadConfigResult.trust) and nothing else changes.
 */
import * as fs from 'node:fs';
import type { LoadConfigResult } from '../../config/types';
import { crypto } from '../../env/builtins';
import type { Context } from '../context';
import { settingsFile } from '../config/settingsFile';

export const TRUST_HINT = 'check the file, then run `git milestone trust`';

export function committedWebhooksTrusted(ctx: Context, r: LoadConfigResult): boolean {
  const recorded = (r.values as Record<string, unknown>).trusted_settings;
  const file = settingsFile(ctx);
  if (typeof recorded !== 'string' || file === null) return false;
  let text: string;
  try {
    text = fs.readFileSync(file.path, 'utf8');
  } catch {
    return false;
  }
  return crypto().createHash('sha256').update(text, 'utf8').digest('hex') === recorded.trim();
}
