/**
 * The `notifications.webhooks` setting: `[{url, events, format}]`. Which webhooks an event goes to,
 * which URLs are acceptable (http and https only), and how a URL is shown (credentials masked).
 * Pure.
 */
import { isNotifyEventName, type NotifyEventName } from './events';
import { WEBHOOK_FORMATS, type WebhookFormat } from './formats';

export const WEBHOOKS_KEY = 'notifications.webhooks';

export interface Webhook {
  url: string;
  /** Event names; empty or absent means every event. */
  events: NotifyEventName[];
  format: WebhookFormat;
  /** Where it is in the settings: `notifications.webhooks[0]`. */
  key: string;
}

/** Why `url` cannot be a webhook's address, or null when it can. */
export function urlProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `${JSON.stringify(maskUrl(url))} is not a URL`;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    return `${JSON.stringify(maskUrl(url))} is not an http(s) URL (only http:// and https:// are sent to)`;
  }
  return null;
}

/** The webhooks of the setting's value, and a message for each entry that cannot be used. */
export function parseWebhooks(value: unknown): { hooks: Webhook[]; problems: string[] } {
  const hooks: Webhook[] = [];
  const problems: string[] = [];
  if (value === undefined || value === null) return { hooks, problems };
  if (!Array.isArray(value)) return { hooks, problems: [`${WEBHOOKS_KEY}: expected a list`] };
  value.forEach((entry: unknown, i) => {
    const key = `${WEBHOOKS_KEY}[${i}]`;
    const e = (entry ?? {}) as Record<string, unknown>;
    if (typeof e.url !== 'string') return problems.push(`${key}.url: missing`);
    const bad = urlProblem(e.url);
    if (bad) return problems.push(`${key}.url: ${bad}`);
    const format = e.format ?? 'json';
    if (!(WEBHOOK_FORMATS as readonly unknown[]).includes(format)) {
      return problems.push(`${key}.format: expected json or slack, got ${JSON.stringify(format)}`);
    }
    const names = Array.isArray(e.events) ? e.events.map(String) : [];
    const unknown = names.filter((n) => !isNotifyEventName(n));
    if (unknown.length > 0) problems.push(`${key}.events: unknown event ${unknown.join(', ')} (ignored)`);
    hooks.push({ url: e.url, events: names.filter(isNotifyEventName), format: format as WebhookFormat, key });
  });
  return { hooks, problems };
}

export function wants(hook: Webhook, event: NotifyEventName): boolean {
  return hook.events.length === 0 || hook.events.includes(event);
}

const SECRET_PARAM = /(token|key|secret|password|passwd|sig|signature|auth)/i;

/** The URL as it may be shown: user and password, and secret-named query values, masked. */
export function maskUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url.replace(/\/\/[^/@\s]*@/, '//***@');
  }
  if (u.username || u.password) {
    u.username = '***';
    u.password = '';
  }
  for (const k of [...u.searchParams.keys()]) if (SECRET_PARAM.test(k)) u.searchParams.set(k, '***');
  return u.toString();
}
