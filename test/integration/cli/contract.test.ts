/**
 * The command-line contract that acceptance checks and agents rely on (issue: core), run against
 * the built CLI in real temporary repositories. Each scenario ends with `git fsck --strict` clean
 * and native git seeing what was written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { repoPerTest, type TmpRepo } from '../../helpers/tmpRepo';

const current = repoPerTest();
let repo: TmpRepo;
beforeEach(() => {
  repo = current();
});

const ok = (args: string[]) => {
  const r = cli(repo.dir, args);
  expect(r.code, `${args.join(' ')}\n${r.stderr}${r.stdout}`).toBe(0);
  return r;
};

describe('milestones', () => {
  it('new --json prints an id; list and show reflect it; native git sees the ref', () => {
    const { id } = ok(['new', 'Ship the parser', '--json']).json();
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    const list = ok(['list', '--json']).json<any[]>();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id, title: 'Ship the parser', status: 'planned', progress: 0 });
    const shown = ok(['show', id.slice(0, 6), '--json']).json();
    expect(shown).toMatchObject({ id, title: 'Ship the parser', status: 'planned', labels: [], progress: 0, tasks: [] });
    expect(repo.git(['for-each-ref', '--format=%(refname)', 'refs/milestones'])).toBe(`refs/milestones/milestone/${id}\n`);
    expect(repo.git(['log', '--format=%an %s', `refs/milestones/milestone/${id}`])).toContain('milestone.create');
  });

  it('edit changes title, status and labels; --unlabel removes one', () => {
    const { id } = ok(['new', 'A', '--json']).json();
    ok(['edit', id, '--title', 'B', '--label', 'x', '--label', 'y', '--status', 'in_progress']);
    expect(ok(['show', id, '--json']).json()).toMatchObject({ title: 'B', status: 'in_progress', labels: ['x', 'y'] });
    ok(['update', id.slice(0, 10), '--unlabel', 'x']);
    expect(ok(['show', id, '--json']).json().labels).toEqual(['y']);
    expect(ok(['list', '--label', 'y', '--json']).json<any[]>().map((m) => m.id)).toEqual([id]);
    expect(ok(['list', '--label', 'x', '--json']).json<any[]>()).toEqual([]);
  });

  it('list takes a query: qualifiers, negation, dates, sort', () => {
    const a = ok(['new', 'Alpha', '--label', 'core', '--due', '2026-03-01', '--json']).json().id;
    const b = ok(['new', 'Beta', '--label', 'later', '--due', '2026-12-31', '--status', 'blocked', '--json']).json().id;
    const c = ok(['new', 'Gamma', '--priority', 'high', '--json']).json().id;
    const q = (...w: string[]) => ok(['list', ...w, '--json']).json<any[]>().map((m) => m.id);
    expect(q('-label:later')).toEqual([a, c]);
    expect(q('status:blocked,planned', 'due:<2026-06-01')).toEqual([a]);
    expect(q('sort:-due', 'has:due')).toEqual([b, a]);
    expect(q('priority:high')).toEqual([c]);
    expect(q('blocked:true')).toEqual([b]);
    const bad = cli(repo.dir, ['list', 'stauts:done']);
    expect(bad.code).toBe(5);
    expect(bad.stderr).toContain('unknown qualifier');
  });

  it('keeps hostile titles verbatim and never runs them', () => {
    const title = `it's "quoted" $(touch pwned) \`touch pwned2\`\nsecond line ✓ 漢字`;
    const { id } = ok(['new', title, '--json']).json();
    expect(ok(['show', id, '--json']).json().title).toBe(title);
    expect(fs.existsSync(path.join(repo.dir, 'pwned'))).toBe(false);
    expect(fs.existsSync(path.join(repo.dir, 'pwned2'))).toBe(false);
    expect(ok(['list']).stdout).toContain('\\nsecond line');
  });

  it('archive hides from list unless --all; rm is a tombstone', () => {
    const a = ok(['new', 'Keep', '--json']).json().id;
    const b = ok(['new', 'Archive me', '--json']).json().id;
    const c = ok(['new', 'Delete me', '--json']).json().id;
    ok(['archive', b]);
    ok(['rm', c]);
    expect(ok(['list', '--json']).json<any[]>().map((m) => m.id)).toEqual([a]);
    expect(ok(['list', '--all', '--json']).json<any[]>().map((m) => m.id).sort()).toEqual([a, b].sort());
    expect(cli(repo.dir, ['show', c]).code).toBe(3);
    expect(repo.git(['for-each-ref', 'refs/milestones']).trim().split('\n')).toHaveLength(3);
  });
});

describe('milestone dependencies', () => {
  it('edit --depends-on links milestones by prefix; --no-depends-on drops it; self is refused', () => {
    const a = ok(['new', 'A', '--json']).json().id;
    const b = ok(['new', 'B', '--json']).json().id;
    ok(['edit', a.slice(0, 8), '--depends-on', b.slice(0, 8)]);
    expect(ok(['show', a, '--json']).json().dependsOn).toEqual([b]);
    expect(cli(repo.dir, ['edit', a, '--depends-on', a]).code).toBe(6);
    ok(['edit', a, '--no-depends-on', b]);
    expect(ok(['show', a, '--json']).json().dependsOn).toEqual([]);
  });
});

describe('tasks and dependencies', () => {
  it('task add with --depends-on, next, start, done, show and progress', () => {
    const ms = ok(['new', 'M', '--json']).json().id;
    const t1 = ok(['task', 'add', ms, 'one', '--json']).json().id;
    const t2 = ok(['task', 'add', ms, 'two', '--depends-on', t1.slice(0, 8), '--json']).json().id;
    expect(ok(['next', ms, '--json']).json<any[]>().map((t) => t.id)).toEqual([t1]);
    ok(['task', 'start', t1]);
    expect(ok(['task', 'show', t1, '--json']).json()).toMatchObject({ id: t1, status: 'in_progress' });
    expect(ok(['show', ms, '--json']).json().progress).toBe(25);
    ok(['task', 'done', t1.slice(0, 7)]);
    expect(ok(['next', ms, '--json']).json<any[]>().map((t) => t.id)).toEqual([t2]);
    const shown = ok(['show', ms, '--json']).json();
    expect(shown.tasks.map((t: any) => [t.id, t.status, t.dependsOn])).toEqual([[t1, 'completed', []], [t2, 'pending', [t1]]]);
    expect(shown.progress).toBe(50);
  });

  it('refuses a dependency cycle, names it, and changes nothing', () => {
    const ms = ok(['new', 'M', '--json']).json().id;
    const a = ok(['task', 'add', ms, 'a', '--json']).json().id;
    const b = ok(['task', 'add', ms, 'b', '--depends-on', a, '--json']).json().id;
    const c = ok(['task', 'add', ms, 'c', '--depends-on', b, '--json']).json().id;
    const before = repo.git(['rev-parse', `refs/milestones/milestone/${ms}`]);
    const r = cli(repo.dir, ['dep', 'add', a, c]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('cycle');
    expect(r.stderr).toContain(a.slice(0, 8));
    expect(repo.git(['rev-parse', `refs/milestones/milestone/${ms}`])).toBe(before);
    expect(ok(['task', 'show', a, '--json']).json().dependsOn).toEqual([]);
  });

  it('task ids are unique across milestones and resolve from any milestone', () => {
    const m1 = ok(['new', 'M1', '--json']).json().id;
    const m2 = ok(['new', 'M2', '--json']).json().id;
    const t1 = ok(['task', 'add', m1, 'same title', '--json']).json().id;
    const t2 = ok(['task', 'add', m2, 'same title', '--json']).json().id;
    expect(t1).not.toBe(t2);
    expect(ok(['task', 'show', t2, '--json']).json().milestoneId).toBe(m2);
    expect(ok(['task', 'list', '--json']).json<any[]>()).toHaveLength(2);
  });
});
