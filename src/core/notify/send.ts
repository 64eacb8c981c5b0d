/**
 * One HTTP POST of a delivery with node's own http/https (loaded on first use), answered or given
 * up by `deadline`. A redirect is followed only to the same scheme, host and port (at most three),
 * never to another host. Never throws: every failure is an AttemptOutcome with an error.
 */
import type { ClientRequest, IncomingMessage } from 'node:http';
import { http, https } from '../../env/builtins';
import type { AttemptOutcome } from '../../domain/notify/delivery';
import { maskUrl } from '../../domain/notify/webhooks';

const MAX_REDIRECTS = 3;

export interface SendRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Milliseconds left for this attempt. */
  timeoutMs: number;
}

function once(url: URL, r: SendRequest, timeoutMs: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const lib = url.protocol === 'https:' ? https() : http();
    const body = Buffer.from(r.body, 'utf8');
    let req: ClientRequest | undefined;
    const timer = setTimeout(() => req?.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    req = lib.request(url, {
      method: 'POST',
      agent: false,
      headers: { ...r.headers, 'Content-Length': String(body.length), Connection: 'close' },
    }, (res) => {
      clearTimeout(timer);
      res.resume(); // the answer's body is not needed; let the socket close
      resolve(res);
    });
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    req.end(body);
  });
}

const sameOrigin = (a: URL, b: URL): boolean => a.protocol === b.protocol && a.host === b.host;

export async function send(r: SendRequest): Promise<AttemptOutcome> {
  const started = performance.now();
  let url = new URL(r.url);
  try {
    for (let hops = 0; ; hops++) {
      const left = Math.max(1, Math.round(r.timeoutMs - (performance.now() - started)));
      const res = await once(url, r, left);
      const code = res.statusCode ?? null;
      const location = res.headers.location;
      if (code === null || code < 300 || code >= 400 || !location) return { statusCode: code, error: null };
      const next = new URL(location, url);
      if (!sameOrigin(url, next)) {
        const where = maskUrl(next.toString());
        return { statusCode: code, error: `redirect to another host not followed (${where})` };
      }
      if (hops >= MAX_REDIRECTS) return { statusCode: code, error: 'too many redirects' };
      url = next;
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { statusCode: null, error: err.code ? `${err.code}: ${err.message}` : err.message };
  }
}
