/**
 * The board's request guard (src/serve/guard.ts): the Host must be the server itself, an Origin
 * only its own, and the token must come in the URL (then a cookie is set and the URL loses it),
 * the cookie of this port, or a header.
 */
import { describe, expect, it } from 'vitest';
import { checkRequest, cookieName } from '../../../src/serve/guard';

const port = 4321;
const token = 'k'.repeat(32);
const own = { host: `127.0.0.1:${port}` };
const check = (url: string, headers: Record<string, string>) => checkRequest({ url, headers }, { port, token });

describe('checkRequest', () => {
  it('refuses a request without the token, or with a wrong one', () => {
    expect(check('/', own)).toMatchObject({ kind: 'refused', status: 401 });
    expect(check('/api/milestones', { ...own, 'x-milestone-token': 'k'.repeat(31) })).toMatchObject({ status: 401 });
    expect(check(`/?token=${'j'.repeat(32)}`, own)).toMatchObject({ kind: 'refused', status: 401 });
    expect(check('/', { ...own, cookie: `${cookieName(port + 1)}=${token}` })).toMatchObject({ status: 401 });
  });

  it('takes the token from the URL once: a cookie, and the same URL without it', () => {
    const v = check(`/?q=x&token=${token}`, own);
    expect(v).toEqual({
      kind: 'login', location: '/?q=x', cookie: `gm_board_${port}=${token}; HttpOnly; SameSite=Strict; Path=/`,
    });
  });

  it('accepts the cookie of this port, a bearer token or X-Milestone-Token', () => {
    expect(check('/', { ...own, cookie: `other=1; ${cookieName(port)}=${token}` })).toEqual({ kind: 'ok' });
    expect(check('/', { ...own, authorization: `Bearer ${token}` })).toEqual({ kind: 'ok' });
    expect(check('/', { host: `localhost:${port}`, 'x-milestone-token': token })).toEqual({ kind: 'ok' });
  });

  it('refuses another Host (DNS rebinding), another Origin and a cross-site fetch, token or not', () => {
    const auth = { 'x-milestone-token': token };
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, '']) {
      expect(check('/', { ...auth, host }), host).toMatchObject({ kind: 'refused', status: 403 });
    }
    expect(check('/', { ...auth })).toMatchObject({ status: 403 });
    expect(check('/', { ...own, ...auth, origin: 'http://evil.example' })).toMatchObject({ status: 403 });
    expect(check('/', { ...own, ...auth, origin: `https://127.0.0.1:${port}` })).toMatchObject({ status: 403 });
    expect(check('/', { ...own, ...auth, 'sec-fetch-site': 'cross-site' })).toMatchObject({ status: 403 });
    expect(check('/', { ...own, ...auth, origin: `http://127.0.0.1:${port}` })).toEqual({ kind: 'ok' });
    expect(check(`/?token=${token}`, { host: 'evil.example' })).toMatchObject({ status: 403 });
  });
});
