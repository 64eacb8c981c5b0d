/**
 * The `--json` output contract of the commands that share, recover, move data in and out, and check:
 * remote setup, push, pull, sync, backup (and --verify), restore, import, export and doctor. As in
 * schemas.test.ts, the built CLI runs in real repositories and every stdout is validated with ajv in
 * strict mode against the schema schemas/README.md names: two clones of a bare remote that diverge,
 * conflict and merge (a push that has to retry, a pull that merges, a remote milestone that cannot
 * be merged), a bundle restored into a fresh clone, a small legacy `.milestones/` tree written here
 * imported, exported and imported again as JSON, and doctor on a healthy, a broken and a repaired
 * repository. Every schema this file answers for (test/helpers/schemas.ts SHARING_SCHEMAS), with
 * its README rows, must be exercised; the schemas also reject wrong documents.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { expectExercised, jsonRunner, problems, without } from '../../helpers/schemas';
import { makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

const validated = new Set<string>();
const run = jsonRunner(validated);

/** Runs a command that only sets the scene (not validated here): must succeed; returns its JSON. */
function ok(dir: string, args: string[]): any {
  const r = cli(dir, [...args, '--json']);
  expect(r.code, `git milestone ${args.join(' ')}\n${r.stdout}${r.stderr}`).toBe(0);
  return r.json();
}

const repos: TmpRepo[] = [];
function repo(o: { bare?: boolean } = {}): TmpRepo {
  const r = makeTmpRepo(o);
  repos.push(r);
  return r;
}

let tmp: string;
let remote: TmpRepo;
let a: TmpRepo;
let b: TmpRepo;
const ids: Record<string, string> = {};
const milestoneRef = (id: string): string => `refs/milestones/milestone/${id}`;

