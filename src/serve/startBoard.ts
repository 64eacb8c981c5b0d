/**
 * `git milestone serve`: the web board's HTTP server (node:http), bound to 127.0.0.1 on the port
 * asked for or a free one, with a random token. Every request passes the guard (guard.ts) first;
 * then the page and its files (assets.ts), the live-update stream (liveUpdates.ts) and the JSON
 * routes (readRoutes.ts, and writeRoutes.ts with `--write`). Use cases run one at a time on the one
 * Context, as the CLI runs one per process, so the index is never refreshed by two at once.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Context } from '../core/context';
import { milestonePage } from '../core/serve/milestonePage';
import { refsVersion } from '../core/serve/refsVersion';
import { crypto, http } from '../env/builtins';
import { MilestoneError } from '../errors/MilestoneError';
import { loadAssets, type Asset } from './assets';
import { checkRequest } from './guard';
import { readJson, send, sendError, sendJson, SECURITY_HEADERS } from './http';
import { LiveUpdates } from './liveUpdates';
import { READ_ROUTES, type Route } from './readRoutes';
import { WRITE_ROUTES } from './writeRoutes';

export interface BoardOptions {
  ctx: Context;
  /** 0: any free port. */
  port: number;
  write: boolean;
  /** How often open pages' refs are checked (ms). */
  pollMs?: number;
}

export interface RunningBoard {
  url: string;
  port: number;
  token: string;
  write: boolean;
  close(): Promise<void>;
}

const ROUTES: Route[] = [...READ_ROUTES, ...WRITE_ROUTES];
const TEXT = 'text/plain; charset=utf-8';

/** Runs tasks one after another, whatever their outcome. */
function serial(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      const why = e.code === 'EADDRINUSE' ? 'is in use'
        : e.code === 'EACCES' ? 'is not allowed' : `failed (${e.message})`;
      reject(new MilestoneError('INVALID_INPUT', `listening on 127.0.0.1:${port} ${why}`, {
        hint: 'Leave out --port to take a free one.', cause: e,
      }));
    });
    server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
}

export async function startBoard(o: BoardOptions): Promise<RunningBoard> {
  const { ctx } = o;
  const assets = loadAssets();
  const token = crypto().randomBytes(24).toString('base64url');
  const queue = serial();
  const live = new LiveUpdates(() => queue(() => refsVersion(ctx)), o.pollMs ?? 300,
    (e) => ctx.env.log.warn('board: refs check failed', { error: String(e) }));
  let port = o.port;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const verdict = checkRequest({ url: req.url ?? '/', headers: req.headers }, { port, token });
    if (verdict.kind === 'refused') return send(res, verdict.status, TEXT, `${verdict.message}\n`);
    if (verdict.kind === 'login') {
      res.writeHead(303, { ...SECURITY_HEADERS, Location: verdict.location, 'Set-Cookie': verdict.cookie });
      return void res.end();
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (req.method === 'GET') {
      const asset = staticAsset(assets, url.pathname);
      if (asset) return send(res, 200, asset.type, asset.body);
      if (url.pathname === '/api/events') return live.add(res);
      if (url.pathname === '/api/info') return sendJson(res, { write: o.write });
    }
    const found = ROUTES.map((r) => ({ r, m: r.path.exec(url.pathname) })).filter((x) => x.m !== null);
    const hit = found.find((x) => x.r.method === req.method);
    if (!hit) {
      if (found.length > 0) return send(res, 405, TEXT, 'method not allowed\n');
      return send(res, 404, TEXT, 'not found\n');
    }
    if (hit.r.writes && !o.write) {
      const hint = 'Start it with `git milestone serve --write`.';
      const e = new MilestoneError('USAGE', 'this board is read-only', { hint });
      return sendError(res, e, 403);
    }
    const reply = await queue(() => hit.r.run(ctx, hit.m as RegExpExecArray, url, () => readJson(req)));
    if ('json' in reply) return sendJson(res, reply.json, reply.headers);
    return send(res, 200, reply.type, reply.body);
  };
  const server = http().createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!(e instanceof MilestoneError) || e.code === 'INTERNAL') {
        ctx.env.log.error('board: request failed', { error: String(e) });
      }
      if (!res.headersSent) sendError(res, e);
      else res.end();
    });
  });
  port = await listen(server, o.port);
  // Bring the index up to date (and load what a list needs) before the URL is printed, so the
  // first page opened is answered from a warm index. A failure here is the first page's to show.
  await queue(() => milestonePage(ctx, { query: [], all: false, offset: 0, limit: 1 })).catch(() => undefined);
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`, port, token, write: o.write,
    close: () => new Promise<void>((resolve) => {
      live.close();
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

function staticAsset(assets: Map<string, Asset>, pathname: string): Asset | undefined {
  if (pathname === '/') return assets.get('index.html');
  const m = /^\/assets\/([a-z0-9-]+\.[a-z]+)$/.exec(pathname);
  return m && m[1] !== 'index.html' ? assets.get(m[1]) : undefined;
}
