/**
 * The two wire formats of a webhook: `json` (the payload itself; what the signature covers) and
 * `slack` (an incoming-webhook message: `{text}` with Slack's mrkdwn escapes). Pure.
 */
import type { EventPayload } from './events';

export const WEBHOOK_FORMATS = ['json', 'slack'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** Slack's three control characters in text. */
function slackEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One line saying what happened, for people. */
export function describeEvent(p: EventPayload): string {
  const m = `milestone "${p.milestone.title}" (${p.milestone.id.slice(0, 8)})`;
  const t = p.task ? `task "${p.task.title}" (${p.task.id.slice(0, 8)}) of ` : '';
  const by = p.actor ? ` by ${p.actor}` : '';
  const phase = p.phase ? `phase ${p.phase} of ` : '';
  switch (p.event) {
    case 'task.blocked':
      return `${t}${m} is blocked${by}`;
    case 'milestone.status_changed':
      return `${m} changed status from ${String(p.data?.from)} to ${String(p.data?.to)}${by}`;
    case 'review.requested':
      return `review requested for ${phase}${t}${m}${by}`;
    case 'review.approved':
      return `${phase}${t}${m} approved${by}`;
    case 'review.rejected':
      return `${phase}${t}${m} rejected${by}`;
    case 'review.changes_requested':
      return `changes requested on ${phase}${t}${m}${by}`;
    case 'phase.overdue':
      return `${phase}${t}${m} is overdue`;
  }
}

/** The request body for `format`: the exact bytes that are sent and signed. */
export function renderBody(p: EventPayload, format: WebhookFormat): string {
  if (format === 'slack') return JSON.stringify({ text: `[git-milestone] ${slackEscape(describeEvent(p))}` });
  return JSON.stringify(p);
}
