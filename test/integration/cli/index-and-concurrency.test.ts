/**
 * The derived index follows the refs (including changes made by native git), can be deleted and
 * rebuilt without loss, and concurrent writers (8 processes adding tasks to one milestone at once)
 * lose nothing thanks to compare-and-swap ref updates.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cli, cliAsync } from '../../helpers/cli';
import { makeTmpRepo as tmpRepo, repoPerTest, type TmpRepo } from '../../helpers/tmpRepo';

const current = repoPerTest();
let repo: TmpRepo;
beforeEach(() => {
  repo = current();
});

describe('index', () => {
  it('notices a tip moved by native git update-ref on the next read', () => {
    const id = cli(repo.dir, ['new', 'Old title', '--json']).json().id;
    const before = repo.git(['rev-parse', `refs/milestones/milestone/${id}`]).trim();
    expect(cli(repo.dir, ['edit', id, '--title', 'New title']).code).toBe(0);
    const after = repo.git(['rev-parse', `refs/milestones/milestone/${id}`]).trim();
    expect(cli(repo.dir, ['list', '--json']).json()[0].title).toBe('New title');
    repo.git(['update-ref', `refs/milestones/milestone/${id}`, before, after]);
    expect(cli(repo.dir, ['list', '--json']).json()[0].title).toBe('Old title');
  });

  it('notices entities that arrive by fetch from another clone', () => {
    const other = tmpRepo();
    try {
      const id = cli(other.dir, ['new', 'From elsewhere', '--json']).json().id;
      expect(cli(repo.dir, ['list', '--json']).json()).toEqual([]);
      repo.git(['fetch', '-q', other.dir, 'refs/milestones/*:refs/milestones/*']);
      expect(cli(repo.dir, ['list', '--json']).json().map((m: any) => m.id)).toEqual([id]);
      expect(cli(repo.dir, ['show', id.slice(0, 8), '--json']).json().title).toBe('From elsewhere');
    } finally {
      other.cleanup();
    }
  });

  it('deleting .git/milestones loses nothing; rebuild recreates it; a garbled shard is ignored', () => {
    const ids = ['a', 'b', 'c'].map((t) => cli(repo.dir, ['new', t, '--json']).json().id);
    const listed = cli(repo.dir, ['list', '--json']).json();
    fs.rmSync(path.join(repo.dir, '.git/milestones'), { recursive: true, force: true });
    expect(cli(repo.dir, ['list', '--json']).json()).toEqual(listed);
    const shards = path.join(repo.dir, '.git/milestones/index/shards');
    for (const f of fs.readdirSync(shards)) fs.writeFileSync(path.join(shards, f), '{garbage');
    const r = cli(repo.dir, ['rebuild', '--json']);
    expect(r.code).toBe(0);
    expect(r.json().total).toBe(3);
    expect(cli(repo.dir, ['list', '--json']).json().map((m: any) => m.id).sort()).toEqual([...ids].sort());
  });


  it('the patched list cache always equals a full rebuild, on every filter path', () => {
    const ids = Array.from({ length: 6 }, (_, i) => cli(repo.dir, ['new', `m${i}`, '--label', i % 2 ? 'odd' : 'even', '--json']).json().id);
    const views = () => ['list', 'list --all', 'list --status in_progress', 'list --label odd', 'list m3', 'list --sort -title --limit 3']
      .map((a) => cli(repo.dir, [...a.split(' '), '--json']).stdout);
    views();
    cli(repo.dir, ['edit', ids[1], '--status', 'in_progress', '--title', 'renamed']);
    cli(repo.dir, ['archive', ids[2]]);
    cli(repo.dir, ['rm', ids[4]]);
    cli(repo.dir, ['task', 'add', ids[3], 'a task']);
    const patched = views();
    expect(JSON.parse(patched[2]).map((m: any) => m.title)).toEqual(['renamed']);
    expect(JSON.parse(patched[1])).toHaveLength(5);
    expect(JSON.parse(patched[0])).toHaveLength(4);
    expect(JSON.parse(patched[5]).map((m: any) => m.title)).toEqual(['renamed', 'm5', 'm3']);
    expect(cli(repo.dir, ['rebuild']).code).toBe(0);
    expect(views()).toEqual(patched);
  });
});

describe('concurrency', () => {
  it('8 processes adding tasks to one milestone at once: every task is there', async () => {
    const id = cli(repo.dir, ['new', 'Busy', '--json']).json().id;
    const runs = await Promise.all(
      Array.from({ length: 8 }, (_, i) => cliAsync(repo.dir, ['task', 'add', id, `task ${i}`, '--json'])),
    );
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const added = runs.map((r) => r.json().id).sort();
    const shown = cli(repo.dir, ['show', id, '--json']).json();
    expect(shown.tasks.map((t: any) => t.id).sort()).toEqual(added);
    expect(shown.tasks.map((t: any) => t.title).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `task ${i}`).sort());
    const log = repo.git(['rev-list', '--count', `refs/milestones/milestone/${id}`]).trim();
    expect(Number(log)).toBe(9);
    for (const t of added) expect(cli(repo.dir, ['task', 'show', t.slice(0, 10), '--json']).code).toBe(0);
  });
});
