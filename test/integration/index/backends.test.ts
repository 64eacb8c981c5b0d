/**
 * One query suite, three backends: a fixed data set (labels, priorities, due dates, statuses,
 * assignees, blocked and archived and deleted milestones, non-ASCII and odd characters) is listed
 * with many queries through the file index, SQLite and PostgreSQL, and every answer must be the
 * same bytes. Then the data changes (edits, new tasks, archive, delete, a native `git update-ref`)
 * and the comparison runs again, which exercises the incremental refresh of each backend.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { runInProcess } from '../../helpers/inProcess';
import { freshDatabase } from '../../helpers/pg';
import { makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

const BACKENDS = ['file', 'sqlite', 'postgresql'] as const;
let repo: TmpRepo;
let vars: Record<string, string> = {};
const ids: Record<string, string> = {};

function make(key: string, args: string[]): void {
  const r = cli(repo.dir, ['new', ...args, '--json']);
  if (r.code !== 0) throw new Error(r.stderr);
  ids[key] = r.json().id;
}
function task(m: string, title: string, ...extra: string[]): string {
  const r = cli(repo.dir, ['task', 'add', ids[m], title, ...extra, '--json']);
  if (r.code !== 0) throw new Error(r.stderr);
  return r.json().id;
}
const ok = (args: string[]) => expect(cli(repo.dir, args).code).toBe(0);

beforeAll(async () => {
  vars = { DATABASE_URL: await freshDatabase() };
  repo = makeTmpRepo();
  make('parser', ['Parser rewrite', '-d', 'Rewrite the tokenizer and parser.', '--label', 'backend', '--label', 'q4', '--priority', 'high', '--due', '2026-03-31', '--status', 'in_progress', '--criterion', 'fuzzing finds nothing']);
  make('docs', ['Docs site', '--label', 'docs', '--priority', 'low', '--due', '2026-06-30T17:00:00Z']);
  make('old', ['Old experiment', '--status', 'paused']);
  make('gone', ['Deleted thing', '--label', 'tmp']);
  make('cafe', ['Café menü ünïcode', '-d', 'Ärger mit Umlauten', '--label', 'i18n']);
  make('api', ['API v2', '--label', 'backend', '--label', 'api', '--priority', 'medium', '--due', '2026-01-15', '--status', 'blocked']);
  make('release', ['Release 1.0', '--status', 'completed', '--due', '2025-12-01', '--label', 'release']);
  make('audit', ['Security audit', '--priority', 'high']);
  make('upper', ['PARSER DOCS', '--label', 'docs', '--label', 'backend']);
  make('q', ['Q', '-d', 'x']);
  make('odd', ['Quoted "title" 100% done_ok', '-d', "it's {weird} : stuff"]);
  make('later', ['Later stuff', '--label', 'later', '--due', '2027-01-01']);
  const t1 = task('parser', 'Tokenizer', '--assignee', 'alice');
  const t2 = task('parser', 'Grammar', '--assignee', 'bob', '--depends-on', t1);
  task('parser', 'Docs', '--assignee', 'dave', '--depends-on', t2);
  const t4 = task('parser', 'Bench');
  task('docs', 'Intro', '--assignee', 'carol');
  const a1 = task('audit', 'Threat model', '--assignee', 'alice');
  task('release', 'Tag it', '--assignee', 'bob');
  ok(['task', 'done', t1]);
  ok(['task', 'start', t2]);
  ok(['task', 'block', t4]);
  ok(['task', 'block', a1]);
  ok(['archive', ids.old]);
  ok(['rm', ids.gone]);
}, 120_000);
afterAll(() => repo?.cleanup());

const QUERIES: string[][] = [
  [], ['--all'], ['parser'], ['PARSER'], ['pars'], ['ar'], ['ünï'], ['CAFÉ'], ['umlaut'], ['100%'], ['"title"'], ['done_ok'], ['{weird}'],
  ['status:in_progress'], ['status:in_progress,blocked'], ['-status:completed'], ['--status', 'blocked'], ['--status', 'paused', '--all'],
  ['label:backend'], ['label:docs'], ['label:backend,docs'], ['-label:backend'], ['label:backend', 'label:docs'], ['--label', 'docs', '--label', 'backend'],
  ['assignee:alice'], ['-assignee:alice'], ['assignee:alice,carol'], ['--assignee', 'bob'], ['priority:high'], ['-priority:high'],
  ['priority:low,medium'], ['due:<2026-04-01'], ['due:>=2026-06-30'], ['due:2026-06-30'], ['due:<=2026-01-15'], ['-due:<2026-04-01'],
  ['blocked:true'], ['blocked:false'], ['-blocked:true'], ['has:due'], ['-has:due'], ['has:tasks'], ['has:labels'], ['has:conflicts'],
  ['phase:design'], ['sort:-due'], ['sort:title'], ['sort:-priority'], ['sort:-progress'], ['sort:updated'], ['--sort=-title', '--limit', '3'],
  ['text:v2'], ['-text:parser'], ['label:backend', 'status:in_progress,blocked', 'sort:-due'], ['parser', '-label:q4'], ['docs', '--all', '--limit', '1'],
  ['tokenizer'], ['assignee:erin'], ['rewrite', 'parser'], ['nosuchthing'], ['--limit', '0'],
];

async function answers(): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const q of [...QUERIES, ['id-prefix']]) {
    const words = q[0] === 'id-prefix' ? [ids.api.slice(0, 7)] : q;
    const texts: string[] = [];
    for (const b of BACKENDS) {
      const r = await runInProcess(repo.dir, ['list', '--json', '--backend', b, ...words], vars);
      expect(r.code, `${b}: list ${words.join(' ')}\n${r.stderr}${r.stdout}`).toBe(0);
      texts.push(r.stdout);
    }
    out.set(words.join(' '), texts);
  }
  return out;
}

function expectSame(all: Map<string, string[]>): void {
  for (const [q, [file, ...others]] of all) {
    others.forEach((text, i) => expect(text, `list ${q} on ${BACKENDS[i + 1]} differs from the file index`).toBe(file));
  }
}

const titles = (all: Map<string, string[]>, q: string) => (JSON.parse(all.get(q)![0]) as Array<{ title: string }>).map((m) => m.title);

describe('the same query gives the same answer on every backend', () => {
  it('on the fixed data set', async () => {
    const all = await answers();
    expectSame(all);
    expect(new Set([...all.values()].map((v) => v[0])).size).toBeGreaterThan(30);
    expect(titles(all, 'parser')).toEqual(['Parser rewrite', 'PARSER DOCS']);
    expect(titles(all, 'ünï')).toEqual(['Café menü ünïcode']);
    expect(titles(all, 'blocked:true')).toEqual(['Parser rewrite', 'API v2', 'Security audit']);
    expect(titles(all, 'due:<2026-04-01')).toEqual(['Parser rewrite', 'API v2', 'Release 1.0']);
    expect(titles(all, 'assignee:alice')).toEqual(['Parser rewrite', 'Security audit']);
    expect(titles(all, '--all')).toHaveLength(11);
    expect(titles(all, ids.api.slice(0, 7))).toEqual(['API v2']);
  }, 120_000);

  it('after edits, archives, deletes and a native update-ref', async () => {
    const before = repo.git(['rev-parse', `refs/milestones/milestone/${ids.docs}`]).trim();
    ok(['edit', ids.docs, '--title', 'Docs portal', '--label', 'backend']);
    ok(['edit', ids.q, '--status', 'in_progress', '--due', '2026-02-02']);
    task('q', 'Quick win', '--assignee', 'erin');
    ok(['archive', ids.later]);
    ok(['rm', ids.release]);
    make('fresh', ['Fresh parser idea', '--label', 'backend']);
    let all = await answers();
    expectSame(all);
    expect(titles(all, 'label:backend')).toEqual(['Parser rewrite', 'Docs portal', 'API v2', 'PARSER DOCS', 'Fresh parser idea']);
    expect(titles(all, 'assignee:erin')).toEqual(['Q']);
    repo.git(['update-ref', `refs/milestones/milestone/${ids.docs}`, before]);
    all = await answers();
    expectSame(all);
    expect(titles(all, 'label:docs')).toEqual(['Docs site', 'PARSER DOCS']);
  }, 180_000);
});

describe('an unreadable milestone', () => {
  it('is named by a warning on every backend, and the rest is listed alike', async () => {
    const ref = `refs/milestones/milestone/${ids.audit}`;
    const tip = repo.git(['rev-parse', ref]).trim();
    const forged = repo.git(['commit-tree', repo.git(['mktree']).trim(), '-p', tip, '-m', 'hand edit']).trim();
    repo.git(['update-ref', ref, forged]);
    try {
      const texts: string[] = [];
      for (const b of BACKENDS) {
        for (const args of [['list', '--json'], ['list', 'label:backend']]) {
          const r = await runInProcess(repo.dir, [...args, '--backend', b], vars);
          expect(r.code, `${b}: ${r.stderr}`).toBe(0);
          expect(r.stderr, `${b}: ${args.join(' ')}`).toMatch(new RegExp(`^warning: skipping milestone ${ids.audit.slice(0, 8)}: `));
          if (args[1] === '--json') texts.push(r.stdout);
        }
      }
      expect(new Set(texts).size).toBe(1);
      expect(texts[0]).not.toContain(ids.audit);
    } finally {
      repo.git(['update-ref', ref, tip]);
    }
    const r = await runInProcess(repo.dir, ['list', '--json', '--backend', 'postgresql'], vars);
    expect(r.stderr).toBe('');
  }, 120_000);
});
