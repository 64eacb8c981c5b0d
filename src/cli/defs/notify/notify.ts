/** `git milestone notify flush|log|test`: the webhook outbox (core/notify). */
import { flushOutbox, type FlushResult } from '../../../core/notify/flushOutbox';
import { notifyLog, type NotifyLogResult } from '../../../core/notify/notifyLog';
import { notifyTest, type NotifyTestResult } from '../../../core/notify/notifyTest';
import type { DeliveryStatus } from '../../../domain/notify/delivery';
import type { CommandDef } from '../../CommandDef';
import { deliveryTable } from './deliveryText';

export const notifyFlush: CommandDef<FlushResult> = {
  summary: 'Send the webhook deliveries that are due now (failed ones are retried with backoff).',
  description: 'Writing commands queue webhook events in the outbox (<git-common-dir>/milestones/outbox) and '
    + 'send them within 1.5 s; a delivery that fails is retried by later writing commands and by this one, '
    + 'after 10 s, 20 s, 40 s ... up to an hour between tries, 12 tries in all. --all tries every pending '
    + 'delivery now. An endpoint that does not answer never fails the command.',
  examples: ['git milestone notify flush', 'git milestone notify flush --all --json'],
  flags: { all: { type: 'boolean', description: 'Try every pending delivery now, not only those due.' } },
  execute: (ctx, input) => flushOutbox(ctx, { all: Boolean(input.flags.all) }),
  text: (r, _i, style) => {
    if (r.attempted === 0) return `Nothing due (${r.pending} pending).`;
    const head = `Tried ${r.attempted}: ${r.delivered} delivered, ${r.pending} pending, `
      + `${r.failed} given up.`;
    return `${head}\n${deliveryTable(r.deliveries, style)}`;
  },
};

export const notifyLogDef: CommandDef<NotifyLogResult> = {
  summary: 'Every webhook delivery, newest first: status, attempts, last status code or error, next retry.',
  description: 'Credentials in URLs are masked. The outbox keeps the last 500 finished deliveries.',
  examples: [
    'git milestone notify log', 'git milestone notify log --status pending',
    'git milestone notify log -n 5 --json',
  ],
  flags: {
    status: {
      type: 'string', options: ['pending', 'delivered', 'failed'],
      description: 'Only deliveries in this state.',
    },
    limit: { type: 'integer', char: 'n', description: 'Show at most this many.' },
  },
  execute: (ctx, input) => notifyLog(ctx, {
    status: input.flags.status as DeliveryStatus | undefined, limit: input.flags.limit as number | undefined,
  }),
  text: (r, _i, style) =>
    (r.deliveries.length === 0 ? 'No webhook deliveries.' : deliveryTable(r.deliveries, style)),
};

export const notifyTestDef: CommandDef<NotifyTestResult> = {
  summary: 'Send a sample event to every configured webhook, or to --url, and show the answers.',
  description: 'The sample is a milestone.status_changed event marked "test": true, signed like any other '
    + '(X-Milestone-Signature-256, with git config milestone.webhook-secret or MILESTONE_WEBHOOK_SECRET). '
    + 'Only http:// and https:// URLs are accepted; webhooks from the committed settings file are used only '
    + 'once this clone trusts it (git milestone trust).',
  examples: ['git milestone notify test', 'git milestone notify test --url https://example.com/hook --json',
    'git milestone notify test --url https://hooks.slack.com/services/T/B/X --format slack'],
  flags: {
    url: { type: 'string', description: 'Send to this URL instead of the configured webhooks.' },
    format: {
      type: 'string', options: ['json', 'slack'], description: 'Body format for --url (default json).',
    },
  },
  execute: (ctx, input) => notifyTest(ctx, {
    url: input.flags.url as string | undefined, format: input.flags.format as 'json' | 'slack' | undefined,
  }),
  text: (r, _i, style) => {
    const ok = r.deliveries.filter((d) => d.status === 'delivered').length;
    return `${ok} of ${r.deliveries.length} delivered.\n${deliveryTable(r.deliveries, style)}`;
  },
};
