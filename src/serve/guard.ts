/**
 * Who may talk to the board. The server listens on 127.0.0.1 only, but other local users and web
 * pages can still reach it: every request must name the server itself as Host (a DNS-rebinding
 * page names its own domain), carry no Origin but the server's own, and hold the random token —
 * in the printed URL once (it becomes an HttpOnly, SameSite=Strict cookie and the URL is
 * redirected without it), then in that cookie, an `Authorization: Bearer` or an
 * `X-Milestone-Token` header. Pure: a request's headers and URL in, a verdict out.
 */
import { crypto } from '../env/builtins';

export interface GuardRequest {
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

export type Verdict =
  | { kind: 'ok' }
  | { kind: 'refused'; status: 401 | 403; message: string }
  /** The token came in the URL: set the cookie and send the browser to the same URL without it. */
  | { kind: 'login'; location: string; cookie: string };

export const cookieName = (port: number): string => `gm_board_${port}`;

export function ownHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

function header(r: GuardRequest, name: string): string | undefined {
  const v = r.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function sameSecret(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto().timingSafeEqual(a, b);
}

function cookieToken(r: GuardRequest, port: number): string | undefined {
  const name = cookieName(port);
  for (const part of (header(r, 'cookie') ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

function headerToken(r: GuardRequest): string | undefined {
  const auth = header(r, 'authorization');
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  return header(r, 'x-milestone-token');
}

export function checkRequest(r: GuardRequest, o: { port: number; token: string }): Verdict {
  const host = header(r, 'host');
  if (!host || !ownHosts(o.port).includes(host.toLowerCase())) {
    return { kind: 'refused', status: 403, message: `refused: Host ${host ?? '(none)'} is not this server` };
  }
  const origin = header(r, 'origin');
  if (origin !== undefined && !ownHosts(o.port).some((h) => origin.toLowerCase() === `http://${h}`)) {
    return { kind: 'refused', status: 403, message: `refused: Origin ${origin} is not this server` };
  }
  if (header(r, 'sec-fetch-site') === 'cross-site') {
    return { kind: 'refused', status: 403, message: 'refused: a request from another site' };
  }
  const url = new URL(r.url, 'http://board.invalid');
  const inUrl = url.searchParams.get('token');
  if (inUrl !== null) {
    if (!sameSecret(inUrl, o.token)) return { kind: 'refused', status: 401, message: 'refused: wrong token' };
    url.searchParams.delete('token');
    const cookie = `${cookieName(o.port)}=${o.token}; HttpOnly; SameSite=Strict; Path=/`;
    return { kind: 'login', location: url.pathname + url.search, cookie };
  }
  const given = [cookieToken(r, o.port), headerToken(r)];
  if (given.some((t) => sameSecret(t, o.token))) return { kind: 'ok' };
  return {
    kind: 'refused', status: 401,
    message: 'refused: no token. Open the URL `git milestone serve` printed (it carries the token).',
  };
}
