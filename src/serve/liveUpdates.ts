/**
 * Live updates for the open pages: server-sent events driven by a cheap check of the refs
 * (core/serve/refsVersion.ts) every `intervalMs` while at least one page listens. A page gets
 * `hello` with the current version when it connects (a reconnecting page that saw another version
 * reloads its data) and `change` whenever the version moves. A version taken within the
 * filesystem's timestamp granularity of a change (racy) may hide a second change, so once it is no
 * longer racy one more `change` is sent: a needless refresh at worst, never a missed one.
 */
import type { ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from './http';

export type VersionCheck = () => Promise<{ token: string; racy: boolean }>;

export class LiveUpdates {
  private readonly pages = new Set<ServerResponse>();
  private timer: NodeJS.Timeout | null = null;
  private last: string | null = null;
  private racy = false;
  private busy = false;
  private ticks = 0;

  constructor(private readonly check: VersionCheck, private readonly intervalMs = 300,
    private readonly onError: (e: unknown) => void = () => {}) {}

  async add(res: ServerResponse): Promise<void> {
    res.writeHead(200, {
      ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive',
    });
    res.on('close', () => {
      this.pages.delete(res);
      if (this.pages.size === 0) this.stop();
    });
    this.pages.add(res);
    res.write('retry: 1000\n\n');
    try {
      const v = await this.check();
      this.last ??= v.token;
      res.write(`event: hello\ndata: ${JSON.stringify({ version: v.token })}\n\n`);
    } catch (e) {
      this.onError(e);
    }
    this.timer ??= setInterval(() => void this.tick(), this.intervalMs);
  }

  private async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const v = await this.check();
      const moved = v.token !== this.last || (this.racy && !v.racy);
      this.last = v.token;
      this.racy = v.racy;
      if (moved) this.broadcast('change', { version: v.token });
      else if (++this.ticks % Math.ceil(15000 / this.intervalMs) === 0) this.broadcastRaw(': keep-alive\n\n');
    } catch (e) {
      this.onError(e);
    } finally {
      this.busy = false;
    }
  }

  private broadcast(event: string, data: unknown): void {
    this.broadcastRaw(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  private broadcastRaw(text: string): void {
    for (const res of this.pages) res.write(text);
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Ends every open stream (the server is stopping). */
  close(): void {
    this.stop();
    for (const res of this.pages) res.end();
    this.pages.clear();
  }
}
