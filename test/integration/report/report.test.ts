/**
 * `report` and `--as-of` against one real repository built with an injected clock (every command
 * runs in-process at a chosen time, as a chosen author), so every figure is known in advance.
 * The story (UTC): milestone "Release" due 2025-01-10, created 2025-01-01 09:00 by Ada with tasks
 * A 4 h, B 2 h, C 6 h, D 3 h; A started 01-02 10:00 (Ada), done 01-03 10:00 (Bob); B started
 * 01-03 12:00 (Bob), done 01-06 12:00 (Ada); C done 01-07 09:00 (Bob) without a start; D pending.
 * A second milestone "Later" (label later) appears 01-05. The report is taken 01-08 12:00.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { runInProcess } from '../../helpers/inProcess';
import { validator } from '../../helpers/schemas';
import { makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

let repo: TmpRepo;
const ids: Record<string, string> = {};
const ADA = { GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@example.com' };
const BOB = { GIT_AUTHOR_NAME: 'Bob', GIT_AUTHOR_EMAIL: 'bob@example.com' };
const NOW = '2025-01-08T12:00:00Z';

async function at(when: string, who: Record<string, string>, argv: string[]): Promise<any> {
  const r = await runInProcess(repo.dir, [...argv, '--json'], who, new Date(when));
  if (r.code !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
const run = (argv: string[], now = NOW) => runInProcess(repo.dir, argv, ADA, new Date(now));

beforeAll(async () => {
  repo = makeTmpRepo();
  ids.m = (await at('2025-01-01T09:00:00Z', ADA, ['new', 'Release', '--due', '2025-01-10'])).id;
  for (const [name, h] of [['A', 4], ['B', 2], ['C', 6], ['D', 3]] as const) {
    ids[name] = (await at('2025-01-01T09:00:00Z', ADA, ['task', 'add', ids.m, name, '--estimate', String(h)])).id;
  }
  await at('2025-01-02T10:00:00Z', ADA, ['task', 'start', ids.A]);
  await at('2025-01-03T10:00:00Z', BOB, ['task', 'done', ids.A]);
  await at('2025-01-03T12:00:00Z', BOB, ['task', 'start', ids.B]);
  ids.later = (await at('2025-01-05T08:00:00Z', BOB, ['new', 'Later', '--label', 'later'])).id;
  await at('2025-01-06T12:00:00Z', ADA, ['task', 'done', ids.B]);
  await at('2025-01-07T09:00:00Z', BOB, ['task', 'done', ids.C]);
}, 60_000);
afterAll(() => repo?.cleanup());

describe('report', () => {
  it('computes every figure of one milestone from its history', async () => {
    const r = await run(['report', ids.m.slice(0, 8), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(validator('report.schema.json')(report)).toBe(true);
    expect(report.generatedAt).toBe('2025-01-08T12:00:00.000Z');
    expect(report.progress).toEqual({
      milestones: 1, tasks: 4, completed: 3, inProgress: 0, blocked: 0, pending: 1, cancelled: 0,
      percent: 75, estimatedHours: 15, remainingHours: 3,
    });
    const days = report.burndown.days;
    expect(report.burndown.start).toBe('2025-01-01');
    expect(report.burndown.dueDate).toBe('2025-01-10');
    expect(days.map((d: any) => d.date)).toEqual(Array.from({ length: 10 }, (_, i) => `2025-01-${String(i + 1).padStart(2, '0')}`));
    expect(days.map((d: any) => d.remainingTasks)).toEqual([4, 4, 3, 3, 3, 2, 1, 1, null, null]);
    expect(days.map((d: any) => d.remainingHours)).toEqual([15, 15, 11, 11, 11, 9, 3, 3, null, null]);
    expect(days.map((d: any) => d.idealTasks)).toEqual([4, 3.56, 3.11, 2.67, 2.22, 1.78, 1.33, 0.89, 0.44, 0]);
    expect(days.map((d: any) => d.idealHours)).toEqual([15, 13.33, 11.67, 10, 8.33, 6.67, 5, 3.33, 1.67, 0]);
    expect(report.velocity).toEqual({
      meanPerWeek: 1.5,
      weeks: [
        { week: '2024-12-30', completed: 1, byAuthor: [{ name: 'Bob', email: 'bob@example.com', completed: 1 }] },
        { week: '2025-01-06', completed: 2, byAuthor: [
          { name: 'Ada', email: 'ada@example.com', completed: 1 }, { name: 'Bob', email: 'bob@example.com', completed: 1 },
        ] },
      ],
    });
    expect(report.cycleTime).toEqual({ count: 2, medianDays: 2, p85Days: 3, tasks: [{ task: ids.A, days: 1 }, { task: ids.B, days: 3 }] });
    expect(report.leadTime).toMatchObject({ count: 3, medianDays: 5.13, p85Days: 6 });
    expect(report.leadTime.tasks).toEqual([{ task: ids.A, days: 2.04 }, { task: ids.B, days: 5.13 }, { task: ids.C, days: 6 }]);
    expect(report.throughput).toMatchObject({ completed: 3, days: 8, perDay: 0.38, perWeek: 2.63 });
    expect(report.throughput.daily.filter((d: any) => d.completed > 0)).toEqual([
      { date: '2025-01-03', completed: 1 }, { date: '2025-01-06', completed: 1 }, { date: '2025-01-07', completed: 1 },
    ]);
  });

  it('--format json is --json; csv, text, svg (XML) and html (self-contained) carry the same figures', async () => {
    const json = (await run(['report', ids.m, '--json'])).stdout;
    expect((await run(['report', ids.m, '--format', 'json'])).stdout).toBe(json);
    const csv = (await run(['report', ids.m, '--format', 'csv'])).stdout.split('\n');
    expect(csv[0]).toBe('metric,date,author,value');
    expect(csv).toContain('burndown.remainingTasks,2025-01-06,,2');
    expect(csv).toContain('velocity.completed,2025-01-06,Ada <ada@example.com>,1');
    expect(csv).toContain('leadTime.medianDays,,,5.13');
    const text = (await run(['report', ids.m])).stdout;
    expect(text).toContain('3/4 tasks done');
    expect(text).toContain('Cycle time: 2 d median, 3 d 85th percentile (2 tasks)');
    const svg = (await run(['report', ids.m, '--format', 'svg'])).stdout;
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level, msg) => { errors.push(`${level}: ${msg}`); } }).parseFromString(svg, 'image/svg+xml');
    expect(errors).toEqual([]);
    expect(doc.documentElement?.nodeName).toBe('svg');
    expect(doc.getElementsByTagName('svg').length).toBe(6);
    const titles = Array.from({ length: doc.getElementsByTagName('title').length }, (_, i) => doc.getElementsByTagName('title')[i].textContent);
    expect(titles).toContain('Burndown: remaining tasks');
    const html = (await run(['report', ids.m, '--format', 'html'])).stdout;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!www\.w3\.org)/);
    expect(html.match(/<svg /g)).toHaveLength(5);
    expect(html).toContain('<td>75 %</td>');
  });

  it('without a milestone, all of them together; a bad format is a usage error', async () => {
    const all = JSON.parse((await run(['report', '--json'])).stdout);
    expect(all.progress).toMatchObject({ milestones: 2, tasks: 4, completed: 3 });
    expect(all.burndown.days[4].remainingTasks).toBe(3);
    const bad = cli(repo.dir, ['report', ids.m, '--format', 'pdf']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format');
  });
});

describe('--as-of', () => {
  it('list answers from history and applies the query language as list does', async () => {
    const asOf = async (date: string, ...q: string[]) => JSON.parse((await run(['list', '--as-of', date, ...q, '--json'])).stdout);
    const jan3 = await asOf('2025-01-03');
    expect(jan3.map((m: any) => [m.title, m.doneCount, m.taskCount])).toEqual([['Release', 1, 4]]);
    expect((await asOf('2025-01-02')).map((m: any) => m.doneCount)).toEqual([0]);
    expect((await asOf('2025-01-05')).map((m: any) => m.title)).toEqual(['Release', 'Later']);
    expect((await asOf('2025-01-05', 'label:later')).map((m: any) => m.title)).toEqual(['Later']);
    expect((await asOf('2025-01-05', '-label:later', 'sort:-title')).map((m: any) => m.title)).toEqual(['Release']);
    expect((await asOf('2025-01-05T07:59:59Z')).map((m: any) => m.title)).toEqual(['Release']);
    // Today's history gives exactly today's list.
    expect((await run(['list', '--as-of', '2099-01-01', '--json'])).stdout).toBe((await run(['list', '--json'])).stdout);
  });

  it('show folds one milestone up to the time; a bare date is the end of that UTC day', async () => {
    const show = async (when: string) => JSON.parse((await run(['show', ids.m, '--as-of', when, '--json'])).stdout);
    const status = (m: any, id: string) => m.tasks.find((t: any) => t.id === id).status;
    expect(status(await show('2025-01-03T09:59:59Z'), ids.A)).toBe('in_progress');
    expect(status(await show('2025-01-03T10:00:05Z'), ids.A)).toBe('completed');
    expect(status(await show('2025-01-02'), ids.A)).toBe('in_progress');
    expect((await show('2025-01-06')).progress).toBe(50);
  });

  it('refuses a date that is not one, and one before anything existed', async () => {
    const bad = await run(['list', '--as-of', '2025-02-30']);
    expect(bad.code).toBe(5);
    expect(bad.stderr).toContain('is not a date');
    const early = await run(['list', '--as-of', '2024-12-31']);
    expect(early.code).toBe(5);
    expect(early.stderr).toContain('before any milestone existed (the first operation is from 2025-01-01T09:00:00.000Z)');
    const before = await run(['show', ids.later, '--as-of', '2025-01-04']);
    expect(before.code).toBe(5);
    expect(before.stderr).toContain(`before milestone ${ids.later.slice(0, 8)} existed`);
  });

  it('answers from the history cache exactly what a cold read of git gives; a damaged cache is rebuilt', async () => {
    const dir = path.join(repo.dir, '.git', 'milestones', 'history');
    const answers = async () => [
      (await run(['list', '--as-of', '2025-01-05', '--json'])).stdout,
      (await run(['show', ids.m, '--as-of', '2025-01-06', '--json'])).stdout,
      (await run(['report', '--json'])).stdout,
    ];
    const warm = await answers();
    expect(fs.readdirSync(path.join(dir, 'summaries')).length).toBeGreaterThan(0);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(await answers()).toEqual(warm);
    for (const sub of ['summaries', 'ops']) {
      for (const f of fs.readdirSync(path.join(dir, sub))) fs.writeFileSync(path.join(dir, sub, f), '{"version":');
    }
    expect(await answers()).toEqual(warm);
    expect(() => JSON.parse(fs.readFileSync(path.join(dir, 'ops', `${ids.m}.json`), 'utf8'))).not.toThrow();
  });
});
