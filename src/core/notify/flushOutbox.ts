/**
 * `git milestone notify flush [--all]`: sends the outbox's due deliveries now (every pending one
 * with --all, whatever its backoff), within a longer bound than a writing command's, since the
 * user asked for it. Failures stay pending with their next retry; the command itself succeeds.
 */
import { deliveryView, type DeliveryView } from '../../domain/notify/delivery';
import type { Context } from '../context';
import { deliver } from './deliver';
import { readPending } from './outbox';

const FLUSH_BOUND_MS = 10_000;

export interface FlushResult {
  attempted: number;
  delivered: number;
  /** Still pending after this flush (including those not yet due). */
  pending: number;
  /** Given up after the last attempt. */
  failed: number;
  deliveries: DeliveryView[];
}

export async function flushOutbox(ctx: Context, o: { all?: boolean }): Promise<FlushResult> {
  const sent = await deliver(ctx, { ignoreSchedule: o.all, boundMs: FLUSH_BOUND_MS, warn: false });
  return {
    attempted: sent.length,
    delivered: sent.filter((d) => d.status === 'delivered').length,
    pending: readPending(ctx).length,
    failed: sent.filter((d) => d.status === 'failed').length,
    deliveries: sent.map(deliveryView),
  };
}
