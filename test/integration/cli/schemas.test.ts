/**
 * The `--json` output contract: every command's output is described by a draft-07 schema in
 * schemas/ (schemas/README.md maps commands to files). One real repository is taken through a
 * realistic life (labels, priorities, dates, dependencies, assignees, started and completed tasks,
 * archived and deleted milestones, settings from every layer, errors) running every command with
 * --json, and each stdout is validated with ajv in strict mode. Also: the schemas compile, they
 * reject wrong documents, every command (each takes --json) has a README row, and every schema
 * this file answers for, with its README rows, is exercised by real output. The sharing, recovery,
 * import/export and doctor schemas are exercised by schemas-sharing.test.ts (test/helpers/schemas.ts
 * says which file answers for which schema; any schema not listed there is this file's).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { freshDatabase } from '../../helpers/pg';
import {
  allDefs, commandOf, expectExercised, GLOBAL_FLAGS, ID_BASE, jsonRunner, ownerOf, problems, readmeRows, schemaFiles, schemas,
  SHARING_SCHEMAS, validator, without, wordsOf,
} from '../../helpers/schemas';
import { makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

// ---- running the CLI ---------------------------------------------------------------------------

let repo: TmpRepo;
/** Which (command, schema) pairs real output was validated against. */
const validated = new Set<string>();
const runIn = jsonRunner(validated);

/** Runs a command with --json in the test repository, expects the exit status, validates stdout against `schema`. */
function run(schema: string, args: string[], code = 0): any {
  return runIn(repo.dir, schema, args, code);
}

const ids: Record<string, string> = {};

beforeAll(() => {
  repo = makeTmpRepo();
});
afterAll(() => repo?.cleanup());

describe('schemas/', () => {
  it('every output schema is draft-07 with $id, title and description, and compiles in strict mode', () => {
    expect(schemaFiles.length).toBeGreaterThanOrEqual(15);
    for (const [file, s] of schemas) {
      expect(s.$schema, file).toBe('http://json-schema.org/draft-07/schema#');
      expect(s.$id, file).toBe(`${ID_BASE}${file}`);
      expect(typeof s.title === 'string' && s.title.length > 0, `${file} title`).toBe(true);
      expect(typeof s.description === 'string' && s.description.length > 0, `${file} description`).toBe(true);
      expect(() => validator(file), file).not.toThrow();
      // Each also compiles on its own instance (refs resolved through the others), strictly.
      const solo = new Ajv({ allErrors: true, strict: true });
      for (const other of schemas.values()) if (other !== s) solo.addSchema(other);
      expect(typeof solo.compile(s), file).toBe('function');
    }
  });

  it('every command has a row in schemas/README.md (all take --json), and every row names an existing schema', () => {
    const rows = readmeRows();
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) expect(schemas.has(row.schema), `README names ${row.schema}`).toBe(true);
    const covered = new Set(rows.map((r) => r.command));
    const defs = allDefs();
    // --json is a global flag (src/cli/makeCommand.ts GLOBAL_FLAGS); a command could still declare its own.
    const withJson = defs.filter((d) => 'json' in { ...GLOBAL_FLAGS, ...(d.flags ?? {}) }).map(wordsOf);
    expect(withJson).toHaveLength(defs.length);
    expect(withJson).toEqual(expect.arrayContaining(['init', 'task add', 'pull', 'push', 'sync', 'remote setup', 'backup', 'restore', 'import', 'export', 'doctor']));
    for (const id of withJson) expect(covered.has(id), `command "${id}" takes --json but has no row in schemas/README.md`).toBe(true);
    for (const row of rows) if (row.command !== null) expect(() => commandOf(row.command!.split(' ')), `README row ${row.command}`).not.toThrow();
  });

  it('every output schema is answered for by one test file', () => {
    for (const file of SHARING_SCHEMAS) expect(schemaFiles, `SHARING_SCHEMAS names ${file}`).toContain(file);
    expect(new Set(SHARING_SCHEMAS).size).toBe(SHARING_SCHEMAS.length);
    expect(schemaFiles.filter((f) => ownerOf(f) === 'schemas.test.ts')).toEqual(expect.arrayContaining(['task.schema.json', 'error.schema.json']));
  });
});

