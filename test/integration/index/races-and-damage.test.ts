/**
 * Derived caches under concurrency and damage, with real processes of the built CLI on one real
 * repository of 120 milestones: parallel first builds of the SQLite index, lists after a `kill -9`
 * of a rebuild, rebuilds racing writers, and deleted, damaged or truncated cache files. Every case
 * must be invisible to the user: exit 0, no warning, the answer the refs give.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, cliAsync, cliEnv } from '../../helpers/cli';
import { makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

const dist = (p: string) => createRequire(__filename)(path.resolve(__dirname, '../../../dist', p));
const COUNT = 120;

let repo: TmpRepo;
let data: string;
const ids: string[] = [];
const taskIds: string[] = [];

/** Milestones with two tasks each, written in-process through the entity engine (as bench.mjs does). */
async function populate(dir: string, n: number): Promise<void> {
  const storage = dist('storage/git/openGitStorage.js').openGitStorage({ repo: dist('storage/git/findRepo.js').findRepo({ cwd: dir, vars: {} }) });
  const { EntityStore } = dist('storage/entity/EntityStore.js');
  const store = new EntityStore(storage, dist('core/milestoneEntity.js').milestoneEntity);
  const who = { author: { name: 'Test', email: 'test@example.com' }, time: '2026-11-24T00:00:00.000Z' };
  for (let i = 0; i < n; i++) {
    const { id } = await store.create({ type: 'milestone.create', title: `Milestone ${i}`, nonce: `n${i}` }, who);
    const { state } = await store.append(id, who, () => [0, 1].map((k) => ({ type: 'task.add', title: `Task ${k} of ${i}`, nonce: `t${i}-${k}` })));
    ids.push(id);
    taskIds.push(...state.tasks.map((t: { id: string }) => t.id));
  }
  await storage.objects.close();
}

beforeAll(async () => {
  repo = makeTmpRepo();
  data = path.join(repo.dir, '.git/milestones');
  await populate(repo.dir, COUNT);
}, 120_000);
afterAll(() => repo.cleanup());

const truth = () => cli(repo.dir, ['list', '--json', '--backend', 'file']).stdout;
const clean = (r: { code: number; stderr: string }) => [r.code, r.stderr];

describe('parallel processes and a killed rebuild', () => {
  it('four first `list`s building the SQLite index at once all answer', async () => {
    const expected = truth();
    const runs = await Promise.all([1, 2, 3, 4].map(() => cliAsync(repo.dir, ['list', '--json', '--backend', 'sqlite'])));
    for (const r of runs) expect([...clean(r), r.stdout]).toEqual([0, '', expected]);
  }, 120_000);

  it('lists right after `kill -9` of `rebuild --backend sqlite`', async () => {
    const expected = truth();
    for (const f of ['index.db', 'index.db-wal', 'index.db-shm', 'sqlite-list.cache']) fs.rmSync(path.join(data, f), { force: true });
    const child = spawn(process.execPath, [BIN, 'rebuild', '--backend', 'sqlite'], { cwd: repo.dir, env: cliEnv(), stdio: 'ignore' });
    const wal = path.join(data, 'index.db-wal');
    for (let i = 0; i < 3000 && !(fs.existsSync(wal) && fs.statSync(wal).size > 0); i++) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    const runs = await Promise.all(Array.from({ length: 8 }, () => cliAsync(repo.dir, ['list', '--json', '--backend', 'sqlite'])));
    for (const r of runs) expect([...clean(r), r.stdout]).toEqual([0, '', expected]);
    expect(cli(repo.dir, ['list', '--json', '--backend', 'sqlite', 'Milestone 7']).json().map((m: any) => m.title)).toContain('Milestone 7');
  }, 120_000);

  it('rebuilds racing writers: every command succeeds and the index ends up right', async () => {
    const runs = await Promise.all([
      ...[1, 2, 3].map(() => cliAsync(repo.dir, ['rebuild'])),
      ...[1, 2, 3].map(() => cliAsync(repo.dir, ['rebuild', '--backend', 'file'])),
      ...[0, 1, 2].map((i) => cliAsync(repo.dir, ['new', `Racing ${i}`, '--json'])),
      ...[0, 1].map((i) => cliAsync(repo.dir, ['task', 'add', ids[i], `Racing task ${i}`, '--json'])),
    ]);
    for (const r of runs) expect(clean(r), r.stderr).toEqual([0, '']);
    ids.push(...runs.slice(6, 9).map((r) => r.json().id));
    taskIds.push(...runs.slice(9).map((r) => r.json().id));
    const listed = cli(repo.dir, ['list', '--json']).json();
    expect(listed.map((m: any) => m.id).sort()).toEqual([...ids].sort());
    expect(cli(repo.dir, ['list', '--json', '--backend', 'sqlite']).stdout).toBe(truth());
    for (const t of taskIds.slice(-2)) expect(cli(repo.dir, ['task', 'show', t.slice(0, 12), '--json']).code).toBe(0);
    const doctor = cli(repo.dir, ['doctor', '--json']).json();
    expect(doctor.checks.find((c: any) => c.name === 'index')).toMatchObject({ ok: true });
  }, 240_000);
});

