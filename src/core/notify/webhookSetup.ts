/**
 * Which webhooks this clone sends to, and with which secret, from the effective settings:
 * `notifications.webhooks` (from the committed file only once this clone trusts it: `git milestone
 * trust`; the loader leaves it out otherwise, and settingUse says why) and the
 * signing secret from git config `milestone.webhook-secret` or MILESTONE_WEBHOOK_SECRET, never from
 * the committed file. Each entry that cannot be used is a warning, not an error.
 */
import { getConfigValue } from '../../config/getConfigValue';
import { parseWebhooks, WEBHOOKS_KEY, type Webhook } from '../../domain/notify/webhooks';
import type { Context } from '../context';
import { loadSettings } from '../config/loadSettings';
import { settingUse } from '../trust/settingUsable';

export const SECRET_KEY = 'webhook_secret';

export interface WebhookSetup {
  hooks: Webhook[];
  secret: string | null;
  /** Entries not used, and why (with what to do). */
  warnings: string[];
}

export async function webhookSetup(ctx: Context): Promise<WebhookSetup> {
  const r = await loadSettings(ctx);
  const values = r.values as unknown as Record<string, unknown>;
  const warnings: string[] = [];
  let hooks: Webhook[] = [];
  const use = settingUse(r, WEBHOOKS_KEY);
  if (!use.usable) {
    warnings.push(`${WEBHOOKS_KEY} not used: ${use.reason ?? 'the settings file is not trusted'}`);
  }
  else {
    const parsed = parseWebhooks(use.value);
    hooks = parsed.hooks;
    warnings.push(...parsed.problems.map((p) => `${p}; skipped`));
  }
  let secret: string | null = null;
  const s = getConfigValue(values, SECRET_KEY);
  if (typeof s === 'string' && s !== '') {
    if (r.origins[SECRET_KEY]?.layer === 'file') {
      warnings.push(`${SECRET_KEY} in the committed settings file is ignored: `
        + 'set git config milestone.webhook-secret or MILESTONE_WEBHOOK_SECRET');
    } else secret = s;
  }
  return { hooks, secret, warnings };
}
