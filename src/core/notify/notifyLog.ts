/**
 * `git milestone notify log [--status S] [--limit N]`: every delivery the outbox knows, newest
 * first: event, URL (credentials masked), status, attempts, last status code or error, next retry.
 */
import {
  deliveryView, type Delivery, type DeliveryStatus, type DeliveryView,
} from '../../domain/notify/delivery';
import type { Context } from '../context';
import { readAll } from './outbox';

export interface NotifyLogResult {
  deliveries: DeliveryView[];
}

export async function notifyLog(
  ctx: Context, o: { status?: DeliveryStatus; limit?: number },
): Promise<NotifyLogResult> {
  const newestFirst = (a: Delivery, b: Delivery) =>
    (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0);
  const all = readAll(ctx).sort(newestFirst);
  const wanted = all.filter((d) => o.status === undefined || d.status === o.status);
  return { deliveries: wanted.slice(0, o.limit ?? wanted.length).map(deliveryView) };
}
