/**
 * doctor on real repositories: healthy exits 0; a deleted or garbled index and a stale lock are
 * found (exit 1) and repaired by --fix; a hand-corrupted ref is reported with the command that
 * shows it and left exactly as it was; --report masks a remote URL's password.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import { currentHolder, formatHolder } from '../../../src/storage/lockHolder';
import { makeCluster, type Cluster } from './cluster';

let cluster: Cluster | undefined;
afterEach(() => cluster?.cleanup());

/** A pid that ran and is gone now. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('doctor', () => {
  it('names each lock holder, clears locks whose process is gone (or whose pid was reused), and refs left by a killed restore', () => {
    cluster = makeCluster(['Ann']);
    const [ann] = cluster.clones;
    const id = ann.json<{ id: string }>(['new', 'Locked']).id;
    ann.ok(['list']);
    const git = path.join(ann.dir, '.git');
    const me = currentHolder(new Date(Date.now() - 42_000));
    const indexLock = path.join(git, 'milestones', 'index', 'index.lock');
    const refLock = path.join(git, 'refs', 'milestones', 'milestone', `${id}.lock`);
    const notesLock = path.join(git, 'refs', 'notes', 'milestones.lock');
    fs.mkdirSync(path.dirname(notesLock), { recursive: true });
    // index.lock of a process whose pid now belongs to a live, unrelated process (this test runner).
    fs.writeFileSync(indexLock, formatHolder({ ...me, start: `${me.start ?? 'boot:1'}0` }));
    fs.writeFileSync(refLock, formatHolder({ ...me, pid: deadPid() }));
    fs.writeFileSync(notesLock, formatHolder(me)); // live: this test runner holds it
    const started = Date.now();
    expect(ann.json<any[]>(['list']).map((m) => m.id)).toEqual([id]);
    expect(Date.now() - started).toBeLessThan(2500); // the reused pid is not waited for (3 s)
    expect(fs.existsSync(indexLock)).toBe(false);
    fs.writeFileSync(indexLock, formatHolder({ ...me, start: `${me.start ?? 'boot:1'}0` }));
    const leftover = `refs/restore/1700000000000-${deadPid()}/milestones/milestone/${id}`;
    const running = `refs/restore/${Date.now()}-${process.pid}-${me.start?.split(':')[1] ?? '0'}/milestones/milestone/${id}`;
    const tip = ann.git(['rev-parse', `refs/milestones/milestone/${id}`]).trim();
    for (const ref of [leftover, `${leftover}-2`, running]) ann.git(['update-ref', ref, tip]);

    const found = ann.gm(['doctor', '--json']);
    expect(found.code).toBe(1);
    const byPath = (p: any): string => `${p.severity}: ${p.message}`;
    const problems = found.json<any>().problems.filter((p: any) => p.check === 'locks' || p.ref?.startsWith('refs/restore/')).map(byPath);
    const host = os.hostname().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(problems.sort()).toEqual([
      expect.stringMatching(new RegExp(`^error: stale lock milestones/index/index.lock \\(pid ${process.pid} on ${host}, held 4\\d s: that process is gone\\)$`)),
      expect.stringMatching(new RegExp(`^error: stale lock refs/milestones/milestone/${id}.lock \\(pid \\d+ on ${host}, held 4\\d s: that process is gone\\)$`)),
      expect.stringMatching(/^warning: 2 refs under refs\/restore\/1700000000000-\d+\/ left by an interrupted restore$/),
      expect.stringMatching(new RegExp(`^warning: lock refs/notes/milestones.lock is held right now \\(pid ${process.pid} on ${host}, held 4\\d s\\)$`)),
    ]);
    const fixed = ann.gm(['doctor', '--fix']);
    expect(fixed.stdout).toMatch(/fixed: 2 refs under refs\/restore\//);
    expect(fixed.code, fixed.stdout).toBe(0);
    expect([indexLock, refLock, notesLock].map((f) => fs.existsSync(f))).toEqual([false, false, true]);
    expect(ann.git(['for-each-ref', '--format=%(refname)', 'refs/restore']).trim()).toBe(running);
    fs.rmSync(notesLock);
    // A restore deletes what an earlier, killed restore left, but never a running one's namespace.
    ann.git(['update-ref', leftover, tip]);
    const file = path.join(ann.dir, 'plan.bundle');
    ann.ok(['backup', file]);
    ann.ok(['restore', file]);
    expect(ann.git(['for-each-ref', '--format=%(refname)', 'refs/restore']).trim()).toBe(running);
  });

  it('finds and repairs a deleted or garbled index and a stale lock', () => {
    cluster = makeCluster(['Ann']);
    const [ann] = cluster.clones;
    const id = ann.json<{ id: string }>(['new', 'Checked']).id;
    ann.ok(['list']);
    expect(ann.gm(['doctor']).code).toBe(0);
    const index = path.join(ann.dir, '.git', 'milestones', 'index');
    const shard = path.join(index, 'shards', `${id.slice(0, 2)}.json`);
    fs.writeFileSync(shard, '{"entities": {broken');
    const lock = path.join(ann.dir, '.git', 'refs', 'milestones', 'milestone', `${id}.lock`);
    fs.writeFileSync(lock, '');
    const old = new Date(Date.now() - 60 * 60 * 1000);
    fs.utimesSync(lock, old, old);
    const found = ann.gm(['doctor', '--json']);
    expect(found.code).toBe(1);
    const problems = found.json<any>().problems.map((p: any) => `${p.check}: ${p.message}`);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^index: index shard .* is unreadable/), expect.stringMatching(/^locks: stale lock .*\.lock/)]));
    const fixed = ann.gm(['doctor', '--fix']);
    expect(fixed.code, fixed.stdout).toBe(0);
    expect(fixed.stdout).toMatch(/fixed: stale lock/);
    expect(fs.existsSync(lock)).toBe(false);
    expect(ann.gm(['doctor']).code).toBe(0);
    fs.rmSync(index, { recursive: true });
    const missing = ann.gm(['doctor']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/the index is missing/);
    expect(ann.gm(['doctor', '--fix']).code).toBe(0);
    expect(ann.json<any[]>(['list']).map((m) => m.id)).toEqual([id]);
  });

  it('runs PRAGMA integrity_check on the SQLite index, and --fix rebuilds a damaged one from the refs', () => {
    cluster = makeCluster(['Ann']);
    const [ann] = cluster.clones;
    const ids = ['One', 'Two', 'Three'].map((t) => ann.json<{ id: string }>(['new', t, '-d', 'x'.repeat(3000)]).id);
    ann.ok(['list', '--backend', 'sqlite']);
    expect(ann.gm(['doctor']).code).toBe(0);
    const db = path.join(ann.dir, '.git', 'milestones', 'index.db');
    const bytes = fs.readFileSync(db);
    expect(bytes.length).toBeGreaterThan(3 * 4096);
    bytes.fill(0x5a, 4096 + 8, 4096 + 40); // page 2's cell pointers: the file still opens, integrity_check fails
    fs.writeFileSync(db, bytes);
    const found = ann.gm(['doctor', '--json']);
    expect(found.code, found.stdout).toBe(1);
    expect(found.json<any>().problems).toEqual([expect.objectContaining({ check: 'index', severity: 'error', fixable: true, path: db, message: expect.stringMatching(/^the SQLite index fails PRAGMA integrity_check: /) })]);
    const fixed = ann.gm(['doctor', '--fix', '--json']);
    expect(fixed.code, fixed.stdout).toBe(0);
    expect(fixed.json<any>().problems[0].fixed).toBe(true);
    expect(ann.gm(['doctor']).code).toBe(0);
    expect(ann.json<any[]>(['list', '--backend', 'sqlite']).map((m) => m.id).sort()).toEqual([...ids].sort());
  });

  it('reports a hand-corrupted ref with the command that shows it, and never touches it', () => {
    cluster = makeCluster(['Ann']);
    const [ann] = cluster.clones;
    const good = ann.json<{ id: string }>(['new', 'Good']).id;
    const victim = ann.json<{ id: string }>(['new', 'Victim']).id;
    const ref = `refs/milestones/milestone/${victim}`;
    const tip = ann.git(['rev-parse', ref]).trim();
    const tree = ann.git(['mktree']).trim();
    const forged = ann.git(['commit-tree', tree, '-p', tip, '-m', 'hand edit']).trim();
    ann.git(['update-ref', ref, forged]);
    for (const args of [['doctor'], ['doctor', '--fix']]) {
      const r = ann.gm(args);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`git log --stat ${ref}`);
      expect(r.stdout).toMatch(/FAIL entities/);
      expect(ann.git(['rev-parse', ref]).trim()).toBe(forged);
    }
    expect(ann.json<any>(['show', good.slice(0, 8)]).title).toBe('Good');
    // list names the milestone it cannot read (as next and task list do), every time, and lists the rest.
    const sqlite = ['--backend', 'sqlite'];
    for (const args of [['list'], ['list', '--json'], ['list', 'label:x'], ['list', '--json', ...sqlite], ['list', '--json', ...sqlite]]) {
      const r = ann.gm(args);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(new RegExp(`^warning: skipping milestone ${victim.slice(0, 8)}: `));
    }
    expect(ann.json<any[]>(['list']).map((m) => m.id)).toEqual([good]);
  });

  it('--report has versions, counts, setting origins and log lines, with the remote password masked', () => {
    cluster = makeCluster(['Ann']);
    const [ann] = cluster.clones;
    ann.json(['new', 'Reported']);
    ann.git(['remote', 'add', 'secret', 'https://alice:hunter2@example.com/repo.git']);
    const r = ann.gm(['doctor', '--report']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/versions: git-milestone \d+\.\d+\.\d+, node v\d+/);
    expect(r.stdout).toMatch(/counts: .*1 milestones/);
    expect(r.stdout).toMatch(/coordination\.conflict_resolution = "merge" ← default/);
    expect(r.stdout).toMatch(/last \d+ log lines:/);
    expect(r.stdout).not.toContain('hunter2');
    expect(r.stdout).toContain('https://alice:***@example.com/repo.git');
  });
});