describe('damaged or deleted cache files are rebuilt on read', () => {
  const shards = () => path.join(data, 'index/shards');

  it('a deleted shard file: id-prefix lookups of its milestones and tasks still resolve', () => {
    cli(repo.dir, ['list', '--json']);
    const id = ids[3];
    const task = taskIds.find((t) => t.slice(0, 2) !== id.slice(0, 2)) as string;
    fs.rmSync(path.join(shards(), `${id.slice(0, 2)}.json`));
    fs.rmSync(path.join(shards(), `${task.slice(0, 2)}.json`));
    const shown = cli(repo.dir, ['show', id.slice(0, 10), '--json']);
    expect([shown.code, shown.stderr, shown.json().id]).toEqual([0, '', id]);
    const t = cli(repo.dir, ['task', 'show', task.slice(0, 10), '--json']);
    expect([t.code, t.stderr, t.json().id]).toEqual([0, '', task]);
    expect(cli(repo.dir, ['list', '--json', '--backend', 'file']).json()).toHaveLength(ids.length);
  });

  it('a garbled shard and a garbled meta.json: lookups and lists stay right', () => {
    const expected = truth();
    const id = ids[5];
    const task = taskIds[11];
    for (const key of [id.slice(0, 2), task.slice(0, 2)]) fs.writeFileSync(path.join(shards(), `${key}.json`), '{"entities":');
    expect(cli(repo.dir, ['show', id.slice(0, 10), '--json']).json().id).toBe(id);
    expect(cli(repo.dir, ['task', 'show', task.slice(0, 10), '--json']).json().id).toBe(task);
    fs.writeFileSync(path.join(data, 'index/meta.json'), '{"vers');
    fs.rmSync(path.join(data, 'index/list.cache'));
    expect(truth()).toBe(expected);
  });

  it('truncated list caches (file and SQLite): `list --json` prints the whole answer', () => {
    const expected = truth();
    for (const backend of ['file', 'sqlite']) {
      cli(repo.dir, ['list', '--json', '--backend', backend]);
      const file = path.join(data, backend === 'file' ? 'index/list.cache' : 'sqlite-list.cache');
      fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
      for (const args of [[], ['--all']]) {
        const r = cli(repo.dir, ['list', '--json', '--backend', backend, ...args]);
        expect(clean(r)).toEqual([0, '']);
        expect(JSON.parse(r.stdout)).toHaveLength(ids.length);
      }
      expect(cli(repo.dir, ['list', '--json', '--backend', backend]).stdout).toBe(expected);
    }
  });

  it('a deleted index.db beside a current sqlite-list.cache, then a damaged index.db', () => {
    const expected = truth();
    for (const f of ['index.db', 'index.db-wal', 'index.db-shm']) fs.rmSync(path.join(data, f), { force: true });
    expect(cli(repo.dir, ['list', '--json', '--backend', 'sqlite', 'Milestone 1']).code).toBe(0);
    fs.writeFileSync(path.join(data, 'index.db'), Buffer.alloc(8192, 7));
    for (const f of ['index.db-wal', 'index.db-shm']) fs.rmSync(path.join(data, f), { force: true });
    const r = cli(repo.dir, ['list', '--json', '--backend', 'sqlite', '--all']);
    expect([...clean(r), r.stdout]).toEqual([0, '', expected]);
  });
});
