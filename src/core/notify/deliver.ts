/**
 * Sends outbox deliveries that are due, all at once, within a short bound: by default what is
 * left of 1.5 s for this command (shared by every call in one process), so no command waits long
 * on the network. Each outcome is saved (attempts, status code or error, next retry by backoff);
 * a failure is a warning naming `notify log`, never an error. Each send is claimed first
 * (outbox.ts), so two commands retrying at once send a delivery once.
 */
import { isDue, afterAttempt, type Delivery } from '../../domain/notify/delivery';
import { maskUrl } from '../../domain/notify/webhooks';
import type { Context } from '../context';
import { claim, readPending, release, saveDelivery } from './outbox';
import { send } from './send';

/** The most a writing command spends on webhooks, in total. */
export const COMMAND_BOUND_MS = 1500;
const spent = new WeakMap<Context, number>();

export interface DeliverOptions {
  /** These deliveries instead of the outbox's due ones. */
  deliveries?: Delivery[];
  /** Try every pending delivery now, whatever its next retry time (`notify flush --all`). */
  ignoreSchedule?: boolean;
  /** The bound for this call (default: what is left of COMMAND_BOUND_MS). */
  boundMs?: number;
  /** Say on stderr when a delivery failed (default true). */
  warn?: boolean;
}

export async function deliver(ctx: Context, o: DeliverOptions = {}): Promise<Delivery[]> {
  const now = ctx.env.clock();
  const wanted = (d: Delivery) => (o.ignoreSchedule ? d.status === 'pending' : isDue(d, now));
  const due = (o.deliveries ?? readPending(ctx)).filter(wanted);
  if (due.length === 0) return [];
  const bound = o.boundMs ?? COMMAND_BOUND_MS - (spent.get(ctx) ?? 0);
  if (bound <= 0) return []; // the next command retries them
  const started = performance.now();
  const claimed = due.map((d) => claim(ctx, d)).filter((d): d is Delivery => d !== null);
  const results = await Promise.all(claimed.map(async (d) => {
    const outcome = await send({ url: d.url, headers: d.headers, body: d.body, timeoutMs: bound });
    const next = afterAttempt(d, outcome, ctx.env.clock());
    saveDelivery(ctx, next);
    release(ctx, d);
    const url = maskUrl(d.url);
    ctx.env.log.info('webhook delivery', {
      id: d.id, event: d.event, url, status: next.status, code: outcome.statusCode, error: outcome.error,
    });
    if (next.status !== 'delivered' && o.warn !== false) {
      const when = next.nextAttemptAt ? `retried after ${next.nextAttemptAt}` : 'given up';
      const why = `${next.lastError}; ${when} (git milestone notify log)`;
      ctx.env.err(`warning: webhook ${url} (${d.event}) not delivered: ${why}\n`);
    }
    return next;
  }));
  spent.set(ctx, (spent.get(ctx) ?? 0) + (performance.now() - started));
  return results;
}
