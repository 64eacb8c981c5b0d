/**
 * The event API for use cases: after a write succeeds, `emitEvents(ctx, events)` queues one
 * delivery per event and interested webhook in the outbox and sends them within the command's
 * short bound (deliver.ts). It never throws and never fails the command: a settings problem, an
 * untrusted webhook or an unreachable endpoint is a warning, and the outbox keeps what is unsent.
 * Settings are read only when there is an event, so writes that emit none pay nothing.
 */
import type { Delivery } from '../../domain/notify/delivery';
import type { NotifyEvent } from '../../domain/notify/events';
import type { Context } from '../context';
import { deliver } from './deliver';
import { enqueue } from './enqueue';
import { webhookSetup } from './webhookSetup';

export type { NotifyEvent } from '../../domain/notify/events';

export async function emitEvents(ctx: Context, events: NotifyEvent[]): Promise<Delivery[]> {
  if (events.length === 0) return [];
  try {
    const setup = await webhookSetup(ctx);
    for (const w of setup.warnings) ctx.env.err(`warning: ${w}\n`);
    const queued = enqueue(ctx, setup.hooks, setup.secret, events);
    return queued.length === 0 ? [] : await deliver(ctx, { deliveries: queued });
  } catch (e) {
    ctx.env.err(`warning: notifications not sent: ${(e as Error).message.split('\n')[0]}\n`);
    return [];
  }
}

