/**
 * `git milestone serve` in real headless Chromium (Debian's chromium driven by playwright-core):
 * one browser and one repository for the file, one server per mode (read-only and --write). The
 * pages render (a screenshot of each view goes to test-artifacts/serve/), the token is required,
 * a foreign Host or Origin is refused (plain node http requests), a change made with the CLI shows
 * up without a reload, a --write action moves the refs through the core functions, Ctrl-C stops it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MilestoneState } from '../../../src/domain/types';
import { cli } from '../../helpers/cli';
import { expectExercised, problems, rowKey } from '../../helpers/schemas';
import { makeTmpRepo } from '../../helpers/tmpRepo';
import { ARTIFACTS, chromiumPath, request, startBoard, type Board } from './boardHarness';

const dist = <T>(p: string): T => createRequire(__filename)(path.resolve(__dirname, '../../../dist', p)) as T;
const { EntityStore } = dist<typeof import('../../../src/storage/entity/EntityStore')>('storage/entity/EntityStore.js');
const { milestoneEntity } = dist<typeof import('../../../src/core/milestoneEntity')>('core/milestoneEntity.js');
const { findRepo } = dist<typeof import('../../../src/storage/git/findRepo')>('storage/git/findRepo.js');
const { openGitStorage } = dist<typeof import('../../../src/storage/git/openGitStorage')>('storage/git/openGitStorage.js');

const repo = makeTmpRepo();
const run = (...args: string[]): any => {
  const r = cli(repo.dir, [...args, '--json']);
  if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stdout}${r.stderr}`);
  return r.json();
};
const validated = new Set<string>();
let browser: Browser;
let readOnly: Board;
let writable: Board;
const ids: Record<string, string> = {};

/** 55 more milestones, written in-process through the entity engine (the CLI's own write path). */
async function fillers(n: number): Promise<void> {
  const storage = openGitStorage({ repo: findRepo({ cwd: repo.dir, vars: {} }) });
  const store = new EntityStore<MilestoneState>(storage, milestoneEntity);
  const who = { author: { name: 'Test', email: 'test@example.com' }, time: '2026-01-01T00:00:00.000Z' };
  for (let i = 0; i < n; i++) await store.create({ type: 'milestone.create', title: `Filler ${i}`, nonce: `f${i}` }, who);
  await storage.objects.close();
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await fillers(55);
  ids.m = run('new', 'Board milestone', '--due', '2030-06-30').id;
  ids.design = run('task', 'add', ids.m, 'Design the API', '--estimate', '3').id;
  ids.build = run('task', 'add', ids.m, 'Build it', '--depends-on', ids.design).id;
  ids.ship = run('task', 'add', ids.m, 'Ship it', '--depends-on', ids.build).id;
  ids.spec = run('task', 'add', ids.m, 'Write the spec').id;
  run('task', 'start', ids.design);
  run('phase', 'start', ids.spec);
  const design = repo.git(['ls-files', '--others', '--exclude-standard']).split('\n').find((f) => f.endsWith('design.md'));
  fs.writeFileSync(path.join(repo.dir, design as string), '# Design\n\nThe real content.\n');
  run('phase', 'submit', ids.spec);
  ids.session = run('session', 'start', ids.m, '--pid', String(process.pid)).id;
  run('claim', ids.design, '--as', 'agent-7');
  [readOnly, writable] = await Promise.all([startBoard(repo.dir), startBoard(repo.dir, ['--write'])]);
  browser = await chromium.launch({ executablePath: chromiumPath() });
});

afterAll(async () => {
  await browser?.close();
  for (const b of [readOnly, writable]) if (b && b.child.exitCode === null) await b.stop();
  repo.cleanup();
});

async function open(board: Board, hash = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(board.info.url);
  expect(new URL(page.url()).search).toBe(''); // the token left the address bar
  if (hash) await page.evaluate((h) => { (globalThis as any).location.hash = h; }, hash);
  await page.waitForSelector('body[data-ready="yes"][data-live="on"]');
  return page;
}

