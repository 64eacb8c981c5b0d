/**
 * Turns events into outbox deliveries: one per event and webhook that wants it, rendered in the
 * webhook's format and signed with the secret (HMAC-SHA256 of the exact body), each saved to the
 * outbox before any network is tried, so nothing is lost if the process stops.
 */
import { crypto } from '../../env/builtins';
import { newDelivery, type Delivery } from '../../domain/notify/delivery';
import { buildPayload, type NotifyEvent } from '../../domain/notify/events';
import { renderBody } from '../../domain/notify/formats';
import { deliveryHeaders, signingInput } from '../../domain/notify/signing';
import { wants, type Webhook } from '../../domain/notify/webhooks';
import type { Context } from '../context';
import { saveDelivery } from './outbox';

const USER_AGENT = 'git-milestone-webhook/1';

export function hmacHex(secret: string, body: string): string {
  return crypto().createHmac('sha256', secret).update(signingInput(body), 'utf8').digest('hex');
}

export function enqueue(
  ctx: Context, hooks: Webhook[], secret: string | null, events: NotifyEvent[],
): Delivery[] {
  const out: Delivery[] = [];
  const at = ctx.env.clock().toISOString();
  for (const e of events) {
    for (const hook of hooks.filter((h) => wants(h, e.event))) {
      const id = crypto().randomUUID();
      const body = renderBody(buildPayload(e, id, at), hook.format);
      const hexDigest = secret === null ? null : hmacHex(secret, body);
      const d = newDelivery({
        id, event: e.event, url: hook.url, format: hook.format, body, signed: hexDigest !== null,
        createdAt: at,
        headers: deliveryHeaders({ id, event: e.event, hexDigest, userAgent: USER_AGENT }),
      });
      saveDelivery(ctx, d);
      out.push(d);
    }
  }
  return out;
}
