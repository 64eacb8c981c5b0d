/**
 * The two write paths and the JSON form. The bulk path (one `git fast-import`, refs added to
 * packed-refs) must write byte-identical entities to the engine path, pass `git fsck --strict`,
 * leave no scratch ref, and lose nothing when the process dies half-way. The JSON export holds
 * each entity's operations, so importing it elsewhere gives the very same refs.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Context } from '../../../src/core/context';
import { cli } from '../../helpers/cli';
import { gitEnv, makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';
import { TREE } from './legacyFiles';

// The compiled modules (built by `npm test`), as the CLI runs them: the context requires some of
// its parts lazily with plain require(), which only resolves compiled files.
const dist = <T>(p: string): T => createRequire(__filename)(path.resolve(__dirname, '../../../dist', p)) as T;
const { openContext } = dist<typeof import('../../../src/core/openContext')>('core/openContext.js');
const { importLegacy } = dist<typeof import('../../../src/core/import/importLegacy')>('core/import/importLegacy.js');
const { planLegacy } = dist<typeof import('../../../src/core/import/planLegacy')>('core/import/planLegacy.js');
const { writeEntities } = dist<typeof import('../../../src/core/import/writeEntities')>('core/import/writeEntities.js');
const { createTestEnv } = dist<typeof import('../../../src/env/testEnv')>('env/testEnv.js');
const { readLegacyTree } = dist<typeof import('../../../src/legacy/readTree')>('legacy/readTree.js');

const repos: TmpRepo[] = [];
const contexts: Context[] = [];
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
  for (const r of repos.splice(0)) {
    r.git(['fsck', '--strict']);
    r.cleanup();
  }
});

async function fresh(): Promise<{ repo: TmpRepo; ctx: Context }> {
  const repo = makeTmpRepo();
  repos.push(repo);
  const ctx = await openContext({ env: createTestEnv({ cwd: repo.dir, vars: gitEnv() }), needsRepo: true, needsWorkTree: false });
  contexts.push(ctx);
  return { repo, ctx };
}

const refsOf = (r: TmpRepo): string => r.git(['for-each-ref', '--format=%(refname) %(objectname)', 'refs/']);

describe('bulk write through git fast-import', () => {
  it('writes the same objects and refs as the engine path, packed, with no scratch ref left', async () => {
    const bulk = await fresh();
    const loose = await fresh();
    expect((await importLegacy(bulk.ctx, { path: TREE, bulk: true })).counts.created).toBe(5);
    expect((await importLegacy(loose.ctx, { path: TREE, bulk: false })).counts.created).toBe(5);
    expect(refsOf(bulk.repo)).toBe(refsOf(loose.repo));
    expect(refsOf(bulk.repo).split('\n').filter(Boolean)).toHaveLength(5);
    expect(fs.readFileSync(path.join(bulk.repo.dir, '.git/packed-refs'), 'utf8')).toContain('refs/milestones/milestone/');
    for (const id of (await bulk.ctx.milestones.list()).keys()) {
      const h = await bulk.ctx.milestones.history(id);
      expect(h.commits).toHaveLength(2);
      expect(h.state).toEqual((await loose.ctx.milestones.read(id)).state);
    }
    expect(cli(bulk.repo.dir, ['show', 'web-launch', '--json']).json().aliases).toEqual(['web-launch']);
  });

  it('publishes nothing when the process dies while writing, and a re-run imports everything once', async () => {
    const { repo, ctx } = await fresh();
    const { rows } = planLegacy(readLegacyTree(TREE), new Map(), ctx.who().author);
    const pending = rows.map((r, i) => ({ ...r.pending!, build: i === 3 ? () => { throw new Error('killed'); } : r.pending!.build }));
    await expect(writeEntities(ctx, pending, { bulk: true })).rejects.toThrow('killed');
    expect(refsOf(repo)).toBe('');
    repo.git(['update-ref', 'refs/milestone-import/1000-deadbeef', repo.git(['hash-object', '-t', 'commit', '-w', '--stdin'], { input: 'tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor a <a> 1 +0000\ncommitter a <a> 1 +0000\n\nx\n' }).trim()]);
    expect((await importLegacy(ctx, { path: TREE, bulk: true })).counts.created).toBe(5);
    expect((await importLegacy(ctx, { path: TREE, bulk: true })).counts).toMatchObject({ created: 0, existing: 5 });
    expect(refsOf(repo).split('\n').filter(Boolean).map((l) => l.split(' ')[0].split('/').slice(0, 3).join('/'))).toEqual(Array(5).fill('refs/milestones/milestone'));
  });
});

describe('JSON export and import', () => {
  it('replays the operations elsewhere into the very same refs, once', async () => {
    const a = await fresh();
    await importLegacy(a.ctx, { path: TREE });
    cli(a.repo.dir, ['task', 'done', 'api-v2', cli(a.repo.dir, ['show', 'api-v2', '--json']).json().tasks[1].id]);
    const file = path.join(a.repo.dir, 'all.json');
    expect(cli(a.repo.dir, ['export', '--format', 'json', '--path', file]).stdout).toMatch(/^Exported 5 milestones \(1 file\) as json/);
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(doc).toMatchObject({ format: 'git-milestone', version: 1 });
    expect(doc.milestones[0]).toEqual({ id: expect.any(String), ops: expect.any(Array), state: expect.any(Object) });
    expect(cli(a.repo.dir, ['export', '--format', 'json']).json()).toEqual(doc);
    const b = await fresh();
    const r = cli(b.repo.dir, ['import', '--format', 'json', '--path', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json().counts).toMatchObject({ created: 5, problems: 0 });
    expect(refsOf(b.repo)).toBe(refsOf(a.repo));
    expect(cli(b.repo.dir, ['import', '--format', 'json', '--path', file, '--json']).json().counts).toMatchObject({ created: 0, existing: 5 });
    expect(cli(b.repo.dir, ['list', '--json']).stdout).toBe(cli(a.repo.dir, ['list', '--json']).stdout);
  });

  it('reports an entry whose operations were tampered with, and imports the others', async () => {
    const a = await fresh();
    await importLegacy(a.ctx, { path: TREE });
    const file = path.join(a.repo.dir, 'all.json');
    cli(a.repo.dir, ['export', '--format', 'json', '--path', file]);
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    doc.milestones[1].ops[0].title = 'changed';
    fs.writeFileSync(file, JSON.stringify(doc));
    const b = await fresh();
    const r = cli(b.repo.dir, ['import', '--format', 'json', '--path', file, '--json']);
    expect(r.code).toBe(1);
    expect(r.json().counts).toMatchObject({ created: 4, problems: 1 });
    expect(r.json().problems[0].message).toMatch(/milestones\[1\]: not imported: no operation hashes to its id/);
    fs.writeFileSync(file, '{"not":"an export"}');
    expect(cli(b.repo.dir, ['import', '--format', 'json', '--path', file, '--json']).json().error.code).toBe('INVALID_INPUT');
  });
});