beforeAll(() => {
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gm-sharing-')));
  remote = repo({ bare: true });
  a = repo();
  b = repo();
  // a knows origin before init (init adds the fetch refspecs); b gets it afterwards.
  a.git(['remote', 'add', 'origin', remote.dir]);
  ok(a.dir, ['init']);
  ok(b.dir, ['init']);
  b.git(['remote', 'add', 'origin', remote.dir]);
});
afterAll(() => {
  for (const r of repos) r.cleanup();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('real --json output conforms', () => {
  it('remote setup, with and without --with-push, and again', () => {
    const fresh = run(b.dir, 'remote-setup.schema.json', ['remote', 'setup']);
    expect(fresh).toMatchObject({ remote: 'origin', url: remote.dir, push: null });
    expect(fresh.fetch.added).toHaveLength(2);
    const withPush = run(a.dir, 'remote-setup.schema.json', ['remote', 'setup', 'origin', '--with-push']);
    expect(withPush.fetch).toMatchObject({ added: [], present: fresh.fetch.added });
    expect(withPush.push.added).toEqual(['HEAD', 'refs/milestones/*:refs/milestones/*', 'refs/notes/milestones*:refs/notes/milestones*']);
    expect(run(a.dir, 'remote-setup.schema.json', ['remote', 'setup', '--with-push']).push).toEqual({ added: [], present: withPush.push.added });
    expect(run(a.dir, 'error.schema.json', ['remote', 'setup', 'nosuch'], 3).error.code).toBe('NOT_FOUND');
  });

  it('push (milestones and notes), then nothing to push', () => {
    ids.m = ok(a.dir, ['new', 'Shared plan', '--label', 'team']).id;
    ids.t = ok(a.dir, ['task', 'add', ids.m, 'First step']).id;
    a.git(['commit', '-q', '--allow-empty', '-m', 'first']);
    a.git(['notes', '--ref=milestones', 'add', '-m', JSON.stringify({ id: 'n1', milestone: ids.m, task: ids.t }), 'HEAD']);
    const pushed = run(a.dir, 'push.schema.json', ['push']);
    expect(pushed).toMatchObject({ remote: 'origin', upToDate: 0, attempts: 1 });
    expect(pushed.pushed.sort()).toEqual([milestoneRef(ids.m), 'refs/notes/milestones']);
    expect(run(a.dir, 'push.schema.json', ['push', 'origin'])).toEqual({ remote: 'origin', pushed: [], upToDate: 2, attempts: 1, newConflicts: [] });
  });

  it('pull: new milestones and notes, then up to date', () => {
    expect(run(b.dir, 'pull.schema.json', ['pull'])).toEqual({
      remote: 'origin', created: 1, fastForwarded: 0, merged: 0, upToDate: 0, errors: [], remotes: ['origin'], notes: { origin: 'created' }, total: 1,
      newConflicts: [],
    });
    expect(run(b.dir, 'pull.schema.json', ['pull', 'origin'])).toMatchObject({ created: 0, upToDate: 1, notes: { origin: 'up-to-date' } });
  });

  it('sync, a push that has to merge and retry, a pull that merges', () => {
    ok(a.dir, ['edit', ids.m, '--title', 'Plan from a']);
    ok(b.dir, ['edit', ids.m, '--title', 'Plan from b', '--priority', 'high']);
    const synced = run(b.dir, 'sync.schema.json', ['sync']);
    expect(synced.pull).toMatchObject({ created: 0, fastForwarded: 0, merged: 0, upToDate: 1 });
    expect(synced.push).toMatchObject({ pushed: [milestoneRef(ids.m)], attempts: 1 });

    // a's push is rejected (b pushed first): it fetches, merges (a title conflict) and pushes again.
    const retried = run(a.dir, 'push.schema.json', ['push']);
    expect(retried).toMatchObject({ pushed: [milestoneRef(ids.m)], attempts: 2 });
    expect(retried.newConflicts).toEqual([{ id: ids.m, shortId: ids.m.slice(0, 8), title: expect.any(String), conflicts: 1, added: 1 }]);
    expect(ok(a.dir, ['show', ids.m]).conflicts).toEqual([expect.objectContaining({ field: 'title' })]);
    expect(run(b.dir, 'sync.schema.json', ['sync', 'origin']).pull).toMatchObject({ fastForwarded: 1, merged: 0 });

    ok(a.dir, ['task', 'start', ids.t]);
    expect(run(a.dir, 'push.schema.json', ['push']).attempts).toBe(1);
    ok(b.dir, ['edit', ids.m, '--description', 'Written in b']);
    const merged = run(b.dir, 'pull.schema.json', ['pull']);
    expect(merged).toMatchObject({ merged: 1, errors: [], total: 1 });
  });

  it('pull reports a remote milestone it cannot merge (exit 1), and the rest still arrives', () => {
    ids.m2 = ok(a.dir, ['new', 'Second plan']).id;
    ok(a.dir, ['push']);
    // b holds a change of the shared milestone that the remote lacks (the merge above); on the remote,
    // that milestone moves on to a commit that is not an entity. Merging the two must refuse it.
    const blob = remote.git(['hash-object', '-w', '--stdin'], { input: 'garbage' }).trim();
    const tree = remote.git(['mktree'], { input: `100644 blob ${blob}\tsnapshot.json\n` }).trim();
    const tip = remote.git(['rev-parse', milestoneRef(ids.m)]).trim();
    remote.git(['update-ref', milestoneRef(ids.m), remote.git(['commit-tree', tree, '-p', tip, '-m', 'forged']).trim()]);
    const pulled = run(b.dir, 'pull.schema.json', ['pull'], 1);
    expect(pulled).toMatchObject({ created: 1, merged: 0, total: 2 });
    expect(pulled.errors).toEqual([{ id: ids.m, message: expect.any(String), code: 'CORRUPT_ENTITY' }]);
  });

  it('doctor: healthy with a warning, broken (exit 1), --fix, --report', () => {
    const warned = run(b.dir, 'doctor.schema.json', ['doctor']);
    expect(warned).toMatchObject({ healthy: true, counts: { milestones: 2 } });
    expect(warned.problems).toEqual([
      expect.objectContaining({ check: 'remotes', severity: 'warning', message: '1 milestone fetched from origin not merged yet', fixable: false }),
    ]);
    expect(warned.report).toBeUndefined();

    // A stale lock (an hour old) and an unreadable index: both derived, both repaired by --fix.
    const lock = path.join(b.dir, '.git/refs/milestones/milestone/stale.lock');
    fs.writeFileSync(lock, '');
    const hourAgo = new Date(Date.now() - 3600_000);
    fs.utimesSync(lock, hourAgo, hourAgo);
    fs.writeFileSync(path.join(b.dir, '.git/milestones/index/meta.json'), 'garbage');
    const broken = run(b.dir, 'doctor.schema.json', ['doctor'], 1);
    expect(broken.healthy).toBe(false);
    const errors = broken.problems.filter((p: any) => p.severity === 'error');
    expect(errors.map((p: any) => p.check).sort()).toEqual(['index', 'locks']);
    for (const p of errors) expect(p).toMatchObject({ fixable: true, path: expect.any(String) });
    expect(broken.checks.filter((c: any) => !c.ok).map((c: any) => c.name).sort()).toEqual(['index', 'locks']);

    const fixed = run(b.dir, 'doctor.schema.json', ['doctor', '--fix']);
    expect(fixed.healthy).toBe(true);
    // The index is derived: the broken run's later checks read it, and a read rebuilds a damaged index, so
    // --fix may find only the lock left; whatever it finds it repairs.
    const fixedErrors = fixed.problems.filter((p: any) => p.severity === 'error');
    expect(fixedErrors.map((p: any) => p.check)).toContain('locks');
    expect(fixedErrors.every((p: any) => p.fixed === true)).toBe(true);
    expect(fs.existsSync(lock)).toBe(false);

    const reported = run(b.dir, 'doctor.schema.json', ['doctor', '--report']);
    expect(reported.report).toMatchObject({
      repository: { bare: false, linkedWorktree: false, objectFormat: 'sha1' },
      counts: { milestones: 2, refs: 2 },
      remotes: [{ name: 'origin', url: remote.dir, fetchesMilestones: true }],
    });
    expect(reported.report.settings.length).toBeGreaterThan(5);
    expect(reported.report.log.length).toBeGreaterThan(0);

    // A local ref that is not an entity: an error naming the ref, which --fix never touches.
    const damaged = repo();
    ok(damaged.dir, ['init']);
    const bad = `refs/milestones/milestone/${'0'.repeat(64)}`;
    const blob = damaged.git(['hash-object', '-w', '--stdin'], { input: 'garbage' }).trim();
    const tree = damaged.git(['mktree'], { input: `100644 blob ${blob}\tsnapshot.json\n` }).trim();
    damaged.git(['update-ref', bad, damaged.git(['commit-tree', tree, '-m', 'hand made']).trim()]);
    const refused = run(damaged.dir, 'doctor.schema.json', ['doctor', '--fix'], 1);
    expect(refused.problems).toEqual([expect.objectContaining({ check: 'entities', severity: 'error', ref: bad, fixable: false })]);
    expect(refused.problems[0].fixed).toBeUndefined();
  });

  it('backup (named and default file), backup --verify (good and bad), restore into a fresh clone and again', () => {
    const file = path.join(tmp, 'plan.bundle');
    const written = run(a.dir, 'backup.schema.json', ['backup', file]);
    expect(written).toMatchObject({ file, milestones: 2, refs: 3, notes: true });
    expect(run(a.dir, 'backup.schema.json', ['backup']).file).toMatch(/\/milestones-\d{8}-\d{6}\.bundle$/);
    expect(run(a.dir, 'backup-verify.schema.json', ['backup', '--verify', file])).toEqual({ file, ok: true, refs: 3, milestones: 2, notes: true, problems: [] });
    const junk = path.join(tmp, 'junk.bundle');
    fs.writeFileSync(junk, 'not a bundle\n');
    const refused = run(a.dir, 'backup-verify.schema.json', ['backup', '--verify', junk], 1);
    expect(refused).toMatchObject({ ok: false, refs: 0, milestones: 0 });

    const fresh = repo();
    ok(fresh.dir, ['init']);
    expect(run(fresh.dir, 'restore.schema.json', ['restore', file])).toEqual({
      file, created: 2, fastForwarded: 0, merged: 0, upToDate: 0, errors: [], notes: 'created', total: 2,
      otherKinds: { carried: [], diverged: [] },
    });
    expect(run(fresh.dir, 'restore.schema.json', ['restore', file])).toMatchObject({ created: 0, upToDate: 2, notes: 'up-to-date' });
    expect(run(fresh.dir, 'error.schema.json', ['restore', junk], 5).error.code).toBe('INVALID_INPUT');
  });

  it('import --from-format legacy (--dry-run, then for real, then again), export --format legacy|json, import --format json', () => {
    const legacy = writeLegacyTree(path.join(tmp, 'legacy/.milestones'));
    const target = repo();
    ok(target.dir, ['init']);

    // One event line is not JSON: reported by file and line (exit 1), the rest is imported.
    const dry = run(target.dir, 'import.schema.json', ['import', '--from-format', 'legacy', '--path', legacy, '--dry-run'], 1);
    expect(dry).toMatchObject({ format: 'legacy', path: legacy, dryRun: true, counts: { wouldCreate: 2, created: 0, tasks: 3 } });
    expect(dry.milestones.map((m: any) => [m.legacyId, m.file, m.action])).toEqual([
      ['milestone-001', 'active/milestone-001.yaml', 'would-create'],
      ['milestone-002', 'completed/milestone-002/definition.yaml', 'would-create'],
    ]);
    expect(dry.milestones.map((m: any) => m.warnings.length)).toEqual([0, 1]); // milestone-000 is not imported: kept in extra
    expect(dry.problems).toEqual([{ file: 'state/events/milestone-milestone-001.jsonl', line: 2, message: expect.any(String) }]);
    expect(dry.skipped.map((s: any) => s.file)).toEqual(['config/', 'deliverables/']);
    expect(ok(target.dir, ['list'])).toEqual([]);

    const done = run(target.dir, 'import.schema.json', ['import', '--from-format', 'legacy', '--path', legacy], 1);
    expect(done.counts).toMatchObject({ created: 2, existing: 0, wouldCreate: 0 });
    expect(done.milestones.map((m: any) => m.id)).toEqual(dry.milestones.map((m: any) => m.id));
    const again = run(target.dir, 'import.schema.json', ['import', '--format', 'legacy', '--path', legacy], 1);
    expect(again.milestones.map((m: any) => m.action)).toEqual(['existing', 'existing']);
    expect(ok(target.dir, ['show', 'milestone-001'])).toMatchObject({ title: 'Payment gateway', status: 'in_progress' });

    const out = path.join(tmp, 'exported/.milestones');
    const legacyOut = run(target.dir, 'export.schema.json', ['export', '--format', 'legacy', '--path', out]);
    expect(legacyOut).toMatchObject({ format: 'legacy', path: out, milestones: 2 });
    expect(fs.existsSync(path.join(out, 'active/milestone-001.yaml'))).toBe(true);

    // b holds a merge with a conflict (register heads with values) and set tags: the richest document.
    const jsonFile = path.join(tmp, 'plan.json');
    expect(run(b.dir, 'export.schema.json', ['export', '--format', 'json', '--path', jsonFile])).toEqual({ format: 'json', path: jsonFile, milestones: 2, files: 1 });
    const doc = run(b.dir, 'export-document.schema.json', ['export', '--format', 'json']);
    expect(doc.milestones.map((m: any) => m.id)).toEqual([ids.m, ids.m2].sort());
    const shared = doc.milestones.find((m: any) => m.id === ids.m).state;
    expect(shared.heads.milestone.title).toHaveLength(2);
    // Without --json the output is the same document.
    const plain = cli(b.dir, ['export', '--format', 'json']);
    expect(plain.code).toBe(0);
    expect(problems('export-document.schema.json', plain.json())).toBeNull();
    expect(plain.json()).toEqual(JSON.parse(fs.readFileSync(jsonFile, 'utf8')));
    expect(problems('export-document.schema.json', ok(target.dir, ['export', '--format', 'json']))).toBeNull();

    const other = repo();
    ok(other.dir, ['init']);
    const jsonDry = run(other.dir, 'import.schema.json', ['import', '--format', 'json', '--path', jsonFile, '--dry-run']);
    expect(jsonDry).toMatchObject({ format: 'json', path: jsonFile, dryRun: true, skipped: [], problems: [], counts: { wouldCreate: 2 } });
    const jsonDone = run(other.dir, 'import.schema.json', ['import', '--from-format', 'json', '--path', jsonFile]);
    expect(jsonDone.milestones.map((m: any) => [m.legacyId, m.id, m.action])).toEqual(doc.milestones.map((m: any) => [m.id, m.id, 'created']));
    expect(run(other.dir, 'import.schema.json', ['import', '--format', 'json', '--path', jsonFile]).counts).toMatchObject({ created: 0, existing: 2 });
    expect(ok(other.dir, ['show', ids.m])).toEqual(ok(b.dir, ['show', ids.m]));
  });

  it('every output schema this file answers for, and every README row naming one, was exercised by real output', () => {
    expectExercised('schemas-sharing.test.ts', validated);
  });
});

describe('the schemas reject wrong documents', () => {
  const id = 'a'.repeat(64);
  const check = (name: string, ok = true) => ({ name, summary: 's', ok });
  const checks = ['entities', 'remotes', 'index', 'config', 'hooks', 'locks', 'aliases', 'workflow', 'claims'].map((n) => check(n));
  const doctor = { healthy: true, checks, problems: [], counts: { milestones: 1, tasks: 0, operations: 1, conflicts: 0 } };
  const pull = { remote: 'origin', created: 0, fastForwarded: 0, merged: 0, upToDate: 1, errors: [], remotes: ['origin'], notes: {}, total: 1, newConflicts: [] };
  const row = { legacyId: 'milestone-001', file: 'active/milestone-001.yaml', id, title: 't', tasks: 0, action: 'created', warnings: [] };
  const counts = { created: 1, existing: 0, wouldCreate: 0, tasks: 0, problems: 0, skipped: 0 };
  const imported = { format: 'legacy', path: '/x', dryRun: false, problems: [], skipped: [], milestones: [row], counts };
  const stamp = { at: '2026-01-01T00:00:00.000Z', by: { name: 'n', email: 'e' } };
  const op = { type: 'milestone.create', author: stamp.by, time: stamp.at, lamport: 1, title: 't', nonce: 'x' };
  const task = {
    id, title: 't', description: '', status: 'pending', assignee: null, estimatedHours: null, dependsOn: [], startedAt: null, completedAt: null,
    created: stamp, updated: stamp, deleted: false, extra: {},
  };
  const state = {
    id, aliases: [], title: 't', description: '', status: 'planned', priority: null, category: null, labels: [], startDate: null, dueDate: null,
    estimatedHours: null, successCriteria: [], deliverables: [], risks: [], resources: {}, dependsOn: [], extra: {}, tasks: [task],
    archived: false, deleted: false, created: stamp, updated: stamp, clock: 1, opCount: 1,
  };
  const document = { format: 'git-milestone', version: 1, milestones: [{ id, ops: [op], state }] };

  it('accepts the well-formed baselines', () => {
    expect(problems('doctor.schema.json', doctor)).toBeNull();
    expect(problems('pull.schema.json', pull)).toBeNull();
    expect(problems('import.schema.json', imported)).toBeNull();
    expect(problems('export-document.schema.json', document)).toBeNull();
  });

  it.each([
    ['doctor.schema.json', 'healthy with a failing check', { ...doctor, checks: [...checks.slice(1), check('entities', false)] }, /must be equal to constant/],
    ['doctor.schema.json', 'unhealthy with every check ok', { ...doctor, healthy: false }, /must contain at least 1 valid item/],
    ['doctor.schema.json', 'an unknown check', { ...doctor, checks: [...checks.slice(1), check('network')] }, /allowed values/],
    ['doctor.schema.json', 'a problem without fixable', { ...doctor, problems: [{ check: 'locks', severity: 'warning', message: 'm' }] }, /required property 'fixable'/],
    ['pull.schema.json', 'an unknown notes outcome', { ...pull, notes: { origin: 'done' } }, /allowed values/],
    ['pull.schema.json', 'a merge error with a short id', { ...pull, errors: [{ id: 'abc', message: 'm' }] }, /must match pattern/],
    ['sync.schema.json', 'a push without attempts', { remote: 'origin', pull, push: { remote: 'origin', pushed: [], upToDate: 0 } }, /required property 'attempts'/],
    ['push.schema.json', 'a pushed branch', { remote: 'origin', pushed: ['refs/heads/main'], upToDate: 0, attempts: 1, newConflicts: [] }, /must match pattern/],
    ['remote-setup.schema.json', 'push missing instead of null', { remote: 'o', url: null, fetch: { added: [], present: [] } }, /required property 'push'/],
    ['backup-verify.schema.json', 'ok with problems', { file: '/x', ok: true, refs: 0, milestones: 0, notes: false, problems: ['p'] }, /must NOT have more than 0 items/],
    ['restore.schema.json', 'notes as a map', { file: '/x', created: 0, fastForwarded: 0, merged: 0, upToDate: 0, errors: [], notes: {}, total: 0 }, /must be string/],
    ['import.schema.json', 'a dry run that created', { ...imported, dryRun: true }, /allowed values/],
    ['import.schema.json', 'a row without its action', { ...imported, milestones: [without(row, 'action')] }, /required property 'action'/],
    ['import.schema.json', 'a problem on line 0', { ...imported, problems: [{ file: 'f', line: 0, message: 'm' }] }, /must be >= 1/],
    ['export.schema.json', 'a JSON export in two files', { format: 'json', path: '/x', milestones: 1, files: 2 }, /must be equal to constant/],
    ['export-document.schema.json', 'another format', { ...document, format: 'other' }, /must be equal to constant/],
    ['export-document.schema.json', 'an unknown operation type', { ...document, milestones: [{ id, ops: [{ ...op, type: 'milestone.rename' }], state }] }, /allowed values/],
    ['export-document.schema.json', 'a task state without deleted', { ...document, milestones: [{ id, ops: [op], state: { ...state, tasks: [without(task, 'deleted')] } }] }, /required property 'deleted'/],
  ])('%s: %s', (file, _what, doc, message) => {
    const bad = problems(file, doc);
    expect(bad).not.toBeNull();
    expect(bad).toMatch(message);
  });
});

/**
 * A small legacy `.milestones/` tree in the earlier system's layout (docs/import-export.md,
 * ../shared/legacy-format.md): an active milestone with phased fields, odd fields and dependent
 * tasks, a completed one in its own folder that requires a milestone not imported, settings and
 * deliverables (skipped), an event log with one line that is not JSON.
 */
function writeLegacyTree(root: string): string {
  const files: Record<string, string> = {
    'active/milestone-001.yaml': [
      'id: milestone-001',
      'title: Payment gateway',
      'description: Accept card payments.',
      'status: active',
      'priority: high',
      'category: engineering',
      'created_at: "2025-01-10T09:00:00Z"',
      'timeline:',
      '  estimated_start: "2025-01-10"',
      '  estimated_end: "2025-03-01"',
      '  estimated_hours: 80',
      '  buffer_percentage: 20',
      'progress: 40',
      'success_criteria:',
      '  - Cards are accepted',
      'dependencies:',
      '  requires: []',
      '  enables: [milestone-002]',
      'favourite_colour: blue',
      'tasks:',
      '  - id: task-001',
      '    title: Design the API',
      '    status: completed',
      '    assigned_to: alice',
      '    estimated_hours: 8',
      '    started_at: "2025-01-11T09:00:00Z"',
      '    completed_at: "2025-01-12T09:00:00Z"',
      '  - id: task-002',
      '    title: Implement it',
      '    status: in_progress',
      '    dependencies: [task-001]',
      '',
    ].join('\n'),
    'active/current.txt': 'milestone-001\n',
    'completed/milestone-002/definition.yaml': [
      'id: milestone-002',
      'title: Project setup',
      'status: completed',
      'priority: low',
      'created_at: "2024-12-01T09:00:00Z"',
      'dependencies:',
      '  requires: [milestone-000]',
      'tasks:',
      '  - id: task-1',
      '    title: Create the repository',
      '    status: completed',
      '',
    ].join('\n'),
    'config/milestone-config.yaml': 'cache.ttl: 300\n',
    'config/storage-backend.txt': 'file\n',
    'deliverables/task-001/design/api.md': '# API\n',
    'state/events/milestone-milestone-001.jsonl': [
      JSON.stringify({ timestamp: '2025-01-11T09:00:00Z', milestone_id: 'milestone-001', session_id: 's1', event_type: 'task_started', data: { task: 'task-001' }, user: 'alice' }),
      'not json',
      '',
    ].join('\n'),
  };
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}