async function show(page: Page, hash: string, view: string): Promise<void> {
  await page.evaluate((h) => { (globalThis as any).location.hash = h; }, hash);
  await page.waitForSelector(`[data-view="${view}"]`);
  await page.waitForSelector('body[data-ready="yes"]');
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

describe('git milestone serve', () => {
  it('prints its startup line as serve.schema.json says, bound to 127.0.0.1', () => {
    for (const b of [readOnly, writable]) {
      expect(problems('serve.schema.json', b.info), b.line).toBeNull();
      expect(b.info.url).toBe(`http://127.0.0.1:${b.info.port}/?token=${b.info.token}`);
      validated.add(rowKey('serve', 'serve.schema.json'));
    }
    expect([readOnly.info.write, writable.info.write]).toEqual([false, true]);
    expect(readOnly.info.token).not.toBe(writable.info.token);
    expectExercised('board.test.ts', validated);
  });

  it('requires the token, and refuses a foreign Host or Origin (DNS rebinding)', async () => {
    const { port, token } = readOnly.info;
    const own = { Host: `127.0.0.1:${port}` };
    expect((await request(port, { path: '/api/milestones', headers: own })).status).toBe(401);
    expect((await request(port, { path: '/', headers: own })).status).toBe(401);
    expect((await request(port, { path: '/?token=wrong', headers: own })).status).toBe(401);
    const bearer = { ...own, Authorization: `Bearer ${token}` };
    const ok = await request(port, { path: '/api/milestones?limit=2', headers: bearer });
    expect(ok.status).toBe(200);
    expect(ok.headers['x-total-count']).toBe('56');
    expect(problems('milestone-list.schema.json', JSON.parse(ok.body))).toBeNull();
    for (const host of [`evil.example:${port}`, 'localhost:1', `127.0.0.1:${port + 1}`]) {
      const r = await request(port, { path: '/api/milestones', headers: { Host: host, Authorization: `Bearer ${token}` } });
      expect(r.status, host).toBe(403);
      expect(r.body).toMatch(/Host/);
    }
    const foreign = await request(port, { path: '/api/milestones', headers: { ...bearer, Origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
    const same = await request(port, { path: '/api/milestones', headers: { ...bearer, Origin: `http://127.0.0.1:${port}` } });
    expect(same.status).toBe(200);
    // The token in the URL once: an HttpOnly cookie for this port, and the URL without it.
    const login = await request(port, { path: `/?token=${token}`, headers: own });
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe('/');
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    expect(cookie).toBe(`gm_board_${port}=${token}`);
    expect(String(login.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await request(port, { path: '/', headers: { ...own, Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<script type="module" src="\/assets\/app.js">/);
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    const otherPort = await request(writable.info.port, { path: '/api/info', headers: { Host: `127.0.0.1:${writable.info.port}`, Cookie: cookie } });
    expect(otherPort.status).toBe(401); // one server's cookie opens no other
  });

  it('answers with the documents the CLI prints with --json (same schemas)', async () => {
    const { port, token } = readOnly.info;
    const get = async (p: string) => {
      const r = await request(port, { path: p, headers: { Host: `127.0.0.1:${port}`, Authorization: `Bearer ${token}` } });
      expect(r.status, `${p}: ${r.body}`).toBe(200);
      return r.body;
    };
    const cases: Array<[string, string, string[]]> = [
      [`/api/milestones?offset=50&limit=10`, 'milestone-list.schema.json', ['list']],
      [`/api/milestones/${ids.m}`, 'milestone.schema.json', ['show', ids.m]],
      [`/api/milestones/${ids.m}/report`, 'report.schema.json', ['report', ids.m]],
      ['/api/reviews', 'review-pending.schema.json', ['review', '--pending']],
      ['/api/sessions', 'session-list.schema.json', ['session', 'list']],
    ];
    const claims = JSON.parse(await get('/api/claims'));
    expect(problems('claim-list.schema.json', claims)).toBeNull();
    expect(claims).toEqual(run('show', ids.m).claims);
    expect(claims).toMatchObject([{ task: ids.design, agent: 'agent-7', fencing: 1 }]);
    for (const [p, schema, args] of cases) {
      const doc = JSON.parse(await get(p));
      expect(problems(schema, doc), p).toBeNull();
      if (schema !== 'report.schema.json') expect(doc, p).toEqual(p.includes('offset=50') ? run(...args).slice(50, 60) : run(...args));
    }
    const svg = await get(`/api/milestones/${ids.m}/burndown.svg`);
    expect(svg).toMatch(/^<svg [^>]*aria-label="Burndown: remaining tasks"/);
  });

  it('refuses changes unless started with --write', async () => {
    const { port, token } = readOnly.info;
    const tip = repo.git(['for-each-ref', '--format=%(objectname)', `refs/milestones/milestone/${ids.m}`]);
    const r = await request(port, {
      path: `/api/tasks/${ids.ship}/status`, method: 'POST', body: '{"status":"completed"}',
      headers: { Host: `127.0.0.1:${port}`, 'X-Milestone-Token': token, 'Content-Type': 'application/json' },
    });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error.message).toMatch(/read-only/);
    expect(repo.git(['for-each-ref', '--format=%(objectname)', `refs/milestones/milestone/${ids.m}`])).toBe(tip);
  });

  it('renders every view (milestones paged, board by status and phase, graph, burndown, reviews)', async () => {
    const page = await open(readOnly);
    try {
      await page.waitForSelector('[data-view="milestones"]');
      expect(await page.locator('tbody tr').count()).toBe(50);
      expect(await page.textContent('.pager .count')).toBe('1–50 of 56');
      expect(await page.textContent('#mode')).toBe('read-only');
      await shot(page, 'milestones');
      await page.click('text=Next →');
      await page.waitForSelector('text=51–56 of 56');
      await page.click('text=Board milestone');
      await page.waitForSelector('[data-view="milestone-status"]');
      const column = (st: string) => page.locator(`[data-status="${st}"] .card .title`).allTextContents();
      expect(await column('in_progress')).toEqual(['Design the API', 'Write the spec']);
      expect(await column('pending')).toEqual(['Build it', 'Ship it']);
      expect(await page.locator('select.move').count()).toBe(0); // read-only: no moves offered
      expect(await page.textContent(`[data-task="${ids.design}"] .claim`)).toMatch(/^claimed by agent-7 until /);
      expect(await page.textContent('.summary')).toMatch(/due 2030-06-30/);
      await shot(page, 'board-status');
      await show(page, `#/m/${ids.m}/phases`, 'milestone-phases');
      expect(await page.locator('[data-phase="design"] .card .title').allTextContents()).toEqual(['Write the spec']);
      expect(await page.textContent('[data-phase="design"] .phase')).toMatch(/waiting approval/);
      expect(await page.locator('[data-phase="none"] .card').count()).toBe(3);
      await shot(page, 'board-phases');
      await show(page, `#/m/${ids.m}/graph`, 'milestone-graph');
      expect(await page.locator('svg.graph g.node').count()).toBe(4);
      expect(await page.locator('svg.graph line.edge').count()).toBe(2);
      await shot(page, 'graph');
      await show(page, `#/m/${ids.m}/burndown`, 'milestone-burndown');
      await page.waitForFunction(() => (globalThis as any).document.querySelector('img.chart')?.naturalWidth === 640);
      expect(await page.textContent('.figures')).toMatch(/0\/4/);
      await shot(page, 'burndown');
      await show(page, '#/reviews', 'reviews');
      expect(await page.locator(`tr[data-task="${ids.spec}"] td`).first().textContent()).toMatch(/Write the spec/);
      expect(await page.locator('tr[data-task] button').count()).toBe(0);
      await shot(page, 'reviews');
      await show(page, '#/agents', 'agents');
      expect(await page.textContent(`tr[data-session="${ids.session}"]`)).toMatch(/active.*Test User · pid/);
      expect(await page.textContent(`tr[data-claim="${ids.design}"]`)).toMatch(/Test User <test@example.com>agent-7.*1$/);
      await shot(page, 'agents');
      await show(page, `#/?q=${encodeURIComponent('Board -label:x')}`, 'milestones');
      expect(await page.locator('tbody tr').count()).toBe(1);
      await page.evaluate(() => { (globalThis as any).location.hash = '#/?q=sort:nonsense'; });
      expect(await page.textContent('#view .error')).toMatch(/sort/i); // the query language's own error
    } finally {
      await page.close();
    }
  });

  it('shows a change made with the CLI without a reload', async () => {
    const page = await open(readOnly, `#/m/${ids.m}`);
    try {
      await page.evaluate(() => { (globalThis as any).marker = 42; });
      run('task', 'add', ids.m, 'Added from the CLI');
      run('task', 'done', ids.design);
      await page.waitForSelector('[data-status="pending"] .card:has-text("Added from the CLI")');
      await page.waitForSelector('[data-status="completed"] .card:has-text("Design the API")');
      expect(await page.evaluate(() => (globalThis as any).marker)).toBe(42);
      await shot(page, 'live-update');
    } finally {
      await page.close();
    }
  });

  it('with --write, moves a task and approves a phase through the core functions (the refs change)', async () => {
    const ref = `refs/milestones/milestone/${ids.m}`;
    const tip = () => repo.git(['rev-parse', ref]).trim();
    const before = tip();
    const page = await open(writable, `#/m/${ids.m}`);
    try {
      expect(await page.textContent('#mode')).toBe('changes allowed');
      await page.selectOption(`[data-task="${ids.build}"] select.move`, 'in_progress');
      await page.waitForSelector('[data-status="in_progress"] .card:has-text("Build it")');
      expect(run('task', 'show', ids.build).status).toBe('in_progress');
      expect(tip()).not.toBe(before);
      expect(repo.git(['log', '-1', '--format=%s', ref]).length).toBeGreaterThan(0);
      await shot(page, 'write-board');
      await show(page, '#/reviews', 'reviews');
      await page.fill(`input[data-message="${ids.spec}:design"]`, 'looks right');
      await page.click(`tr[data-task="${ids.spec}"] button:has-text("approve")`);
      await page.waitForSelector('text=No phase is waiting for a review.');
      const phase = run('task', 'show', ids.spec).phases.find((p: { name: string }) => p.name === 'design');
      expect(phase.status).toBe('approved');
      expect(phase.reviews[0]).toMatchObject({ decision: 'approve', message: 'looks right' });
      await show(page, `#/m/${ids.m}/phases`, 'milestone-phases');
      await page.click(`[data-task="${ids.spec}"] button:has-text("start")`);
      await page.waitForSelector(`[data-phase="spec"] [data-task="${ids.spec}"] .phase:has-text("in progress")`);
      expect(run('task', 'show', ids.spec).phases.find((p: { name: string }) => p.name === 'spec').status).toBe('in_progress');
      // A refused change shows the core's error, and changes nothing.
      const r: any = await page.evaluate(async (id) => (await fetch(`/api/tasks/${id}/status`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"status":"done-ish"}',
      })).json(), ids.ship);
      expect(r.error.code).toBe('INVALID_INPUT');
    } finally {
      await page.close();
    }
  });

  it('refuses a --port that is taken, with the CLI\'s error', () => {
    const r = cli(repo.dir, ['serve', '--port', String(readOnly.info.port), '--json']);
    expect(r.code).toBe(5);
    expect(r.json().error).toMatchObject({ code: 'INVALID_INPUT', hint: 'Leave out --port to take a free one.' });
    expect(r.json().error.message).toMatch(/is in use/);
  });

  it('stops cleanly on Ctrl-C (SIGINT)', async () => {
    const { port } = writable.info;
    expect(await writable.stop()).toBe(0);
    await expect(request(port, { headers: { Host: `127.0.0.1:${port}` } })).rejects.toThrow(/ECONNREFUSED/);
    expect(writable.stderr()).not.toMatch(/error|warning/i); // (phase start reports the deliverable it created)
  });
});
