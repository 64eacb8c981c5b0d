/**
 * The phased workflow on real repositories, through the built CLI. Three clones of one remote:
 * Ann writes, Bob acts for the `lead` role and Cat for `arch` (design needs both, spec needs the
 * lead). A task goes through all four phases with approvals by two people, a rejection and a
 * request for changes; Bob and Cat approve concurrently in their own clones and the clones converge
 * after syncing in both orders; an approval turns stale when its deliverable is edited; bad input
 * is refused with nothing written. Auto-approval runs in-process with an injected clock.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCluster, snapshots, type Clone, type Cluster } from '../sync/cluster';
import { cli } from '../../helpers/cli';
import { runInProcess } from '../../helpers/inProcess';
import { makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

const SETTINGS = `approval_workflow:
  roles:
    lead: [bob@example.com]
    arch: [cat@example.com]
  design_approvers: [lead, arch]
  spec_approvers: [lead]
`;

function writeSettings(dir: string, text = SETTINGS): void {
  fs.mkdirSync(path.join(dir, '.milestones/config'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.milestones/config/milestone-config.yaml'), text);
}

let cluster: Cluster;
let ann: Clone; let bob: Clone; let cat: Clone;
let task: string;
const DESIGN = 'docs/milestones/parser/lr-parser/design.md';
const SPEC = 'docs/milestones/parser/lr-parser/spec.md';

const phases = (c: Clone) => c.json(['task', 'show', task]).phases as Array<{ name: string; status: string; reviews: any[]; deliverables: any[] }>;
const statusOf = (c: Clone, name: string) => phases(c).find((p) => p.name === name)!.status;

beforeAll(() => {
  cluster = makeCluster(['Ann', 'Bob', 'Cat']);
  [ann, bob, cat] = cluster.clones;
  for (const c of cluster.clones) writeSettings(c.dir);
  const m = ann.json(['new', 'Parser']).id as string;
  task = ann.json(['task', 'add', m, 'LR parser']).id as string;
}, 60_000);
afterAll(() => cluster?.cleanup());

describe('a task through all four phases', () => {
  it('phase start attaches kiro and creates the deliverable from the template; submit refuses it unfilled, naming the path', () => {
    const t = ann.json(['phase', 'start', task]);
    expect(t).toMatchObject({ workflow: 'kiro', status: 'in_progress', progress: 9 });
    expect(t.phases.map((p: any) => [p.name, p.weight, p.status, p.needsApproval])).toEqual([
      ['design', 15, 'in_progress', true], ['spec', 25, 'pending', true], ['task', 20, 'pending', false], ['execute', 40, 'pending', false]]);
    expect(fs.readFileSync(path.join(ann.dir, DESIGN), 'utf8')).toContain('# LR parser: design');
    const r = ann.gm(['phase', 'submit', task]);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain(`deliverable ${DESIGN} is still the unfilled template`);
    expect(statusOf(ann, 'design')).toBe('in_progress');
  });

  it('submit records the blob id git gives the file; only the listed roles may review', () => {
    fs.appendFileSync(path.join(ann.dir, DESIGN), 'An LALR(1) table, built at compile time.\n');
    const t = ann.json(['phase', 'submit', task]);
    const blob = ann.git(['hash-object', DESIGN]).trim();
    expect(t.phases[0]).toMatchObject({ status: 'waiting_approval', deliverables: [{ path: DESIGN, blob }] });
    expect(t.progress).toBe(14);
    const r = ann.gm(['review', task, '--approve']);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/Ann <ann@example.com> may not review phase design; approvers are lead: bob@example.com; arch: cat@example.com/);
    expect(ann.json(['list', 'phase:design']).length).toBe(1);
    expect(ann.json(['list', 'waiting:me'])).toEqual([]);
    ann.ok(['sync']);
  });

  it('two approvers approving from two clones at once both count after sync, in either order', { timeout: 120_000 }, async () => {
    bob.ok(['pull']);
    cat.ok(['pull']);
    for (const backend of ['file', 'sqlite']) expect(bob.json(['list', 'waiting:me', '--backend', backend]).length).toBe(1);
    expect(bob.json(['review', '--pending', '--backend', 'sqlite']).map((e: any) => e.phase)).toEqual(['design']);
    expect(bob.json(['review', '--mine']).map((e: any) => [e.phase, e.reviewers])).toEqual([['design', ['bob@example.com', 'cat@example.com']]]);
    const [b, c] = await Promise.all([bob.gmAsync(['review', task, '--approve', '-m', 'ok']), cat.gmAsync(['review', task, '--approve'])]);
    expect([b.code, c.code]).toEqual([0, 0]);
    expect(statusOf(bob, 'design')).toBe('waiting_approval');
    bob.ok(['sync']);
    cat.ok(['sync']);
    bob.ok(['sync']);
    ann.ok(['pull']);
    for (const x of [ann, bob, cat]) expect(statusOf(x, 'design')).toBe('approved');
    expect(snapshots(bob)).toEqual(snapshots(cat));
    expect(phases(ann)[0].reviews.map((r) => r.by).sort()).toEqual(['Bob <bob@example.com>', 'Cat <cat@example.com>']);
    expect(ann.json(['review', '--pending'])).toEqual([]);
  });

  it('an edit of the approved design marks both reviews stale', () => {
    const file = path.join(ann.dir, DESIGN);
    const approved = fs.readFileSync(file, 'utf8');
    fs.appendFileSync(file, 'Changed after approval.\n');
    expect(phases(ann)[0].reviews.map((r) => r.stale)).toEqual([true, true]);
    fs.writeFileSync(file, approved);
    expect(phases(ann)[0].reviews.map((r) => r.stale)).toEqual([false, false]);
  });

  it('spec (identities set per command): a rejection blocks, reopen and resubmit, request-changes, approval', () => {
    const as = (who: string, args: string[]) => cli(ann.dir, args, {
      GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: who, GIT_AUTHOR_EMAIL: `${who.toLowerCase()}@example.com` });
    const ok = (who: string, args: string[]) => {
      const r = as(who, [...args, '--json']);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      return r.json();
    };
    ok('Ann', ['phase', 'start', task]);
    fs.appendFileSync(path.join(ann.dir, SPEC), 'Grammar in EBNF.\n');
    ok('Ann', ['phase', 'submit', task, 'spec']);
    expect(ok('Bob', ['review', task, '--reject', '-m', 'no error recovery']).phases[1].status).toBe('rejected');
    const again = as('Bob', ['review', task, '--approve']);
    expect(again.code).toBe(5);
    expect(again.stderr).toMatch(/no phase of task .* is waiting for a review/);
    ok('Ann', ['phase', 'reopen', task, 'spec']);
    ok('Ann', ['phase', 'submit', task, 'spec']);
    expect(ok('Bob', ['review', task, '--request-changes']).phases[1].status).toBe('in_progress');
    fs.appendFileSync(path.join(ann.dir, SPEC), 'Error recovery: panic mode.\n');
    ok('Ann', ['phase', 'submit', task, 'spec']);
    const spec = ok('Bob', ['review', task, '--approve']).phases[1];
    expect(spec.status).toBe('approved');
    expect(spec.reviews.map((r: any) => r.decision)).toEqual(['reject', 'request_changes', 'approve']);
  }, 120_000);

  it('task and execute need no approval; completing the last phase completes the task; progress everywhere', () => {
    ann.ok(['phase', 'start', task]);
    fs.appendFileSync(path.join(ann.dir, 'docs/milestones/parser/lr-parser/task.md'), '1. tables\n2. driver\n');
    expect(ann.json(['phase', 'submit', task]).phases[2].status).toBe('completed');
    expect(ann.json(['phase', 'start', task]).progress).toBe(84);
    expect(ann.json(['list'])[0].progress).toBe(84);
    expect(ann.json(['list', '--backend', 'sqlite'])[0].progress).toBe(84);
    const done = ann.json(['phase', 'complete', task]);
    expect(done).toMatchObject({ status: 'completed', progress: 100 });
    expect(ann.json(['show', done.milestoneId]).progress).toBe(100);
  });
});

describe('bad input: a clear error and nothing written', () => {
  it('refuses an unknown phase, an unknown workflow, a deliverable outside the work tree, a symlink out', () => {
    const m = ann.json(['new', 'Bad input']).id as string;
    const t = ann.json(['task', 'add', m, 'T']).id as string;
    const tip = () => ann.git(['for-each-ref', '--format=%(objectname)', `refs/milestones/milestone/${m}`]).trim();
    const before = tip();
    const cases: Array<[string[], RegExp]> = [
      [['phase', 'start', t, '--deliverable', '../outside.md'], /outside the work tree \(`..`\)/],
      [['phase', 'start', t, '--deliverable', '/tmp/x.md'], /outside the work tree \(absolute path\)/],
      [['phase', 'submit', t], /follows no workflow/],
      [['review', t, '--approve'], /follows no workflow/],
    ];
    fs.symlinkSync(path.dirname(cluster.remote), path.join(ann.dir, 'out'));
    cases.push([['phase', 'start', t, '--deliverable', 'out/x.md'], /outside the work tree \(through a symlink\)/]);
    for (const [args, message] of cases) {
      const r = ann.gm(args);
      expect(r.code, args.join(' ')).toBe(5);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
    expect(tip()).toBe(before);
    fs.unlinkSync(path.join(ann.dir, 'out'));
    // An unknown name (workflow, phase, gate phase) is NOT_FOUND, exit 3, whichever command meets it.
    const notFound: Array<[string[], RegExp]> = [
      [['phase', 'start', t, '--workflow', 'nope'], /unknown workflow "nope" \(known: kiro\)/],
      [['phase', 'start', t, 'review'], /unknown phase "review": workflow kiro has design, spec, task, execute/],
      [['task', 'add', m, 'U', '--workflow', 'nope'], /unknown workflow "nope"/],
      [['task', 'add', m, 'U', '--workflow', 'kiro', '--gate', 'review=no'], /unknown phase "review"/],
      [['edit', m, '--workflow', 'nope'], /unknown workflow "nope"/],
      [['review', task, '--approve', '--phase', 'review'], /unknown phase "review"/],
    ];
    for (const [args, message] of notFound) {
      const r = ann.gm(args);
      expect([r.code, r.stderr], args.join(' ')).toEqual([3, expect.stringMatching(message)]);
    }
    expect(ann.gm(['task', 'add', m, 'U', '--workflow', 'none', '--gate', 'spec=no']).code).toBe(2);
    expect(tip()).toBe(before);
  });
});

describe('a milestone that names a workflow', () => {
  it('new --workflow: its tasks follow it unless task add --workflow none; an unknown name is refused', () => {
    const m = ann.json(['new', 'Phased', '--workflow', 'kiro']);
    expect([m.workflow, m.extra]).toEqual(['kiro', {}]);
    expect(ann.git(['ls-tree', '--name-only', `refs/milestones/milestone/${m.id}`])).toMatch(/^level-3-v0\.3\.0$/m);
    const t = ann.json(['task', 'add', m.id, 'Follows kiro']);
    expect(t).toMatchObject({ workflow: 'kiro', progress: 0 });
    expect(t.phases.map((p: any) => p.status)).toEqual(['pending', 'pending', 'pending', 'pending']);
    expect(ann.json(['task', 'add', m.id, 'Plain', '--workflow', 'none'])).toMatchObject({ workflow: null, phases: [] });
    const r = ann.gm(['new', 'Nope', '--workflow', 'nope']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/unknown workflow "nope" \(known: kiro\)/);
  });
});

// ---- auto-approval with an injected clock (in-process) -------------------------------------------

function at(dir: string, now: string, argv: string[], author = 'Ann') {
  return runInProcess(dir, argv, { GIT_AUTHOR_NAME: author, GIT_AUTHOR_EMAIL: `${author.toLowerCase()}@example.com` }, new Date(now));
}

describe('auto_approve_after', () => {
  let repo: TmpRepo;
  beforeAll(() => {
    repo = makeTmpRepo();
  });
  afterAll(() => repo?.cleanup());

  it('shows the phase approved once due, and the next write records the policy\'s approval', async () => {
    writeSettings(repo.dir, `${SETTINGS}  auto_approve_after: 48h\nkiro_workflow:\n  phase_timeout: 3d\n`);
    const t0 = '2026-03-01T00:00:00.000Z';
    expect((await at(repo.dir, t0, ['init'])).code).toBe(0);
    const m = JSON.parse((await at(repo.dir, t0, ['new', 'Auto', '--json'])).stdout).id;
    const t = JSON.parse((await at(repo.dir, t0, ['task', 'add', m, 'Auto task', '--json'])).stdout).id;
    await at(repo.dir, t0, ['phase', 'start', t]);
    fs.appendFileSync(path.join(repo.dir, 'docs/milestones/auto/auto-task/design.md'), 'text\n');
    expect((await at(repo.dir, t0, ['phase', 'submit', t])).code).toBe(0);
    const show = async (now: string) => JSON.parse((await at(repo.dir, now, ['task', 'show', t, '--json'])).stdout).phases[0];
    expect(await show('2026-03-02T23:59:00.000Z')).toMatchObject({ status: 'waiting_approval', autoApproved: false, overdue: false });
    expect(await show('2026-03-03T00:01:00.000Z')).toMatchObject({ status: 'approved', autoApproved: true, reviews: [] });
    const late = await at(repo.dir, '2026-03-03T01:00:00.000Z', ['phase', 'start', t, '--json']);
    expect(late.code, late.stderr).toBe(0);
    const design = JSON.parse(late.stdout).phases[0];
    expect(design).toMatchObject({ status: 'approved', autoApproved: false });
    expect(design.reviews).toEqual([expect.objectContaining({ decision: 'approve', policy: true, by: 'Ann <ann@example.com>' })]);
    expect(await show('2026-03-10T00:00:00.000Z')).toMatchObject({ name: 'design', overdue: false });
    expect((JSON.parse((await at(repo.dir, '2026-03-10T00:00:00.000Z', ['task', 'show', t, '--json'])).stdout).phases[1]).overdue).toBe(true);
    const list = async (now: string, q: string) => JSON.parse((await at(repo.dir, now, ['list', q, '--json'])).stdout).length;
    expect([await list('2026-03-05T00:00:00.000Z', 'overdue:true'), await list('2026-03-07T00:00:00.000Z', 'overdue:true')]).toEqual([0, 1]);
    expect(await list('2026-03-07T00:00:00.000Z', 'overdue:false')).toBe(0);
    const doctor = JSON.parse((await at(repo.dir, '2026-03-07T00:00:00.000Z', ['doctor', '--json'])).stdout);
    expect(doctor.checks.map((c: any) => c.name)).toContain('workflow');
    expect(doctor.problems.filter((p: any) => p.check === 'workflow').map((p: any) => p.message)).toEqual([
      expect.stringMatching(/^phase spec of task [0-9a-f]{8} "Auto task" is in_progress since .*, overdue since 2026-03-06T01:00:\d\d\.\d{3}Z$/)]);
    const early = JSON.parse((await at(repo.dir, '2026-03-05T00:00:00.000Z', ['doctor', '--json'])).stdout);
    expect(early.problems.filter((p: any) => p.check === 'workflow')).toEqual([]);
  });
});
