/**
 * The SQLite index: garbage or an outdated schema in index.db is rebuilt silently and the answer
 * is right; a refresh reads only the entities whose tip moved; it holds tasks, dependencies, the
 * operation history and full-text rows; sqliteIntegrity (for doctor) tells a good file from a bad.
 */
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

const dist = (p: string) => createRequire(__filename)(path.resolve(__dirname, '../../../dist', p));
const Database = createRequire(__filename)('better-sqlite3');

let repo: TmpRepo;
let db: string;
const ids: string[] = [];
beforeEach(() => {
  repo = makeTmpRepo();
  db = path.join(repo.dir, '.git/milestones/index.db');
  ids.length = 0;
  for (const t of ['Alpha parser', 'Beta docs', 'Gamma']) ids.push(cli(repo.dir, ['new', t, '--criterion', `criterion of ${t}`, '--json']).json().id);
  cli(repo.dir, ['task', 'add', ids[0], 'Tokenize', '--assignee', 'alice']);
});
afterEach(() => repo.cleanup());

const list = (...args: string[]) => cli(repo.dir, ['list', '--json', '--backend', 'sqlite', ...args]);

describe('SQLite index', () => {
  it('garbage in index.db: list answers correctly, no error, and the file is rebuilt', () => {
    const expected = cli(repo.dir, ['list', '--json', '--backend', 'file']).stdout;
    expect(list().stdout).toBe(expected);
    fs.writeFileSync(db, 'this is not a database '.repeat(200));
    const r = list();
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(expected);
    // The plain list came from the file beside it (the refs did not move); a query needs the database.
    const q = list('label:nosuch');
    expect([q.code, q.stderr, q.stdout]).toEqual([0, '', '[]\n']);
    expect(dist('index/sqlite/integrity.js').sqliteIntegrity(path.dirname(db))).toMatchObject({ exists: true, ok: true, problems: [] });
  });

  it('an outdated schema version is replaced; a truncated file too', () => {
    list();
    const d = new Database(db);
    d.pragma('user_version = 1');
    d.close();
    expect(list('parser').json().map((m: any) => m.title)).toEqual(['Alpha parser']);
    fs.truncateSync(db, 5000);
    for (const f of [`${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
    expect(list('label:nosuch').json()).toEqual([]);
    expect(list().json()).toHaveLength(3);
  });

  it('refresh reads only moved tips; holds tasks, dependencies, history and full-text rows', async () => {
    const { openContext } = dist('core/openContext.js');
    const { createTestEnv } = dist('env/testEnv.js');
    const { SqliteIndex } = dist('index/sqlite/SqliteIndex.js');
    const open = () => openContext({ env: createTestEnv({ cwd: repo.dir, vars: { PATH: process.env.PATH } }), needsRepo: true, needsWorkTree: false });
    let ctx = await open();
    let index = new SqliteIndex({ dir: ctx.dataDir, store: ctx.milestones });
    expect(await index.refresh()).toMatchObject({ read: 3, removed: 0, total: 3 });
    expect(await index.refresh()).toMatchObject({ read: 0, total: 3 });
    index.close();
    await ctx.close();
    cli(repo.dir, ['edit', ids[1], '--title', 'Beta site']);
    cli(repo.dir, ['rm', ids[2]]);
    ctx = await open();
    index = new SqliteIndex({ dir: ctx.dataDir, store: ctx.milestones });
    expect(await index.refresh()).toMatchObject({ read: 2, removed: 0, total: 3 });
    expect(await index.findTasks('')).toHaveLength(1);
    index.close();
    await ctx.close();
    const d = new Database(db, { readonly: true });
    try {
      expect(d.prepare('SELECT count(*) FROM operations').pluck().get()).toBe(6);
      expect(d.prepare(`SELECT type FROM operations WHERE milestone_id = ? ORDER BY lamport`).pluck().all(ids[1])).toEqual(['milestone.create', 'milestone.set']);
      expect(d.prepare(`SELECT m.title FROM search s JOIN milestones m ON m.rowid = s.rowid WHERE search MATCH ?`).pluck().all('"criterion of gam"')).toEqual(['Gamma']);
      expect(d.prepare('SELECT assignee FROM tasks').pluck().all()).toEqual(['alice']);
    } finally {
      d.close();
    }
  });

  it('the plain list file beside the database answers only for the refs and schema it was written for', () => {
    const side = path.join(path.dirname(db), 'sqlite-list.cache');
    const file = () => cli(repo.dir, ['list', '--json', '--backend', 'file']).stdout;
    expect(list().stdout).toBe(file());
    const [head, body] = [fs.readFileSync(side, 'latin1').split('\n')[0], fs.readFileSync(side).subarray(fs.readFileSync(side).indexOf(10) + 1)];
    expect(head).toMatch(/^GMSL2 \d+ [0-9a-f]{16} \d+$/);
    expect(body.toString()).toBe(file());
    // A milestone written by this tool, then a tip moved by native git: each answer is current.
    ids.push(cli(repo.dir, ['new', 'Delta', '--json']).json().id);
    expect(list().stdout).toBe(file());
    repo.git(['update-ref', `refs/milestones/milestone/${ids[0]}`, repo.git(['rev-parse', `refs/milestones/milestone/${ids[0]}~1`]).trim()]);
    expect(list().stdout).toBe(file());
    expect(JSON.parse(list().stdout).find((m: any) => m.id === ids[0]).taskCount).toBe(0);
    // Written by another schema version for the same refs: not served (it says so in its head).
    const [, , token] = fs.readFileSync(side, 'latin1').split('\n')[0].split(' ');
    fs.writeFileSync(side, `GMSL2 1 ${token} 17\n[{"id":"stale"}]\n`);
    expect(list().stdout).toBe(file());
    // The same refs and version, but the database deleted: the file alone answers, and matches.
    for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
    expect(list().stdout).toBe(file());
  });

  it('a load streams rows through a small page cache, not the 32 MB a reader gets (cold rebuild peak memory)', () => {
    list();
    const { openSqlite } = dist('index/sqlite/openSqlite.js');
    const { SqliteLoad } = dist('index/sqlite/loadRows.js');
    const h = openSqlite(db);
    try {
      expect(h.pragma('cache_size', { simple: true })).toBe(-32768);
      new SqliteLoad(h, { rebuild: false });
      expect(h.pragma('cache_size', { simple: true })).toBe(-4096);
    } finally {
      h.close();
    }
  });

  it('sqliteIntegrity: no file, a damaged file', () => {
    const { sqliteIntegrity } = dist('index/sqlite/integrity.js');
    expect(sqliteIntegrity(path.dirname(db))).toMatchObject({ exists: false, ok: true });
    list();
    fs.writeFileSync(db, 'garbage'.repeat(1000));
    const r = sqliteIntegrity(path.dirname(db));
    expect(r).toMatchObject({ exists: true, ok: false });
    expect(r.problems.join()).toMatch(/not a database/);
  });
});
