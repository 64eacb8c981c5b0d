/**
 * The board's live updates (src/serve/liveUpdates.ts) with a scripted version check and recorded
 * streams: `hello` on connect, `change` when the version moves, one more `change` once a racy
 * version settles (a second change may hide behind it), nothing while it stands still, and
 * checks only while a page listens.
 */
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { LiveUpdates } from '../../../src/serve/liveUpdates';

function stream() {
  const written: string[] = [];
  let onClose = (): void => {};
  const res = {
    writeHead: () => res, write: (t: string) => written.push(t), end: () => written.push('<end>'),
    on: (event: string, f: () => void) => { if (event === 'close') onClose = f; return res; },
  };
  const events = () => written.filter((w) => w.startsWith('event: ')).map((w) => w.split('\n')[0].slice(7));
  return { res: res as unknown as ServerResponse, written, events, close: () => onClose() };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('LiveUpdates', () => {
  it('says hello, then sends change when the version moves and once more when a racy one settles', async () => {
    const versions = [
      { token: 'a', racy: false }, { token: 'a', racy: false }, { token: 'b', racy: true },
      { token: 'b', racy: true }, { token: 'b', racy: false }, { token: 'b', racy: false },
    ];
    let calls = 0;
    const live = new LiveUpdates(async () => versions[Math.min(calls++, versions.length - 1)], 5);
    const page = stream();
    await live.add(page.res);
    expect(page.events()).toEqual(['hello']);
    expect(page.written.join('')).toContain('"version":"a"');
    await wait(80);
    expect(page.events()).toEqual(['hello', 'change', 'change']);
    live.close();
    expect(page.written.at(-1)).toBe('<end>');
  });

  it('checks only while a page listens', async () => {
    let calls = 0;
    const live = new LiveUpdates(async () => ({ token: String(calls++), racy: false }), 5);
    const page = stream();
    await live.add(page.res);
    await wait(40);
    page.close();
    const after = calls;
    await wait(40);
    expect(calls).toBe(after);
    expect(page.events().filter((e) => e === 'change').length).toBeGreaterThan(0);
    live.close();
  });
});
