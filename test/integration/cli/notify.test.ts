/**
 * Webhooks against a real HTTP server on 127.0.0.1, in one shared repository: an untrusted
 * committed URL is not contacted (and is after `git milestone trust`); a server that fails twice
 * and then accepts (signature, retries by later writes on the backoff schedule, `notify flush`,
 * `notify log`); one that never answers (the command still returns within its bound); a URL that
 * is not http(s); a redirect to another host; credentials masked. Most commands run in process
 * (runInProcess, clock injected); the bound is checked on the real CLI in a child process.
 */
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, cliEnv } from '../../helpers/cli';
import { runInProcess } from '../../helpers/inProcess';
import { makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

const SECRET = 'correct horse battery staple';

interface Seen { path: string; headers: http.IncomingHttpHeaders; body: string }
/** What the server answers next, in order; then 200. 'hang' never answers. */
let plan: Array<number | 'hang' | { redirect: string }> = [];
const seen: Seen[] = [];
const hanging: http.ServerResponse[] = [];

let repo: TmpRepo;
let server: http.Server;
let base: string;
let milestone: string;
let task: string;

const run = async (args: string[], now?: Date, code = 0) => {
  const r = await runInProcess(repo.dir, args, {}, now);
  expect(r.code, `${args.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(code);
  return { ...r, json: () => JSON.parse(r.stdout) };
};

function settings(urls: string[], extra = ''): void {
  const hooks = urls.map((u) => `    - url: ${u}\n      events: [task.blocked, milestone.status_changed]\n`).join('');
  fs.writeFileSync(path.join(repo.dir, '.milestones/config/milestone-config.yaml'), `notifications:\n  webhooks:\n${hooks}${extra}`);
}

const log = async () => (await run(['notify', 'log', '--json'])).json().deliveries;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      seen.push({ path: req.url ?? '', headers: req.headers, body });
      const next = plan.shift() ?? 200;
      if (next === 'hang') return void hanging.push(res);
      if (typeof next === 'object') return void res.writeHead(307, { Location: next.redirect }).end();
      res.writeHead(next).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  repo = makeTmpRepo();
  repo.git(['config', 'milestone.webhook-secret', SECRET]);
  await run(['init']);
  fs.mkdirSync(path.join(repo.dir, '.milestones/config'), { recursive: true });
  settings([`${base}/hook`]);
  milestone = (await run(['new', 'Webhooks', '--json'])).json().id;
  task = (await run(['task', 'add', milestone, 'Wire them', '--json'])).json().id;
});

afterAll(async () => {
  for (const res of hanging) res.destroy();
  await new Promise((resolve) => server.close(resolve));
  repo?.cleanup();
});

describe('webhooks', () => {
  it('a URL from the committed settings file is not contacted until this clone trusts the file', async () => {
    // The real CLI, watched for node:http/https: a write that has no webhook to call never loads them.
    const watch = path.join(repo.dir, '.git', 'watch-http.js');
    fs.writeFileSync(watch, `const M = require('module'); const load = M._load; const seen = new Set();
      M._load = function (r, ...a) { if (/^(node:)?https?$/.test(r)) seen.add(r); return load.call(this, r, ...a); };
      process.on('exit', () => process.stderr.write('http modules: [' + [...seen].join(',') + ']\\n'));`);
    const r = cli(repo.dir, ['task', 'block', task], { NODE_OPTIONS: `--require ${watch}` });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/notifications\.webhooks not used: .*not trusted.*git milestone trust/);
    expect(r.stderr).toContain('http modules: []');
    expect(seen).toHaveLength(0);
    expect(await log()).toEqual([]);
    await run(['trust']);
    await run(['task', 'start', task]);
    await run(['task', 'block', task]);
    expect(seen).toHaveLength(1);
    expect((await log())[0]).toMatchObject({ event: 'task.blocked', status: 'delivered', attempts: 1, lastStatusCode: 200 });
  });

  it('fails twice then accepts: signed, retried by a later write when due and by notify flush, all in notify log', async () => {
    seen.length = 0;
    plan = [500, 503];
    const t0 = new Date(Date.now() + 3_600_000);
    await run(['task', 'start', task], t0);
    const blocked = await run(['task', 'block', task], t0);
    expect(blocked.stderr).toMatch(/webhook http:\/\/127\.0\.0\.1:\d+\/hook \(task\.blocked\) not delivered: HTTP 500/);
    let d = (await log())[0];
    expect(d).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500', signed: true });
    const next1 = Date.parse(d.nextAttemptAt);
    expect(next1 - Date.parse(d.lastAttemptAt)).toBe(10_000);

    await run(['task', 'edit', task, '--title', 'Wire them up'], new Date(next1 - 5_000)); // not due yet
    expect(seen).toHaveLength(1);
    await run(['task', 'edit', task, '--title', 'Wire them all up'], new Date(next1 + 1_000)); // due: retried
    expect(seen).toHaveLength(2);
    d = (await log())[0];
    expect(d).toMatchObject({ status: 'pending', attempts: 2, lastStatusCode: 503 });
    expect(Date.parse(d.nextAttemptAt) - Date.parse(d.lastAttemptAt)).toBe(20_000); // doubled

    expect((await run(['notify', 'flush', '--json'], new Date(next1 + 5_000))).json()).toMatchObject({ attempted: 0, pending: 1 });
    const flushed = (await run(['notify', 'flush', '--all', '--json'])).json();
    expect(flushed).toMatchObject({ attempted: 1, delivered: 1, pending: 0 });
    expect(seen).toHaveLength(3);
    d = (await log())[0];
    expect(d).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200, lastError: null, nextAttemptAt: null });

    for (const s of seen) {
      const expected = `sha256=${createHmac('sha256', SECRET).update(s.body).digest('hex')}`;
      expect(s.headers['x-milestone-signature-256']).toBe(expected);
      expect(s.headers['x-milestone-delivery']).toBe(d.id);
      expect(s.headers['x-milestone-event']).toBe('task.blocked');
      expect(JSON.parse(s.body)).toMatchObject({ id: d.id, event: 'task.blocked', task: { id: task, status: 'blocked' }, actor: 'Test User <test@example.com>' });
    }
    expect(seen[0].body).toBe(seen[2].body); // the same bytes each time
    const text = (await run(['notify', 'log'])).stdout;
    expect(text).toMatch(/delivered\s+task\.blocked\s+3\s+HTTP 200/);
  });

  it('an endpoint that never answers: the command still returns within its bound, and the delivery stays pending', async () => {
    seen.length = 0;
    plan = ['hang'];
    const started = Date.now();
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'edit', milestone, '--status', 'in_progress'], { cwd: repo.dir, env: cliEnv() });
      let stderr = '';
      child.stderr.on('data', (c) => (stderr += c));
      child.on('close', (code) => resolve({ code, stderr }));
    });
    const took = Date.now() - started;
    expect(r.code, r.stderr).toBe(0);
    expect(seen).toHaveLength(1); // it was contacted, and never answered
    expect(r.stderr).toMatch(/milestone\.status_changed\) not delivered: no answer within \d+ ms/);
    expect(took).toBeLessThan(1_500 + 3_000); // the 1.5 s bound plus a slow machine's start-up
    const d = (await log()).find((x: { id: string }) => x.id === seen[0].headers['x-milestone-delivery']);
    expect(d).toMatchObject({ event: 'milestone.status_changed', status: 'pending', attempts: 1, lastStatusCode: null });
    expect(JSON.parse(seen[0].body)).toMatchObject({ event: 'milestone.status_changed', data: { from: 'planned', to: 'in_progress' } });
    // Claimed by another command (its lock file is fresh): not sent again; a stale claim is taken over.
    const outbox = path.join(repo.dir, '.git', 'milestones', 'outbox');
    const lock = path.join(outbox, `${fs.readdirSync(outbox).find((n) => n.endsWith('.json'))}.lock`);
    fs.writeFileSync(lock, '99999');
    expect((await run(['notify', 'flush', '--all', '--json'])).json()).toMatchObject({ attempted: 0, pending: 1 });
    fs.utimesSync(lock, new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    expect((await run(['notify', 'flush', '--all', '--json'])).json()).toMatchObject({ attempted: 1, delivered: 1, pending: 0 });
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('only http(s) URLs: --url refused, a configured one named as an error by notify test and skipped by writes', async () => {
    const refused = await run(['notify', 'test', '--url', 'file:///etc/passwd'], undefined, 5);
    expect(refused.stderr).toContain('not an http(s) URL');
    settings(['ftp://127.0.0.1/hook']);
    await run(['trust']);
    const bad = await run(['notify', 'test'], undefined, 9);
    expect(bad.stderr).toContain('notifications.webhooks[0].url');
    const validated = (await run(['config', 'validate', '--json'], undefined, 1)).json();
    expect(validated.errors).toEqual([expect.objectContaining({ path: 'notifications.webhooks[0].url', line: 2 })]);
    expect(validated.errors[0].message).toContain('not an http(s) URL');
    seen.length = 0;
    const before = (await log()).length;
    const w = await run(['edit', milestone, '--status', 'completed']);
    expect(w.stderr).toMatch(/notifications\.webhooks\[0\]\.url: .*not an http\(s\) URL.*skipped/);
    expect((await log()).length).toBe(before);
    expect(seen).toHaveLength(0);
  });

  it('a redirect is followed on the same host only; credentials in URLs are masked in notify log', async () => {
    seen.length = 0;
    plan = [{ redirect: '/final' }, 200, { redirect: 'http://localhost:1/elsewhere' }];
    const same = (await run(['notify', 'test', '--url', `${base}/start`, '--json'])).json().deliveries[0];
    expect(same).toMatchObject({ status: 'delivered', lastStatusCode: 200 });
    expect(seen.map((s) => s.path)).toEqual(['/start', '/final']);
    const other = (await run(['notify', 'test', '--url', `${base}/away`, '--json'])).json().deliveries[0];
    expect(other).toMatchObject({ status: 'pending', lastStatusCode: 307 });
    expect(other.lastError).toContain('redirect to another host not followed');
    const secretUrl = `http://alice:hunter2@127.0.0.1:${new URL(base).port}/x?token=abc123&team=a`;
    await run(['notify', 'test', '--url', secretUrl]);
    const shown = JSON.stringify(await log()) + (await run(['notify', 'log'])).stdout;
    expect(shown).not.toMatch(/hunter2|abc123|alice/);
    expect(shown).toContain('http://***@127.0.0.1');
  });
});

