/**
 * The PostgreSQL portfolio index against a real server (test/setup/postgres.ts): two repositories
 * feed one database under their own keys; `portfolio` answers across them (progress, blocked and
 * waiting tasks, due soon, a query); `rebuild --backend postgresql` re-syncs; an unreachable
 * server is BACKEND_UNAVAILABLE (exit 12) while local commands keep working.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { freshDatabase } from '../../helpers/pg';
import { makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

let a: TmpRepo;
let b: TmpRepo;
let env: Record<string, string>;
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const run = (repo: TmpRepo, args: string[], extra: Record<string, string> = env) => cli(repo.dir, args, extra);
const id = (repo: TmpRepo, args: string[]) => {
  const r = run(repo, [...args, '--json']);
  if (r.code !== 0) throw new Error(r.stderr + r.stdout);
  return r.json().id as string;
};

beforeAll(async () => {
  env = { DATABASE_URL: await freshDatabase() };
  a = makeTmpRepo();
  b = makeTmpRepo();
  const api = id(a, ['new', 'API v2', '--label', 'backend', '--due', day(3)]);
  const t1 = id(a, ['task', 'add', api, 'Schema', '--assignee', 'alice']);
  id(a, ['task', 'add', api, 'Endpoints', '--depends-on', t1]);
  const t3 = id(a, ['task', 'add', api, 'Load test']);
  expect(run(a, ['task', 'block', t3]).code).toBe(0);
  const done = id(a, ['new', 'Done already', '--due', day(-5), '--status', 'completed']);
  expect(done).toBeTruthy();
  const web = id(b, ['new', 'Website', '--label', 'frontend', '--due', day(-1)]);
  const w1 = id(b, ['task', 'add', web, 'Design']);
  expect(run(b, ['task', 'done', w1]).code).toBe(0);
  id(b, ['task', 'add', web, 'Build']);
  id(b, ['new', 'Far future', '--due', day(90)]);
}, 120_000);
afterAll(() => {
  a?.cleanup();
  b?.cleanup();
});

describe('PostgreSQL portfolio', () => {
  it('each repository syncs under its own stable key; portfolio answers across them', () => {
    let p = run(a, ['portfolio', '--json']).json();
    expect(p.repositories.map((r: any) => r.name)).toEqual([path.basename(a.dir)]);
    const rebuilt = run(b, ['rebuild', '--backend', 'postgresql', '--json']);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(rebuilt.json()).toMatchObject({ backend: 'postgresql', total: 2, errors: [] });
    const keyA = fs.readFileSync(path.join(a.dir, '.git/milestones/repo-id'), 'utf8').trim();
    const keyB = fs.readFileSync(path.join(b.dir, '.git/milestones/repo-id'), 'utf8').trim();
    expect(keyA).not.toBe(keyB);
    p = run(a, ['portfolio', '--json']).json();
    const byName = Object.fromEntries(p.repositories.map((r: any) => [r.name, r]));
    expect(byName[path.basename(a.dir)]).toMatchObject({ key: keyA, milestoneCount: 2, taskCount: 3, doneCount: 0 });
    expect(byName[path.basename(b.dir)]).toMatchObject({ key: keyB, milestoneCount: 2, taskCount: 2, doneCount: 1, progress: 25 });
    expect(byName[path.basename(b.dir)].milestones.map((m: any) => [m.title, m.progress])).toEqual([['Website', 50], ['Far future', 0]]);
    expect(p.blockedTasks.map((t: any) => [t.title, t.status, t.waitingOn])).toEqual([['Endpoints', 'pending', 1], ['Load test', 'blocked', 0]]);
    expect(p.dueSoon.map((d: any) => [d.title, d.overdue])).toEqual([['Website', true], ['API v2', false]]);
    const text = run(a, ['portfolio']).stdout;
    expect(text).toContain('Blocked tasks:');
    expect(text).toMatch(/OVERDUE .*Website/);
  });

  it('a query narrows every repository; a change is seen after the next sync', () => {
    run(b, ['list', '--backend', 'postgresql']);
    let p = run(a, ['portfolio', 'label:backend,frontend', '--json']).json();
    expect(p.repositories.flatMap((r: any) => r.milestones.map((m: any) => m.title)).sort()).toEqual(['API v2', 'Website']);
    id(b, ['new', 'Backend for website', '--label', 'backend']);
    expect(run(b, ['list', '--backend', 'postgresql', 'label:backend', '--json']).json().map((m: any) => m.title)).toEqual(['Backend for website']);
    p = run(a, ['portfolio', 'label:backend', '--json']).json();
    expect(p.repositories.flatMap((r: any) => r.milestones.map((m: any) => m.title)).sort()).toEqual(['API v2', 'Backend for website']);
  });

  it('an unreachable server is BACKEND_UNAVAILABLE (exit 12); local commands keep working', () => {
    const down = { DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/nothing' };
    for (const args of [['portfolio', '--json'], ['rebuild', '--backend', 'postgresql', '--json'], ['list', '--backend', 'postgresql', '--json']]) {
      const r = run(a, args, down);
      expect(r.code, args.join(' ')).toBe(12);
      expect(r.json().error).toMatchObject({ code: 'BACKEND_UNAVAILABLE', message: expect.stringContaining('127.0.0.1:1/nothing') });
      expect(r.stdout + r.stderr).not.toContain('secret');
    }
    const local = run(a, ['list', '--json'], { ...down, MILESTONE_BACKEND_OVERRIDE: 'postgresql' });
    expect(local.code).toBe(0);
    expect(local.json().map((m: any) => m.title)).toEqual(['API v2', 'Done already']);
    expect(local.stderr).toMatch(/warning: cannot reach the PostgreSQL server.*; using the sqlite index/);
    expect(run(a, ['next', '--json'], down).code).toBe(0);
  });
});
