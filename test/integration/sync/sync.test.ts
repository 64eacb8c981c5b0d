/**
 * Sharing through a bare remote with the real CLI and native git: a plain `git fetch` brings
 * milestones that the next `list` shows merged; concurrent label adds both survive; concurrent
 * title edits become a conflict that `show` and `list --conflicts` report and a later edit
 * resolves; two clones racing to push lose nothing; notes merge line by line; `remote setup
 * --with-push` is the only thing that changes what a plain `git push` sends.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeCluster, snapshots, type Cluster } from './cluster';

let cluster: Cluster | undefined;
afterEach(() => cluster?.cleanup());

function newMilestone(c: ReturnType<typeof makeCluster>['clones'][number], title: string): string {
  return c.json<{ id: string }>(['new', title]).id;
}

describe('sync through a shared remote', () => {
  it('a plain git fetch is merged by the next list; init set up the refspecs', () => {
    cluster = makeCluster(['Ann', 'Bob']);
    const [ann, bob] = cluster.clones;
    expect(ann.git(['config', '--get-all', 'remote.origin.fetch'])).toContain('+refs/milestones/*:refs/remotes/origin/milestones/*');
    expect(ann.ok(['init'])).toMatch(/^Remote origin: fetch refspecs already set, so `git fetch` brings milestones/m);
    const id = newMilestone(ann, 'Shared plan');
    expect(ann.ok(['push'])).toMatch(/Pushed 1 ref/);
    bob.git(['fetch', '-q']);
    expect(bob.json<Array<{ id: string }>>(['list']).map((m) => m.id)).toEqual([id]);
    ann.ok(['edit', id.slice(0, 8), '--status', 'in_progress']);
    ann.ok(['push']);
    bob.git(['fetch', '-q', 'origin']);
    expect(bob.json<Array<{ status: string }>>(['list'])[0].status).toBe('in_progress');

    // A fresh clone never just says "No milestones": without init, list says how to fetch them...
    const carol = cluster.add('Carol', { init: false });
    const bare = carol.gm(['list']);
    expect(bare.stdout).toMatch(/^No milestones\. /);
    expect(bare.stderr).toMatch(/^note: no milestones in this clone yet; if origin has some, `git milestone pull` fetches them/);
    expect(carol.gm(['list', '--json']).json()).toEqual([]);
    carol.ok(['pull']);
    expect(carol.json<Array<{ id: string }>>(['list']).map((m) => m.id)).toEqual([id]);
    // ...and once init has set up the refspecs, the first list fetches them, once.
    const dave = cluster.add('Dave');
    const first = dave.gm(['list', '--json']);
    expect(first.json<Array<{ id: string }>>().map((m) => m.id)).toEqual([id]);
    expect(first.stderr).toBe('Fetching milestones from origin (first use in this clone)...\n');
    expect(dave.gm(['list', '--json']).stderr).toBe('');
  });

  it('concurrent label adds both survive; concurrent title edits are kept as a conflict until an edit', () => {
    cluster = makeCluster(['Ann', 'Bob']);
    const [ann, bob] = cluster.clones;
    const id = newMilestone(ann, 'Base');
    ann.ok(['sync']);
    bob.ok(['pull']);
    const short = id.slice(0, 8);
    ann.ok(['edit', short, '--label', 'backend', '--title', 'Ann title']);
    bob.ok(['edit', short, '--label', 'frontend', '--title', 'Bob title']);
    expect(ann.ok(['sync'])).not.toMatch(/conflict/);
    const bobSync = bob.ok(['sync']);
    expect(bobSync).toMatch(new RegExp(`^1 new conflict in 1 milestone:\\n  ${short}  (Ann|Bob) title  \\(1 new, 1 in all\\)\\n`, 'm'));
    expect(bobSync).toMatch(/^See them with `git milestone list --conflicts` or `git milestone show [0-9a-f]{8}`/m);
    const pulled = ann.json<any>(['pull']);
    expect(pulled.newConflicts).toEqual([{ id, shortId: short, title: expect.any(String), conflicts: 1, added: 1 }]);
    expect(ann.json<any>(['pull']).newConflicts).toEqual([]);
    const a = ann.json<any>(['show', short]);
    const b = bob.json<any>(['show', short]);
    expect(a).toEqual(b);
    expect(a.labels).toEqual(['backend', 'frontend']);
    expect(a.conflicts).toHaveLength(1);
    expect(a.conflicts[0].field).toBe('title');
    expect(a.conflicts[0].values.map((v: any) => [v.value, v.by.name]).sort()).toEqual([['Ann title', 'Ann'], ['Bob title', 'Bob']]);
    const text = ann.ok(['show', short]);
    expect(text).toMatch(/Conflicts[\s\S]*"Ann title"  by Ann/);
    expect(text).toMatch(/Conflicts[\s\S]*"Bob title"  by Bob/);
    expect(bob.json<Array<{ id: string }>>(['list', '--conflicts']).map((m) => m.id)).toEqual([id]);
    expect(bob.json<Array<{ id: string; conflictCount: number }>>(['list'])[0].conflictCount).toBe(1);
    bob.ok(['edit', short, '--title', a.title]);
    bob.ok(['sync']);
    ann.ok(['pull']);
    expect(ann.json<any[]>(['list', '--conflicts'])).toEqual([]);
    expect(ann.ok(['list', '--conflicts'])).toMatch(/^No milestones match\.$/m);
    expect(snapshots(ann)).toEqual(snapshots(bob));
  });

  it('a task field edited in two clones is a conflict that task show lists, with the task edit that resolves it', () => {
    cluster = makeCluster(['Ann', 'Bob']);
    const [ann, bob] = cluster.clones;
    const id = newMilestone(ann, 'Base');
    const task = ann.json<{ id: string }>(['task', 'add', id, 'Write it']).id;
    ann.ok(['sync']);
    bob.ok(['pull']);
    ann.ok(['task', 'edit', task, '--assignee', 'ann']);
    bob.ok(['task', 'edit', task, '--assignee', 'bob']);
    ann.ok(['sync']);
    bob.ok(['sync']);
    ann.ok(['pull']);
    expect(ann.json<any>(['task', 'show', task]).conflicts).toEqual([expect.objectContaining({ field: 'assignee' })]);
    const text = ann.ok(['task', 'show', task]);
    expect(text).toMatch(/Conflicts[\s\S]*"ann"  by Ann[\s\S]*"bob"  by Bob|Conflicts[\s\S]*"bob"  by Bob[\s\S]*"ann"  by Ann/);
    expect(text).toContain(`git milestone task edit ${task.slice(0, 8)} --assignee <value>`);
  });

  it('a dependency cycle made by merging two clones\' edits is shown by show, next and doctor, and an edit breaks it', () => {
    cluster = makeCluster(['Ann', 'Bob']);
    const [ann, bob] = cluster.clones;
    const a = newMilestone(ann, 'Alpha');
    const b = newMilestone(ann, 'Beta');
    const t1 = ann.json<{ id: string }>(['task', 'add', a, 'One']).id;
    const t2 = ann.json<{ id: string }>(['task', 'add', a, 'Two']).id;
    ann.ok(['sync']);
    bob.ok(['pull']);
    ann.ok(['edit', a, '--depends-on', b]);
    ann.ok(['dep', 'add', t1, t2]);
    bob.ok(['edit', b, '--depends-on', a]);
    bob.ok(['dep', 'add', t2, t1]);
    ann.ok(['sync']);
    bob.ok(['sync']);
    ann.ok(['pull']);
    const s8 = (x: string) => x.slice(0, 8);
    expect(ann.json<any>(['show', a]).dependencyCycle).toEqual([a, b, a]);
    expect(bob.json<any>(['show', b]).dependencyCycle).toEqual([b, a, b]);
    expect(ann.ok(['show', a])).toMatch(new RegExp(`^Cycle: {4}${s8(a)} → ${s8(b)} → ${s8(a)} \\(concurrent edits merged`, 'm'));
    expect(ann.json<any>(['next', '--explain']).waiting.map((w: any) => w.reasons)).toEqual([
      [expect.stringContaining('waits for'), 'in a dependency cycle'], [expect.stringContaining('waits for'), 'in a dependency cycle'],
    ]);
    const doctor = ann.gm(['doctor', '--json']);
    expect(doctor.code).toBe(0);
    expect(doctor.json().problems.filter((p: any) => /cycle/.test(p.message))).toEqual([
      expect.objectContaining({ severity: 'warning', message: `milestone ${s8(a)}: task dependency cycle ${s8(t1)} → ${s8(t2)} → ${s8(t1)} (concurrent edits merged)` }),
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(new RegExp( // starts where the ref listing does
        `^milestone dependency cycle (${s8(a)} → ${s8(b)} → ${s8(a)}|${s8(b)} → ${s8(a)} → ${s8(b)}) \\(concurrent edits merged\\)$`)) }),
    ]);
    ann.ok(['edit', a, '--no-depends-on', b]);
    expect(ann.json<any>(['show', a]).dependencyCycle).toBeNull();
    expect(ann.json<any>(['doctor']).problems.filter((p: any) => /milestone dependency cycle/.test(p.message))).toEqual([]);
  });

  it('a forged or damaged milestone from the remote is reported and never becomes a local ref', () => {
    cluster = makeCluster(['Ann', 'Bob']);
    const [ann, bob] = cluster.clones;
    const good = newMilestone(ann, 'Good');
    const shared = newMilestone(ann, 'Shared');
    ann.ok(['push']);
    bob.ok(['pull']);
    // A ref that is no entity, and a commit on top of a shared milestone whose pack is garbage.
    const forged = '0'.repeat(64);
    const blob = ann.git(['hash-object', '-w', '--stdin'], { input: 'garbage' }).trim();
    const tree = ann.git(['mktree'], { input: `100644 blob ${blob}\tsnapshot.json\n` }).trim();
    ann.git(['update-ref', `refs/milestones/milestone/${forged}`, ann.git(['commit-tree', tree, '-m', 'hand made']).trim()]);
    const tip = ann.git(['rev-parse', `refs/milestones/milestone/${shared}`]).trim();
    const badTree = ann.git(['mktree'], { input: ann.git(['ls-tree', tip]).replace(/^(100644 blob )[0-9a-f]+(\tops\.json)$/m, `$1${blob}$2`) }).trim();
    ann.git(['update-ref', `refs/milestones/milestone/${shared}`, ann.git(['commit-tree', badTree, '-p', tip, '-m', 'bad pack']).trim()]);
    ann.git(['push', '-q', 'origin', `refs/milestones/milestone/${forged}`, `+refs/milestones/milestone/${shared}`]);
    const pulled = bob.gm(['pull', '--json']);
    expect(pulled.code, pulled.stdout + pulled.stderr).toBe(1);
    const errors = pulled.json<any>().errors.map((e: any) => e.id).sort();
    expect(errors).toEqual([forged, shared].sort());
    expect(() => bob.git(['rev-parse', '--verify', '-q', `refs/milestones/milestone/${forged}`])).toThrow();
    expect(bob.git(['rev-parse', `refs/milestones/milestone/${shared}`]).trim()).toBe(tip);
    expect(bob.json<any[]>(['list']).map((m) => m.id).sort()).toEqual([good, shared].sort());
    expect(bob.gm(['export', '--format', 'json']).code).toBe(0);
  });

  it('two clones racing to push lose no operation and end identical', async () => {
    cluster = makeCluster(['Ann', 'Bob']);
    const [ann, bob] = cluster.clones;
    const id = newMilestone(ann, 'Race');
    ann.ok(['sync']);
    bob.ok(['pull']);
    for (const [c, n] of [[ann, 1], [bob, 2], [ann, 3], [bob, 4]] as const) c.ok(['task', 'add', id.slice(0, 8), `task ${n}`]);
    newMilestone(bob, 'Only in Bob');
    const results = await Promise.all([ann.gmAsync(['sync']), bob.gmAsync(['sync'])]);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    ann.ok(['pull']);
    bob.ok(['pull']);
    expect(snapshots(ann)).toEqual(snapshots(bob));
    const titles = ann.json<any>(['show', id.slice(0, 8)]).tasks.map((t: any) => t.title).sort();
    expect(titles).toEqual(['task 1', 'task 2', 'task 3', 'task 4']);
    expect(ann.json<any[]>(['list'])).toHaveLength(2);
  });

  it('notes merge line by line (cat_sort_uniq) in both directions', () => {
    cluster = makeCluster(['Ann', 'Bob']);
    const [ann, bob] = cluster.clones;
    ann.git(['commit', '-q', '--allow-empty', '-m', 'base']);
    ann.git(['push', '-q', 'origin', 'HEAD:main']);
    newMilestone(ann, 'with notes');
    ann.ok(['sync']);
    bob.git(['pull', '-q', 'origin', 'main']);
    const head = ann.git(['rev-parse', 'HEAD']).trim();
    ann.git(['notes', '--ref=milestones', 'add', '-m', '{"id":"a1","event":"ann"}', head]);
    bob.git(['notes', '--ref=milestones', 'add', '-m', '{"id":"b1","event":"bob"}', head]);
    ann.ok(['sync']);
    bob.ok(['sync']);
    ann.ok(['pull']);
    const expected = '{"id":"a1","event":"ann"}\n{"id":"b1","event":"bob"}\n';
    expect(ann.git(['notes', '--ref=milestones', 'show', head])).toBe(expected);
    expect(bob.git(['notes', '--ref=milestones', 'show', head])).toBe(expected);
  });

  it('a plain git push is unchanged unless remote setup --with-push', () => {
    cluster = makeCluster(['Ann', 'Bob']);
    const [ann, bob] = cluster.clones;
    ann.git(['commit', '-q', '--allow-empty', '-m', 'base']);
    ann.git(['push', '-q', '-u', 'origin', 'HEAD:main']);
    newMilestone(ann, 'not pushed by git push');
    ann.git(['push', '-q']);
    expect(ann.git(['ls-remote', 'origin', 'refs/milestones/*'])).toBe('');
    expect(() => ann.git(['config', '--get-all', 'remote.origin.push'])).toThrow();
    expect(ann.ok(['remote', 'setup', '--with-push'])).toMatch(/plain `git push origin` now sends/);
    ann.git(['commit', '-q', '--allow-empty', '-m', 'second']);
    ann.git(['push', '-q']);
    expect(ann.git(['ls-remote', 'origin', 'refs/milestones/*'])).toMatch(/refs\/milestones\/milestone\//);
    expect(ann.git(['ls-remote', 'origin', 'refs/heads/main']).split('\t')[0]).toBe(ann.git(['rev-parse', 'HEAD']).trim());
    bob.git(['fetch', '-q']);
    expect(bob.json<any[]>(['list'])).toHaveLength(1);
  });

  it('pull of an unknown remote is NOT_FOUND and changes nothing', () => {
    cluster = makeCluster(['Ann']);
    const r = cluster.clones[0].gm(['pull', 'nowhere']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/no remote named "nowhere"/);
  });
});
