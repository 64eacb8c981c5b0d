/**
 * Recovery: a backup bundle restored into a fresh clone gives identical `show --json` for every
 * milestone, and the notes too. Restoring into a clone that diverged merges instead of
 * overwriting. `backup --verify` refuses a file that is no bundle. After `git gc --prune=now
 * --aggressive` every entity, remote-tracking ref and note reads back identical.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeCluster, snapshots, type Clone, type Cluster } from './cluster';

let cluster: Cluster | undefined;
afterEach(() => cluster?.cleanup());

function everything(c: Clone): string[] {
  return c.json<Array<{ id: string }>>(['list', '--all']).map((m) => c.ok(['show', m.id.slice(0, 8), '--json']));
}

function seed(c: Clone): string[] {
  const a = c.json<{ id: string }>(['new', 'Alpha', '--label', 'x', '--due', '2027-01-31']).id;
  const b = c.json<{ id: string }>(['new', 'Beta "quoted" ✓']).id;
  const t = c.json<{ id: string }>(['task', 'add', a.slice(0, 8), 'first task']).id;
  c.ok(['task', 'start', t.slice(0, 12)]);
  c.ok(['edit', b.slice(0, 8), '--status', 'blocked']);
  c.git(['commit', '-q', '--allow-empty', '-m', 'annotated']);
  c.git(['notes', '--ref=milestones', 'add', '-m', `{"id":"n1","milestone":"${a}"}`, 'HEAD']);
  return [a, b];
}

describe('backup and restore', () => {
  it('round-trips into a fresh clone with identical show --json, and merges into a diverged one', () => {
    cluster = makeCluster(['Ann', 'Bob']);
    const [ann, bob] = cluster.clones;
    const [a] = seed(ann);
    const file = path.join(ann.dir, 'plan.bundle');
    expect(ann.ok(['backup', file])).toMatch(/2 milestones and notes/);
    expect(ann.ok(['backup', '--verify', file])).toMatch(/valid backup: 2 milestones and notes/);
    expect(bob.ok(['restore', file])).toMatch(/2 new; notes merged/);
    expect(everything(bob)).toEqual(everything(ann));
    expect(bob.git(['for-each-ref', 'refs/restore'])).toBe('');
    const head = ann.git(['rev-parse', 'HEAD']).trim();
    expect(bob.git(['notes', '--ref=milestones', 'show', head])).toBe(ann.git(['notes', '--ref=milestones', 'show', head]));
    bob.ok(['edit', a.slice(0, 8), '--label', 'from-bob']);
    ann.ok(['task', 'add', a.slice(0, 8), 'after the backup']);
    expect(bob.ok(['restore', file])).toMatch(/already up to date/);
    expect(ann.ok(['restore', path.join(ann.dir, 'plan.bundle')])).toMatch(/already up to date/);
    const later = path.join(ann.dir, 'later.bundle');
    ann.ok(['backup', later]);
    expect(bob.ok(['restore', later])).toMatch(/1 merged/);
    const m = bob.json<any>(['show', a.slice(0, 8)]);
    expect(m.labels).toEqual(['from-bob', 'x']);
    expect(m.tasks.map((t: any) => t.title)).toEqual(['first task', 'after the backup']);
  });

  it('backup --verify refuses a file that is no bundle (exit 1); restore of it changes nothing', () => {
    cluster = makeCluster(['Ann']);
    const [ann] = cluster.clones;
    seed(ann);
    const before = snapshots(ann);
    const bad = path.join(ann.dir, 'bad.bundle');
    fs.writeFileSync(bad, 'not a bundle\n');
    expect(ann.gm(['backup', '--verify', bad]).code).toBe(1);
    const r = ann.gm(['restore', bad]);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/cannot restore .*bad\.bundle/);
    expect(snapshots(ann)).toEqual(before);
  });
});

describe('garbage collection', () => {
  it('keeps every entity, remote-tracking ref and note after gc --prune=now --aggressive', () => {
    cluster = makeCluster(['Ann', 'Bob']);
    const [ann, bob] = cluster.clones;
    const [a] = seed(ann);
    ann.ok(['sync']);
    bob.ok(['pull']);
    bob.ok(['edit', a.slice(0, 8), '--title', 'Bob']);
    ann.ok(['edit', a.slice(0, 8), '--title', 'Ann']);
    bob.ok(['sync']);
    ann.ok(['sync']);
    const shows = everything(ann);
    const snaps = snapshots(ann);
    const notes = ann.git(['notes', '--ref=milestones', 'list']);
    const refs = ann.git(['for-each-ref']);
    ann.git(['gc', '--quiet', '--prune=now', '--aggressive']);
    expect(ann.git(['count-objects', '-v'])).toMatch(/^count: 0$/m);
    fs.rmSync(path.join(ann.dir, '.git', 'milestones'), { recursive: true, force: true });
    expect(everything(ann)).toEqual(shows);
    expect(snapshots(ann)).toEqual(snaps);
    expect(ann.git(['notes', '--ref=milestones', 'list'])).toBe(notes);
    expect(ann.git(['for-each-ref'])).toBe(refs);
    ann.git(['fsck', '--strict', '--no-dangling']);
    expect(ann.json<any>(['show', a.slice(0, 8)]).conflicts).toHaveLength(1);
  });
});