describe('phase and review events', () => {
  it('phase submit fires review.requested and a review fires review.approved, each signed', async () => {
    const events = 'events: [review.requested, review.approved, review.rejected, review.changes_requested]';
    fs.writeFileSync(
      path.join(repo.dir, '.milestones/config/milestone-config.yaml'),
      `notifications:\n  webhooks:\n    - url: ${base}/phases\n      ${events}\n`,
    );
    await run(['trust']);
    seen.length = 0;
    plan = [];
    const id = (await run(['task', 'add', milestone, 'Design it', '--workflow', 'kiro', '--json'])).json().id;
    const started = await run(['phase', 'start', id]);
    const doc = /created (\S+) from the kiro template/.exec(started.stderr)![1];
    fs.writeFileSync(path.join(repo.dir, doc), '# Design\n\nThe design, written.\n');
    await run(['phase', 'submit', id]);
    await run(['review', id, '--approve', '-m', 'looks right']);
    const got = seen.filter((s) => s.path === '/phases').map((s) => JSON.parse(s.body));
    expect(got.map((e) => [e.event, e.phase, e.task.id])).toEqual([
      ['review.requested', 'design', id],
      ['review.approved', 'design', id],
    ]);
    expect(got[1].data).toEqual({ message: 'looks right' });
    for (const s of seen.filter((x) => x.path === '/phases')) {
      const want = `sha256=${createHmac('sha256', SECRET).update(s.body).digest('hex')}`;
      expect(s.headers['x-milestone-signature-256']).toBe(want);
    }
  });
});
