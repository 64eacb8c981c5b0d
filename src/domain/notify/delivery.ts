/**
 * One delivery in the outbox: an event rendered for one webhook, with everything needed to send
 * it again (URL, headers with the signature, the exact body) and its history. What an attempt's
 * outcome does to it. Pure: the caller gives the time.
 */
import { nextAttemptAt } from './backoff';
import type { NotifyEventName } from './events';
import type { WebhookFormat } from './formats';
import { maskUrl } from './webhooks';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface Delivery {
  version: 1;
  /** The delivery id (a UUID), also in the payload and the X-Milestone-Delivery header. */
  id: string;
  event: NotifyEventName;
  url: string;
  format: WebhookFormat;
  headers: Record<string, string>;
  body: string;
  signed: boolean;
  createdAt: string;
  status: DeliveryStatus;
  attempts: number;
  /** The last HTTP status received, or null (none yet, or no answer). */
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  /** When to try again (pending only). */
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

export interface AttemptOutcome {
  statusCode: number | null;
  error: string | null;
}

type History = 'version' | 'status' | 'attempts' | 'lastStatusCode' | 'lastError' | 'lastAttemptAt'
  | 'nextAttemptAt' | 'deliveredAt';

export function newDelivery(d: Omit<Delivery, History>): Delivery {
  return {
    version: 1, ...d, status: 'pending', attempts: 0, lastStatusCode: null, lastError: null,
    lastAttemptAt: null, nextAttemptAt: d.createdAt, deliveredAt: null,
  };
}

/** A 2xx answer delivers; anything else (or no answer) fails the attempt. */
export function succeeded(o: AttemptOutcome): boolean {
  return o.error === null && o.statusCode !== null && o.statusCode >= 200 && o.statusCode < 300;
}

export function afterAttempt(d: Delivery, o: AttemptOutcome, now: Date): Delivery {
  const attempts = d.attempts + 1;
  const at = now.toISOString();
  const base = { ...d, attempts, lastStatusCode: o.statusCode, lastAttemptAt: at };
  if (succeeded(o)) {
    return { ...base, status: 'delivered', lastError: null, nextAttemptAt: null, deliveredAt: at };
  }
  const next = nextAttemptAt(attempts, now);
  const error = o.error ?? `HTTP ${String(o.statusCode)}`;
  return { ...base, lastError: error, status: next === null ? 'failed' : 'pending', nextAttemptAt: next };
}

export function isDue(d: Delivery, now: Date): boolean {
  return d.status === 'pending' && (d.nextAttemptAt === null || Date.parse(d.nextAttemptAt) <= now.getTime());
}

/** A delivery as `notify log|flush|test` show it: no body or headers, the URL's credentials masked. */
export interface DeliveryView {
  id: string;
  event: NotifyEventName;
  url: string;
  format: WebhookFormat;
  signed: boolean;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

export function deliveryView(d: Delivery): DeliveryView {
  return {
    id: d.id, event: d.event, url: maskUrl(d.url), format: d.format, signed: d.signed, status: d.status,
    attempts: d.attempts, lastStatusCode: d.lastStatusCode, lastError: d.lastError, createdAt: d.createdAt,
    lastAttemptAt: d.lastAttemptAt, nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null,
    deliveredAt: d.deliveredAt,
  };
}
