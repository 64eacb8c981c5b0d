/** The pure parts of webhooks: settings parsing, URL rules and masking, formats, headers, backoff, attempts. */
import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, nextAttemptAt, retryDelayMs } from '../../../src/domain/notify/backoff';
import { afterAttempt, deliveryView, isDue, newDelivery } from '../../../src/domain/notify/delivery';
import { buildPayload, milestoneStatusEvent, phaseEvent, taskBlockedEvent } from '../../../src/domain/notify/events';
import { renderBody } from '../../../src/domain/notify/formats';
import { deliveryHeaders, SIGNATURE_HEADER } from '../../../src/domain/notify/signing';
import { maskUrl, parseWebhooks, urlProblem, wants } from '../../../src/domain/notify/webhooks';

const m = { id: 'a'.repeat(40), title: 'Parser <v2> & co', status: 'in_progress' };
const t = { id: 'b'.repeat(40), title: 'Tokenizer', status: 'blocked' };

describe('webhook settings', () => {
  it('takes http(s) entries, defaults format to json and events to all, and names each unusable entry', () => {
    const r = parseWebhooks([
      { url: 'https://h.example/hook', events: ['task.blocked'] },
      { url: 'http://h.example/slack', format: 'slack' },
      { url: 'ftp://h.example/x' },
      { url: 'file:///etc/passwd' },
      { url: 'not a url' },
      { url: 'https://h.example/y', format: 'xml' },
      { url: 'https://h.example/z', events: ['task.blocked', 'nope'] },
      {},
    ]);
    expect(r.hooks.map((h) => [h.key, h.format, h.events])).toEqual([
      ['notifications.webhooks[0]', 'json', ['task.blocked']],
      ['notifications.webhooks[1]', 'slack', []],
      ['notifications.webhooks[6]', 'json', ['task.blocked']],
    ]);
    expect(r.problems).toEqual([
      expect.stringMatching(/^notifications\.webhooks\[2\]\.url: .*not an http\(s\) URL/),
      expect.stringMatching(/^notifications\.webhooks\[3\]\.url: .*not an http\(s\) URL/),
      expect.stringMatching(/^notifications\.webhooks\[4\]\.url: .*is not a URL/),
      expect.stringMatching(/^notifications\.webhooks\[5\]\.format: expected json or slack/),
      expect.stringMatching(/^notifications\.webhooks\[6\]\.events: unknown event nope/),
      'notifications.webhooks[7].url: missing',
    ]);
    expect(wants(r.hooks[0], 'task.blocked')).toBe(true);
    expect(wants(r.hooks[0], 'review.approved')).toBe(false);
    expect(wants(r.hooks[1], 'review.approved')).toBe(true);
    expect(parseWebhooks('https://x').problems).toEqual(['notifications.webhooks: expected a list']);
  });

  it('masks user, password and secret-named query values in URLs, and says so in problems too', () => {
    expect(maskUrl('https://alice:hunter2@h.example/x?token=abc&team=a')).toBe('https://***@h.example/x?token=***&team=a');
    expect(maskUrl('http://h.example/services/T/B?sig=zzz')).toBe('http://h.example/services/T/B?sig=***');
    expect(urlProblem('ftp://u:pw@h/x')).not.toContain('pw');
    expect(urlProblem('https://h.example/hook')).toBeNull();
  });
});

describe('payloads and headers', () => {
  it('the json body is the payload; slack gets one escaped line', () => {
    const p = buildPayload(taskBlockedEvent(m, t, 'Ann <ann@x>'), 'id-1', '2026-01-01T00:00:00.000Z');
    expect(JSON.parse(renderBody(p, 'json'))).toEqual({
      version: 1, id: 'id-1', at: '2026-01-01T00:00:00.000Z', event: 'task.blocked', milestone: m, task: t, actor: 'Ann <ann@x>',
    });
    expect(JSON.parse(renderBody(p, 'slack'))).toEqual({
      text: '[git-milestone] task "Tokenizer" (bbbbbbbb) of milestone "Parser &lt;v2&gt; &amp; co" (aaaaaaaa) is blocked by Ann &lt;ann@x&gt;',
    });
    const r = buildPayload(phaseEvent({ event: 'review.rejected', milestone: m, task: t, phase: 'spec', actor: 'Bo <b@x>' }), 'i', 'now');
    expect(JSON.parse(renderBody(r, 'slack')).text).toContain('phase spec of task "Tokenizer"');
    expect(JSON.parse(renderBody(r, 'slack')).text).toMatch(/rejected by Bo &lt;b@x&gt;$/);
    const s = buildPayload(milestoneStatusEvent(m, 'planned', 'Ann <ann@x>'), 'id-2', 'now');
    expect(s.data).toEqual({ from: 'planned', to: 'in_progress' });
  });

  it('headers: delivery id, event, and the signature only with a secret', () => {
    const h = deliveryHeaders({ id: 'id-1', event: 'task.blocked', hexDigest: 'ab12', userAgent: 'ua' });
    expect(h).toMatchObject({ 'X-Milestone-Delivery': 'id-1', 'X-Milestone-Event': 'task.blocked', [SIGNATURE_HEADER]: 'sha256=ab12' });
    expect(deliveryHeaders({ id: 'i', event: 'e', hexDigest: null, userAgent: 'ua' })).not.toHaveProperty(SIGNATURE_HEADER);
  });
});

describe('backoff and attempts', () => {
  it('waits 10 s, then doubles up to an hour, and gives up after MAX_ATTEMPTS', () => {
    expect([1, 2, 3, 4, 9, 10, 11].map(retryDelayMs)).toEqual([10_000, 20_000, 40_000, 80_000, 2_560_000, 3_600_000, 3_600_000]);
    const now = new Date('2026-01-01T00:00:00.000Z');
    expect(nextAttemptAt(1, now)).toBe('2026-01-01T00:00:10.000Z');
    expect(nextAttemptAt(MAX_ATTEMPTS, now)).toBeNull();
  });

  it('an attempt: 2xx delivers, anything else stays pending until given up', () => {
    const now = new Date('2026-01-01T00:00:00.000Z');
    let d = newDelivery({
      id: 'id', event: 'task.blocked', url: 'https://u:p@h/x', format: 'json', headers: {}, body: '{}', signed: false, createdAt: now.toISOString(),
    });
    expect(isDue(d, now)).toBe(true);
    d = afterAttempt(d, { statusCode: null, error: 'ECONNREFUSED' }, now);
    expect(d).toMatchObject({ status: 'pending', attempts: 1, lastError: 'ECONNREFUSED', nextAttemptAt: '2026-01-01T00:00:10.000Z' });
    expect(isDue(d, new Date('2026-01-01T00:00:09.000Z'))).toBe(false);
    d = afterAttempt(d, { statusCode: 302, error: null }, now);
    expect(d).toMatchObject({ status: 'pending', attempts: 2, lastStatusCode: 302, lastError: 'HTTP 302' });
    const ok = afterAttempt(d, { statusCode: 204, error: null }, now);
    expect(ok).toMatchObject({ status: 'delivered', attempts: 3, lastError: null, nextAttemptAt: null, deliveredAt: now.toISOString() });
    expect(isDue(ok, now)).toBe(false);
    let last = d;
    while (last.status === 'pending') last = afterAttempt(last, { statusCode: 500, error: null }, now);
    expect(last).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, nextAttemptAt: null });
    expect(deliveryView(ok).url).toBe('https://***@h/x');
  });
});