describe('real --json output conforms', () => {
  it('init, in a work tree and a bare repository', () => {
    expect(run('init.schema.json', ['init'])).toMatchObject({ bare: false, alreadyInitialized: false, milestones: 0 });
    expect(run('init.schema.json', ['init'])).toMatchObject({ alreadyInitialized: true });
    expect(run('mcp-tools.schema.json', ['mcp', '--tools']).tools.map((t: { name: string }) => t.name)).toContain('next');
    const bare = makeTmpRepo({ bare: true });
    try {
      const r = cli(bare.dir, ['init', '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(problems('init.schema.json', r.json())).toBeNull();
      expect(r.json().bare).toBe(true);
    } finally {
      bare.cleanup();
    }
  });

  it('new / plan / edit / update: milestones with labels, priority, dates, estimate, criteria, dependencies', () => {
    const a = run('milestone.schema.json', [
      'new', 'Parser v2 — "quoted" ✓', '-d', 'Rewrite the parser.\nSecond line.', '--priority', 'high', '--category', 'engineering',
      '--label', 'backend', '--label', 'q4', '--start', '2026-01-05', '--due', '2026-03-31', '--estimate', '120',
      '--criterion', 'all tests pass', '--criterion', 'docs updated',
    ]);
    expect(a).toMatchObject({ priority: 'high', labels: ['backend', 'q4'], dueDate: '2026-03-31', estimatedHours: 120, tasks: [] });
    ids.a = a.id;
    ids.b = run('milestone.schema.json', ['plan', 'Docs site', '--priority', 'low', '--due', '2026-06-30T17:00:00Z', '--label', 'docs']).id;
    ids.c = run('milestone.schema.json', ['new', 'Old experiment', '--status', 'paused']).id;
    ids.d = run('milestone.schema.json', ['new', 'To delete', '--label', 'tmp']).id;
    const edited = run('milestone.schema.json', ['edit', ids.a.slice(0, 10), '--status', 'in_progress', '--label', 'parser', '--unlabel', 'q4', '--depends-on', ids.b]);
    expect(edited).toMatchObject({ status: 'in_progress', labels: ['backend', 'parser'], dependsOn: [ids.b] });
    expect(run('milestone.schema.json', ['update', ids.b, '--description', 'multi\nline', '--start', '2026-02-01'])).toMatchObject({ startDate: '2026-02-01' });
  });

  it('task add / start / done / block / edit / rm and dep add / rm', () => {
    const t1 = run('task.schema.json', ['task', 'add', ids.a, 'Tokenizer', '--assignee', 'alice', '--estimate', '8', '-d', 'Lexing first.']);
    ids.t1 = t1.id;
    expect(t1).toMatchObject({ milestoneId: ids.a, status: 'pending', assignee: 'alice', estimatedHours: 8, startedAt: null });
    ids.t2 = run('task.schema.json', ['task', 'add', ids.a, 'Parser', '--depends-on', ids.t1.slice(0, 8), '--assignee', 'bob']).id;
    ids.t3 = run('task.schema.json', ['task', 'add', ids.a, 'Docs', '--depends-on', ids.t2]).id;
    ids.t4 = run('task.schema.json', ['task', 'add', ids.a, 'Benchmarks']).id;
    ids.t5 = run('task.schema.json', ['task', 'add', ids.a, 'Cleanup']).id;
    ids.t6 = run('task.schema.json', ['task', 'add', ids.b, 'Write the intro', '--assignee', 'carol']).id;
    ids.t7 = run('task.schema.json', ['task', 'add', ids.c, 'Try it out']).id;

    expect(run('task.schema.json', ['task', 'start', ids.t1]).startedAt).not.toBeNull();
    const done = run('task.schema.json', ['task', 'done', ids.t1]);
    expect(done).toMatchObject({ status: 'completed', progress: 100 });
    expect(done.completedAt).not.toBeNull();
    expect(run('task.schema.json', ['task', 'start', ids.t2])).toMatchObject({ status: 'in_progress', progress: 50, dependsOn: [ids.t1] });
    expect(run('task.schema.json', ['task', 'block', ids.t4])).toMatchObject({ status: 'blocked' });
    expect(run('task.schema.json', ['task', 'edit', ids.t3, '--title', 'User docs', '--assignee', 'dave', '--estimate', '2.5', '--status', 'pending']))
      .toMatchObject({ title: 'User docs', assignee: 'dave', estimatedHours: 2.5 });
    expect(run('task.schema.json', ['dep', 'add', ids.t4, ids.t3]).dependsOn).toEqual([ids.t3]);
    expect(run('task.schema.json', ['dep', 'rm', ids.t4, ids.t3]).dependsOn).toEqual([]);
    expect(run('task.schema.json', ['task', 'rm', ids.t5])).toMatchObject({ id: ids.t5 });
  });

  it('archive (and --undo) and rm', () => {
    expect(run('milestone.schema.json', ['archive', ids.c]).archived).toBe(true);
    expect(run('milestone.schema.json', ['archive', ids.c, '--undo']).archived).toBe(false);
    expect(run('milestone.schema.json', ['archive', ids.c])).toMatchObject({ archived: true, changed: true });
    expect(run('remove.schema.json', ['rm', ids.d])).toEqual({ id: ids.d, title: 'To delete', deleted: true });
  });

  it('a change to what is already there says nothing changed and writes no operation', () => {
    const tips = () => repo.git(['for-each-ref', '--format=%(objectname)', 'refs/milestones/']);
    const before = tips();
    expect(run('milestone.schema.json', ['archive', ids.c])).toMatchObject({ archived: true, changed: false });
    expect(run('milestone.schema.json', ['edit', ids.a, '--unlabel', 'nosuch', '--label', 'parser', '--status', 'in_progress']))
      .toMatchObject({ changed: false, labels: ['backend', 'parser'] });
    expect(run('task.schema.json', ['task', 'done', ids.t1])).toMatchObject({ status: 'completed', changed: false });
    expect(run('task.schema.json', ['task', 'edit', ids.t3, '--assignee', 'dave'])).toMatchObject({ changed: false });
    expect(run('task.schema.json', ['dep', 'add', ids.t2, ids.t1])).toMatchObject({ changed: false });
    expect(tips()).toBe(before);
    expect(cli(repo.dir, ['archive', ids.c]).stdout).toBe(`Nothing changed: milestone ${ids.c.slice(0, 8)} Old experiment is already archived.\n`);
    expect(cli(repo.dir, ['archive', ids.a, '--undo']).stdout).toMatch(/^Nothing changed: milestone \w{8} .* is not archived\.$/m);
    expect(cli(repo.dir, ['edit', ids.a, '--unlabel', 'nosuch']).stdout).toMatch(/^Nothing changed: milestone \w{8} .* already has those values\.$/m);
    expect(cli(repo.dir, ['task', 'done', ids.t1]).stdout).toBe(`Nothing changed: task ${ids.t1.slice(0, 8)} Tokenizer is already completed.\n`);
    expect(tips()).toBe(before);
    expect(run('task.schema.json', ['task', 'edit', ids.t3, '--assignee', 'erin'])).toMatchObject({ changed: true });
    expect(run('task.schema.json', ['task', 'edit', ids.t3, '--assignee', 'dave'])).toMatchObject({ changed: true });
  });

  it('list / status (from a fresh index, then from the cache), with --all, queries and an empty result', () => {
    const list = run('milestone-list.schema.json', ['list']);
    expect(list.map((m: any) => m.id)).toEqual([ids.a, ids.b]);
    expect(list.map((m: any) => m.shortId)).toEqual([ids.a.slice(0, 8), ids.b.slice(0, 8)]);
    expect(list[0]).toMatchObject({ assignees: ['alice', 'bob', 'dave'], taskCount: 4, doneCount: 1, blockedCount: 1 });
    expect(run('milestone-list.schema.json', ['status'])).toEqual(list);
    const all = run('milestone-list.schema.json', ['list', '--all']);
    expect(all.map((m: any) => m.id)).toEqual([ids.a, ids.b, ids.c]);
    expect(all[2]).toMatchObject({ archived: true, status: 'paused' });
    expect(run('milestone-list.schema.json', ['list', 'status:in_progress,planned', 'has:due', '--sort', '-due'])).toHaveLength(2);
    expect(run('milestone-list.schema.json', ['list', 'label:nosuch'])).toEqual([]);
  });

  it('show / task list / task show', () => {
    const a = run('milestone.schema.json', ['show', ids.a.slice(0, 8)]);
    expect(a.tasks.map((t: any) => t.id)).toEqual([ids.t1, ids.t2, ids.t3, ids.t4]);
    run('milestone.schema.json', ['show', ids.b]);
    expect(run('milestone.schema.json', ['show', ids.c]).archived).toBe(true);
    expect(run('task-list.schema.json', ['task', 'list'])).toHaveLength(6);
    expect(run('task-list.schema.json', ['task', 'list', ids.a, '--status', 'in_progress', '--status', 'blocked'])).toHaveLength(2);
    expect(run('task-list.schema.json', ['task', 'list', '--assignee', 'nobody'])).toEqual([]);
    expect(run('task.schema.json', ['task', 'show', ids.t1.slice(0, 12)])).toMatchObject({ status: 'completed' });
    run('task.schema.json', ['task', 'show', ids.t3]);
  });

  it('next and next --explain', () => {
    const ready = run('next.schema.json', ['next']);
    expect(ready.map((t: any) => t.id)).toEqual([ids.t6]);
    expect(run('next.schema.json', ['next', ids.a])).toEqual([]);
    const explained = run('next-explain.schema.json', ['next', '--explain']);
    expect(explained.inProgress.map((t: any) => t.id)).toEqual([ids.t2]);
    expect(explained.waiting).toEqual([{ task: expect.objectContaining({ id: ids.t3 }), reasons: [expect.stringContaining('waits for')] }]);
  });

  it('log, all and one milestone', () => {
    const log = run('log.schema.json', ['log']);
    expect(log.length).toBeGreaterThan(20);
    expect(new Set(log.map((e: any) => e.type))).toEqual(new Set([
      'milestone.create', 'milestone.set', 'milestone.label', 'milestone.depend', 'milestone.archive', 'milestone.delete',
      'task.add', 'task.set', 'task.status', 'task.depend', 'task.remove',
    ]));
    expect(run('log.schema.json', ['log', ids.a, '--limit', '3'])).toHaveLength(3);
    expect(run('milestone-list.schema.json', ['list', '--all', '--as-of', '2099-12-31'])).toEqual(run('milestone-list.schema.json', ['list', '--all']));
    expect(run('milestone.schema.json', ['show', ids.a, '--as-of', '2099-12-31'])).toEqual(run('milestone.schema.json', ['show', ids.a]));
    const report = run('report.schema.json', ['report', ids.a]);
    expect(report.milestones.map((m: any) => m.id)).toEqual([ids.a]);
    expect(run('report.schema.json', ['report']).progress.milestones).toBeGreaterThan(1);
  });

  it('rebuild, then list from the rebuilt cache', () => {
    expect(run('rebuild.schema.json', ['rebuild'])).toMatchObject({ backend: 'file', total: 4, errors: [] }); // the deleted milestone's ref stays;
    expect(run('milestone-list.schema.json', ['list', '--all'])).toHaveLength(3);
  });

  it('scale (cached and --recalculate) and portfolio (against the test PostgreSQL)', async () => {
    expect(run('scale.schema.json', ['scale'])).toMatchObject({ backend: 'file', decidedBy: 'threshold' });
    expect(run('scale.schema.json', ['scale', '--recalculate']).metrics.milestones).toBeGreaterThan(0);
    const r = cli(repo.dir, ['portfolio', '--json'], { DATABASE_URL: await freshDatabase() });
    expect(r.code, r.stderr).toBe(0);
    expect(problems('portfolio.schema.json', r.json())).toBeNull();
    expect(r.json().repositories[0].milestoneCount).toBe(cli(repo.dir, ['list', '--json']).json().length);
    validated.add('portfolio → portfolio.schema.json');
  });

  it('config show (with --origin and warnings) / get / set (file and --git) / validate (good and bad)', () => {
    const shown = run('config-show.schema.json', ['config', 'show']);
    expect(shown.origins).toBeUndefined();
    expect(run('config-set.schema.json', ['config', 'set', 'cache.ttl', '300'])).toMatchObject({ key: 'cache.ttl', value: 300 });
    expect(run('config-set.schema.json', ['config', 'set', '--git', 'log.level', 'debug'])).toMatchObject({ target: 'git config milestone.log.level' });
    const file = path.join(repo.dir, '.milestones/config/milestone-config.yaml');
    fs.appendFileSync(file, 'legacy_thing: 1\n');
    const withOrigins = run('config-show.schema.json', ['config', 'show', '--origin']);
    expect(withOrigins.origins['cache.ttl']).toMatchObject({ layer: 'file', line: expect.any(Number) });
    expect(withOrigins.origins['log.level']).toMatchObject({ layer: 'git' });
    expect(withOrigins.warnings).toEqual([expect.objectContaining({ path: 'legacy_thing', severity: 'warning' })]);
    expect(run('config-get.schema.json', ['config', 'get', 'cache.ttl'])).toMatchObject({ value: 300, origin: { layer: 'file' } });
    expect(run('config-get.schema.json', ['config', 'get', 'git_integration'])).toMatchObject({ origin: null });
    expect(run('config-validate.schema.json', ['config', 'validate'])).toMatchObject({ ok: true, errors: [] });
    fs.writeFileSync(path.join(repo.dir, 'bad.yaml'), 'cache:\n  enabled: maybe\nauto_branch: 3\n');
    const bad = run('config-validate.schema.json', ['config', 'validate', 'bad.yaml'], 1);
    expect(bad.ok).toBe(false);
    expect(bad.errors.length).toBeGreaterThan(0);
    expect(run('error.schema.json', ['config', 'validate', 'missing.yaml'], 3).error.code).toBe('NOT_FOUND');
    fs.appendFileSync(file, 'index.postgresql.url: postgres://h/db\n');
    expect(run('trust.schema.json', ['trust', '--show'])).toMatchObject({ trusted: false, keys: ['index.postgresql.url'], action: 'none' });
    expect(run('trust.schema.json', ['trust'])).toMatchObject({ trusted: true, action: 'trusted' });
    expect(run('trust.schema.json', ['trust', '--revoke'])).toMatchObject({ trusted: false, action: 'revoked' });
  });

  it('notify test / log / flush (an endpoint that refuses the connection: the commands still succeed)', () => {
    const sent = run('notify-test.schema.json', ['notify', 'test', '--url', 'http://u:pw@127.0.0.1:9/hook']);
    expect(sent.deliveries[0]).toMatchObject({ status: 'pending', attempts: 1, url: 'http://***@127.0.0.1:9/hook' });
    expect(run('notify-log.schema.json', ['notify', 'log']).deliveries).toHaveLength(1);
    expect(run('notify-flush.schema.json', ['notify', 'flush', '--all'])).toMatchObject({ attempted: 1, pending: 1 });
    expect(run('error.schema.json', ['notify', 'test', '--url', 'ftp://h/x'], 5).error.message).toContain('not an http(s) URL');
  });

  it('hooks install / status / uninstall, init --hooks, branch start / cleanup, task show with commits', () => {
    repo.git(['commit', '-q', '--allow-empty', '-m', 'init']);
    const m = cli(repo.dir, ['new', 'Hooks', '--json']).json().id;
    const t = cli(repo.dir, ['task', 'add', m, 'Write the intro', '--json']).json().id;
    expect(run('hooks.schema.json', ['hooks', 'install']).hooks).toHaveLength(6);
    expect(run('hooks-status.schema.json', ['hooks', 'status']).hooks[0]).toMatchObject({ state: 'installed' });
    const started = run('branch-start.schema.json', ['branch', 'start', t]);
    expect(started).toMatchObject({ created: true, task: t, taskStatus: 'in_progress' });
    repo.git(['commit', '-q', '--allow-empty', '-m', 'Write the intro']);
    expect(run('task.schema.json', ['task', 'show', t]).commits).toHaveLength(1);
    repo.git(['checkout', '-q', 'main']);
    repo.git(['merge', '-q', '--no-ff', '--no-edit', started.branch]);
    expect(run('branch-cleanup.schema.json', ['branch', 'cleanup', '--dry-run']).branches[0]).toMatchObject({ merged: 'ancestor' });
    expect(run('branch-cleanup.schema.json', ['branch', 'cleanup']).branches).toHaveLength(1);
    expect(run('hooks.schema.json', ['hooks', 'uninstall']).hooks.map((h: any) => h.action)).toEqual(Array(6).fill('removed'));
    expect(run('init.schema.json', ['init', '--hooks']).hooks.dir).toBe(path.join(repo.dir, '.git', 'hooks'));
  });

  it('workflow list / show / validate (good and bad), new --template', () => {
    const wf = path.join(repo.dir, '.milestones/workflows');
    fs.mkdirSync(wf, { recursive: true });
    fs.writeFileSync(path.join(wf, 'duo.yaml'),
      'phases:\n  - name: write\n    weight: 40\n    gate: { needs_approval: true, approvers: [lead] }\n    timeout: 2d\n'
      + '    deliverables:\n      - template: "# {{title}}\\n"\n  - name: check\n    weight: 60\n');
    fs.writeFileSync(path.join(wf, 'odd.yaml'), 'phases:\n  - name: a\n    weight: 99\n');
    const listed = run('workflow-list.schema.json', ['workflow', 'list']);
    expect(listed.workflows.map((w: { name: string }) => w.name)).toEqual(['kiro', 'duo']);
    expect(listed.problems).toEqual([expect.objectContaining({ name: 'odd', errors: [expect.objectContaining({ line: 1, path: 'phases' })] })]);
    expect(run('workflow-show.schema.json', ['workflow', 'show', 'duo']).phases[0]).toMatchObject({ timeout: '2d', approvers: ['lead'] });
    expect(run('workflow-show.schema.json', ['workflow', 'show', 'kiro']).source).toBe('builtin');
    expect(run('workflow-validate.schema.json', ['workflow', 'validate'], 1)).toMatchObject({ ok: false });
    fs.rmSync(path.join(wf, 'odd.yaml'));
    fs.mkdirSync(path.join(repo.dir, '.milestones/templates'), { recursive: true });
    fs.writeFileSync(path.join(repo.dir, '.milestones/templates/pair.yaml'),
      'title: Pair {{n}}\nworkflow: duo\ntasks:\n  - key: a\n    title: A{{n}}\n  - key: b\n    title: B{{n}}\n    depends_on: [a]\n');
    expect(run('workflow-validate.schema.json', ['workflow', 'validate'])).toMatchObject({ ok: true });
    const m = run('milestone.schema.json', ['new', '--template', 'pair', '--var', 'n=1']);
    expect(m).toMatchObject({ title: 'Pair 1', workflow: 'duo', extra: {} });
    expect(m.tasks.map((t: any) => t.workflow)).toEqual(['duo', 'duo']);
    expect(m.tasks[1].dependsOn).toEqual([m.tasks[0].id]);
  });

  it('phase start / submit / block / reopen / complete and review (decisions, --pending, --mine)', () => {
    const t = run('task.schema.json', ['task', 'add', ids.b, 'Design review']).id;
    expect(run('task.schema.json', ['phase', 'start', t])).toMatchObject({ workflow: 'kiro', progress: 9 });
    fs.writeFileSync(path.join(repo.dir, 'design.md'), 'The design.\n');
    const submitted = run('task.schema.json', ['phase', 'submit', t, '--deliverable', 'design.md']);
    expect(submitted.phases[0]).toMatchObject({ status: 'waiting_approval', deliverables: [{ path: 'design.md' }] });
    expect(run('review-pending.schema.json', ['review', '--pending']).map((e: any) => e.task)).toEqual([t]);
    expect(run('review-pending.schema.json', ['review', '--mine'])).toHaveLength(1);
    expect(run('task.schema.json', ['review', t, '--approve', '-m', 'fine']).phases[0].reviews[0]).toMatchObject({ decision: 'approve', stale: false });
    run('task.schema.json', ['phase', 'block', t, 'spec']);
    run('task.schema.json', ['phase', 'reopen', t, 'spec']);
    fs.writeFileSync(path.join(repo.dir, 'spec.md'), 'The spec.\n');
    run('task.schema.json', ['phase', 'submit', t, 'spec', '--deliverable', 'spec.md']);
    run('task.schema.json', ['review', t, '--approve']);
    run('task.schema.json', ['phase', 'start', t]);
    expect(run('task.schema.json', ['phase', 'complete', t, 'task', '--deliverable', 'spec.md']).phases[2].status).toBe('completed');
    run('error.schema.json', ['review', t, '--approve'], 5);
  });

  it('session start / checkpoint / list / show / pause / resume / end / cleanup', () => {
    const m = run('milestone.schema.json', ['new', 'Sessions']).id;
    const s = run('session.schema.json', ['session', 'start', m, '--pid', String(process.pid)]);
    // In a linked work tree of its own, so other tests' files do not make it dirty.
    const wt = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-session-wt-'));
    try {
      if (repo.git(['branch', '--list']).trim() === '') repo.git(['commit', '-q', '--allow-empty', '-m', 'base']); // run alone
      repo.git(['worktree', 'add', '-q', '-b', 'session-schemas', wt]);
      fs.writeFileSync(path.join(wt, 'wip.txt'), 'work in progress\n');
      const cp = run('session-checkpoint.schema.json', ['session', 'checkpoint', s.id.slice(0, 8), '-m', 'wip', '--worktree', wt]);
      expect(cp).toMatchObject({ branch: 'session-schemas', stash: expect.stringMatching(/^[0-9a-f]{40}$/) });
      expect(run('session-list.schema.json', ['session', 'list']).map((v: any) => v.id)).toContain(s.id);
      expect(run('session.schema.json', ['session', 'show', s.id.slice(0, 8)]).lastCheckpoint).toEqual(cp);
      expect(run('session.schema.json', ['session', 'pause', s.id.slice(0, 8)]).status).toBe('paused');
      fs.rmSync(path.join(wt, 'wip.txt'));
      expect(run('session-resume.schema.json', ['session', 'resume', s.id.slice(0, 8)])).toMatchObject({ worktree: wt, restored: true });
      expect(fs.readFileSync(path.join(wt, 'wip.txt'), 'utf8')).toBe('work in progress\n');
      expect(run('session-cleanup.schema.json', ['session', 'cleanup']).crashed).toEqual([]);
      expect(run('session.schema.json', ['session', 'end', s.id.slice(0, 8)]).status).toBe('completed');
    } finally {
      fs.rmSync(wt, { recursive: true, force: true });
      repo.git(['worktree', 'prune']);
    }
  });

  it('claim / heartbeat / release / next --claim (a claimed task, then nothing free)', () => {
    const m = run('milestone.schema.json', ['new', 'Claims']).id;
    const t = run('task.schema.json', ['task', 'add', m, 'Claimed work']).id;
    const claim = run('claim.schema.json', ['claim', t, '--as', 'agent-1', '--ttl', '10m']);
    expect(claim).toMatchObject({ task: t, milestone: m, agent: 'agent-1', fencing: 1 });
    expect(run('claim-list.schema.json', ['heartbeat', '--as', 'agent-1'])).toEqual([expect.objectContaining({ task: t })]);
    expect(run('claim-list.schema.json', ['heartbeat', t, '--as', 'agent-1'])).toHaveLength(1);
    expect(run('next-claim.schema.json', ['next', m, '--claim', '--as', 'agent-2'])).toBeNull();
    expect(run('claim.schema.json', ['release', t, '--as', 'agent-1'])).toMatchObject({ fencing: 1 });
    expect(run('next-claim.schema.json', ['next', m, '--claim', '--as', 'agent-2'])).toMatchObject({ task: t, fencing: 2 });
    expect(run('error.schema.json', ['claim', t, '--as', 'agent-3'], 14).error.code).toBe('CLAIMED');
    run('claim.schema.json', ['release', t, '--as', 'agent-2']);
    run('remove.schema.json', ['rm', m]);
  });

  it('errors: not found, dependency cycle, usage, invalid input, invalid settings, corrupt entity', () => {
    expect(run('error.schema.json', ['show', 'nosuch'], 3).error).toMatchObject({ code: 'NOT_FOUND', hint: expect.any(String) });
    const cycle = run('error.schema.json', ['dep', 'add', ids.t1, ids.t3], 6).error;
    expect(cycle).toMatchObject({ code: 'DEPENDENCY_CYCLE', data: { cycle: expect.any(Array) } });
    // Milestone dependencies too (a → b is there): the cycle across three milestones is shown, nothing is written.
    expect(run('milestone.schema.json', ['edit', ids.b, '--depends-on', ids.c]).dependsOn).toEqual([ids.c]);
    const tipC = repo.git(['rev-parse', `refs/milestones/milestone/${ids.c}`]);
    const mCycle = run('error.schema.json', ['edit', ids.c, '--depends-on', ids.a.slice(0, 8)], 6).error;
    const s8 = (id: string) => id.slice(0, 8);
    expect(mCycle).toMatchObject({
      code: 'DEPENDENCY_CYCLE', message: `dependency cycle: ${s8(ids.c)} → ${s8(ids.a)} → ${s8(ids.b)} → ${s8(ids.c)}`,
      data: { cycle: [ids.c, ids.a, ids.b, ids.c], titles: ['Old experiment', 'Parser v2 — "quoted" ✓', 'Docs site', 'Old experiment'] },
      hint: expect.stringContaining(`git milestone edit ${s8(ids.a)} --no-depends-on ${s8(ids.b)}`),
    });
    expect(run('error.schema.json', ['edit', ids.c, '--depends-on', ids.c], 6).error.data.cycle).toEqual([ids.c, ids.c]);
    expect(repo.git(['rev-parse', `refs/milestones/milestone/${ids.c}`])).toBe(tipC);
    expect(run('milestone.schema.json', ['show', ids.a]).dependencyCycle).toBeNull();
    expect(run('error.schema.json', ['list', '--bogus'], 2).error.code).toBe('USAGE');
    expect(run('error.schema.json', ['new', 'x', '--due', '2026-02-30'], 5).error.code).toBe('INVALID_INPUT');
    expect(run('error.schema.json', ['config', 'get', 'no.such.key'], 3).error.code).toBe('NOT_FOUND');
    expect(run('error.schema.json', ['config', 'set', 'cache.ttl', 'soon'], 9).error.code).toBe('CONFIG_INVALID');

    // A hand-made ref that is not an entity: rebuild reports it (exit 1), show names it.
    const bad = '0'.repeat(64);
    const blob = repo.git(['hash-object', '-w', '--stdin'], { input: 'garbage' }).trim();
    const tree = repo.git(['mktree'], { input: `100644 blob ${blob}\tsnapshot.json\n` }).trim();
    repo.git(['update-ref', `refs/milestones/milestone/${bad}`, repo.git(['commit-tree', tree, '-m', 'hand made']).trim()]);
    const rebuilt = run('rebuild.schema.json', ['rebuild'], 1);
    expect(rebuilt.errors).toEqual([expect.objectContaining({ id: bad })]);
    const corrupt = cli(repo.dir, ['show', bad, '--json']);
    expect(corrupt.code).toBe(8);
    expect(problems('error.schema.json', corrupt.json())).toBeNull();
  });

  it('execute (a run and --dry-run), in a repository of its own', () => {
    const own = makeTmpRepo();
    try {
      own.git(['commit', '-q', '--allow-empty', '-m', 'init']);
      const m = runIn(own.dir, 'milestone.schema.json', ['new', 'Run me'], 0).id;
      runIn(own.dir, 'task.schema.json', ['task', 'add', m, 'One'], 0);
      const plan = runIn(own.dir, 'execute.schema.json', ['execute', m, '--agent-command', 'true', '--dry-run'], 0);
      expect(plan.rounds).toHaveLength(1);
      expect(runIn(own.dir, 'execute.schema.json', ['execute', m, '--agent-command', 'true'], 0)).toMatchObject({ done: 1, blocked: 0 });
    } finally {
      own.cleanup();
    }
  });

  it('every output schema this file answers for, and every README row naming one, was exercised by real output', () => {
    expectExercised('schemas.test.ts', validated);
  });
});

describe('the schemas reject wrong documents', () => {
  const task = {
    id: 'a'.repeat(64), shortId: 'aaaaaaaa', milestoneId: 'b'.repeat(64), title: 't', description: '', status: 'pending',
    assignee: null, estimatedHours: null, dependsOn: [], startedAt: null, completedAt: null, progress: 0,
    created: { at: '2026-01-01T00:00:00.000Z', by: { name: 'n', email: 'e' } },
    updated: { at: '2026-01-01T00:00:00.000Z', by: { name: 'n', email: 'e' } }, extra: { anything: [1, { x: null }] }, conflicts: [],
    workflow: null, phases: [], blocker: null,
  };
  const summary = {
    id: 'b'.repeat(64), shortId: 'bbbbbbbb', title: 'm', description: '', status: 'planned', priority: null, category: null, labels: [], progress: 0,
    dueDate: null, startDate: null, assignees: [], taskCount: 0, doneCount: 0, blockedCount: 0, phases: [], conflictCount: 0,
    pendingReviews: [], openPhaseSince: null, openPhases: {}, aliases: [], archived: false, deleted: false, updatedAt: '2026-01-01T00:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z',
  };

  it('accepts the well-formed baselines', () => {
    expect(problems('task.schema.json', task)).toBeNull();
    expect(problems('milestone-list.schema.json', [summary])).toBeNull();
  });

  it.each([
    ['milestone-list.schema.json', 'a list item missing progress', [without(summary, 'progress')], /must have required property 'progress'/],
    ['milestone-list.schema.json', 'a list item with an unknown field', [{ ...summary, colour: 'red' }], /must NOT have additional properties/],
    ['milestone-list.schema.json', 'an unknown status', [{ ...summary, status: 'done' }], /must be equal to one of the allowed values/],
    ['milestone-list.schema.json', 'progress over 100', [{ ...summary, progress: 101 }], /must be <= 100/],
    ['task.schema.json', 'a short task id', { ...task, id: 'abc' }, /must match pattern/],
    ['task.schema.json', 'a task status of a milestone', { ...task, status: 'planned' }, /allowed values/],
    ['task.schema.json', 'assignee undefined instead of null', without(task, 'assignee'), /required property 'assignee'/],
    ['task.schema.json', 'a date that is not ISO', { ...task, startedAt: 'yesterday' }, /must match pattern/],
    ['next.schema.json', 'a ready task that is not pending', [{ ...task, status: 'in_progress' }], /must be equal to constant/],
    ['error.schema.json', 'an unknown error code', { error: { code: 'OOPS', message: 'm' } }, /allowed values/],
    ['config-validate.schema.json', 'ok with errors', { ok: true, file: null, errors: [{ path: 'x', message: 'm', severity: 'error' }], warnings: [] }, /must NOT have more than 0 items/],
  ])('%s: %s', (file, _what, doc, message) => {
    const bad = problems(file, doc);
    expect(bad).not.toBeNull();
    expect(bad).toMatch(message);
  });
});
