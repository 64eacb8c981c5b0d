/**
 * `git milestone notify test [--url URL]`: sends a sample event (through the outbox, so `notify
 * log` shows it) to URL, or to every configured webhook this clone may use, and waits a little
 * longer than a writing command for the answers. A URL that is not http(s), or a configured
 * webhook entry that cannot be used, is an error naming it; an unreachable endpoint is not.
 */
import { deliveryView, type DeliveryView } from '../../domain/notify/delivery';
import { actorOf, sampleEvent } from '../../domain/notify/events';
import { urlProblem, type Webhook } from '../../domain/notify/webhooks';
import { MilestoneError } from '../../errors/MilestoneError';
import type { Context } from '../context';
import { deliver } from './deliver';
import { enqueue } from './enqueue';
import { webhookSetup } from './webhookSetup';

const TEST_BOUND_MS = 5_000;

export interface NotifyTestResult {
  deliveries: DeliveryView[];
  warnings: string[];
}

export async function notifyTest(
  ctx: Context, o: { url?: string; format?: 'json' | 'slack' },
): Promise<NotifyTestResult> {
  if (o.url !== undefined) {
    const bad = urlProblem(o.url);
    if (bad) {
      const hint = 'Give an http:// or https:// URL.';
      throw new MilestoneError('INVALID_INPUT', `--url: ${bad}`, { hint });
    }
  }
  const setup = await webhookSetup(ctx);
  let hooks: Webhook[];
  if (o.url !== undefined) hooks = [{ url: o.url, events: [], format: o.format ?? 'json', key: '--url' }];
  else {
    const broken = setup.warnings.filter((w) => /^notifications\.webhooks\[\d+\]\.(url|format)/.test(w));
    if (broken.length > 0) {
      throw new MilestoneError('CONFIG_INVALID', broken.join('\n'), {
        hint: 'Fix the entry (only http:// and https:// URLs are sent to).',
      });
    }
    hooks = setup.hooks;
    if (hooks.length === 0) {
      throw new MilestoneError('NOT_FOUND', 'no webhook to test', {
        hint: setup.warnings[0] ?? 'Set notifications.webhooks in the settings, or give --url URL.',
      });
    }
  }
  const queued = enqueue(ctx, hooks, setup.secret, [sampleEvent(actorOf(ctx.who().author))]);
  const sent = await deliver(ctx, { deliveries: queued, boundMs: TEST_BOUND_MS, warn: false });
  return { deliveries: sent.map(deliveryView), warnings: setup.warnings };
}
