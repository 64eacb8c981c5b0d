/**
 * Custom workflows and milestone templates through the real CLI, in one shared repository: a
 * 3-phase workflow file listed, shown and validated; file:line:key errors for a YAML syntax error,
 * a schema error and bad weights; `new --template` creating a milestone with its tasks, their
 * dependencies and its workflow; a missing variable, an unknown template and a broken template
 * each refused with nothing written.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

let repo: TmpRepo;
const put = (rel: string, text: string) => {
  const file = path.join(repo.dir, '.milestones', rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};
const milestoneCount = () => cli(repo.dir, ['list', '--all', '--json']).json().length;

const LIGHT = `description: Plan, build, ship
phases:
  - name: plan
    weight: 30
    gate:
      needs_approval: true
      approvers: [lead]
    deliverables:
      - template_file: text/plan.md
  - name: build
    weight: 50
  - name: ship
    weight: 20
    timeout: 3d
`;
const RELEASE = `title: "Release {{version}}"
description: "Ship {{version}} to {{channel}}"
priority: high
labels: [release]
workflow: light
variables:
  version: { description: the version to ship }
  channel: { default: stable }
tasks:
  - key: build
    title: "Build {{version}}"
    estimate: 2
  - key: test
    title: "Test {{version}}"
    depends_on: [build]
  - key: ship
    title: "Ship {{version}} to {{channel}}"
    assignee: "{{owner}}"
    depends_on: [build, test]
`;

beforeAll(() => {
  repo = makeTmpRepo();
  expect(cli(repo.dir, ['init']).code).toBe(0);
  put('workflows/light.yaml', LIGHT);
  put('workflows/text/plan.md', '# {{title}}: plan\n');
  put('templates/release.yaml', RELEASE);
});
afterAll(() => repo?.cleanup());

describe('workflow list | show | validate', () => {
  it('a custom 3-phase workflow is valid, listed after kiro and shown with its gates and template', () => {
    const v = cli(repo.dir, ['workflow', 'validate']);
    expect(v.code, v.stdout + v.stderr).toBe(0);
    expect(v.stdout).toContain('.milestones/workflows/light.yaml: valid');
    expect(v.stdout).toContain('.milestones/templates/release.yaml: valid');
    const list = cli(repo.dir, ['workflow', 'list', '--json']).json();
    expect(list.workflows.map((w: { name: string }) => w.name)).toEqual(['kiro', 'light']);
    expect(list.workflows[1]).toMatchObject({ source: '.milestones/workflows/light.yaml', phases: [
      { name: 'plan', weight: 30, needsApproval: true }, { name: 'build', weight: 50 }, { name: 'ship', weight: 20 },
    ] });
    const shown = cli(repo.dir, ['workflow', 'show', 'light', '--json']).json();
    expect(shown.phases[0]).toMatchObject({ approvers: ['lead'], deliverables: [{ template: '# {{title}}: plan\n', required: true }] });
    expect(shown.phases[2].timeout).toBe('3d');
    expect(cli(repo.dir, ['workflow', 'show', 'kiro']).stdout).toMatch(/design 15%, needs approval/);
  });

  it('errors with file:line:key for a YAML syntax error, a schema error and bad weights; the others stay usable', () => {
    put('workflows/syntax.yaml', 'phases:\n  - name: a\n    weight: [30\n');
    put('workflows/schema.yaml', 'phases:\n  - name: a\n    weight: 100\n    gate:\n      needs_approval: sometimes\n');
    put('workflows/heavy.yaml', 'phases:\n  - name: a\n    weight: 60\n  - name: b\n    weight: 60\n');
    const v = cli(repo.dir, ['workflow', 'validate']);
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(/error: \.milestones\/workflows\/syntax\.yaml:\d+:\d+: /);
    expect(v.stdout).toContain('error: .milestones/workflows/schema.yaml:5: phases.0.gate.needs_approval: expected boolean, got "sometimes"');
    expect(v.stdout).toContain('error: .milestones/workflows/heavy.yaml:1: phases: phase weights sum to 120, not 100 (a 60, b 60)');
    const one = cli(repo.dir, ['workflow', 'validate', '.milestones/workflows/heavy.yaml', '--json']);
    expect(one.code).toBe(1);
    expect(one.json().files).toEqual([expect.objectContaining({ file: '.milestones/workflows/heavy.yaml', kind: 'workflow' })]);
    const list = cli(repo.dir, ['workflow', 'list', '--json']).json();
    expect(list.workflows.map((w: { name: string }) => w.name)).toEqual(['kiro', 'light']);
    expect(list.problems.map((p: { name: string }) => p.name)).toEqual(['heavy', 'schema', 'syntax']);
    const broken = cli(repo.dir, ['workflow', 'show', 'heavy']);
    expect(broken.code).toBe(9);
    expect(broken.stderr).toContain('heavy.yaml:1: phases: phase weights sum to 120');
    const unknown = cli(repo.dir, ['workflow', 'show', 'nope']);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('unknown workflow "nope" (known: kiro, light)');
    put('workflows/kiro.yaml', LIGHT);
    expect(cli(repo.dir, ['workflow', 'show', 'kiro', '--json']).json().source).toBe('builtin');
    expect(cli(repo.dir, ['workflow', 'validate', '.milestones/workflows/kiro.yaml']).stdout).toMatch(/kiro is the built-in workflow/);
    for (const f of ['syntax', 'schema', 'heavy', 'kiro']) fs.rmSync(path.join(repo.dir, '.milestones/workflows', `${f}.yaml`));
  });
});

describe('new --template', () => {
  it('creates the milestone with its tasks, their dependencies and its workflow', () => {
    const r = cli(repo.dir, ['new', '--template', 'release', '--var', 'version=2.1', '--var', 'owner=alice', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const m = r.json();
    expect(m).toMatchObject({ title: 'Release 2.1', description: 'Ship 2.1 to stable', priority: 'high', labels: ['release'], workflow: 'light', extra: {} });
    const shown = cli(repo.dir, ['show', m.id, '--json']).json();
    const byTitle = Object.fromEntries(shown.tasks.map((t: { title: string }) => [t.title, t]));
    expect(Object.keys(byTitle)).toEqual(['Build 2.1', 'Test 2.1', 'Ship 2.1 to stable']);
    expect(byTitle['Build 2.1']).toMatchObject({ estimatedHours: 2, dependsOn: [] });
    expect(byTitle['Test 2.1'].dependsOn).toEqual([byTitle['Build 2.1'].id]);
    expect([...byTitle['Ship 2.1 to stable'].dependsOn].sort()).toEqual([byTitle['Build 2.1'].id, byTitle['Test 2.1'].id].sort());
    expect(byTitle['Ship 2.1 to stable'].assignee).toBe('alice');
    expect(shown.tasks.map((t: { workflow: string }) => t.workflow)).toEqual(['light', 'light', 'light']);
    const next = cli(repo.dir, ['next', m.id, '--json']);
    expect(next.stdout).toContain(byTitle['Build 2.1'].id);
    // Flags beside --template win over the template; the title argument too.
    const o = cli(repo.dir, ['new', 'Hotfix', '--template', 'release', '--var', 'version=2.2', '--var', 'owner=bob',
      '--var', 'channel=beta', '--priority', 'low', '--json']).json();
    expect(o).toMatchObject({ title: 'Hotfix', priority: 'low', description: 'Ship 2.2 to beta' });
  });

  it('a missing variable, an unknown variable, an unknown template, a broken template or workflow: an error, nothing written', () => {
    const before = milestoneCount();
    const missing = cli(repo.dir, ['new', '--template', 'release', '--var', 'version=3']);
    expect(missing.code).toBe(5);
    expect(missing.stderr).toContain('template release: missing variable owner');
    const extra = cli(repo.dir, ['new', '--template', 'release', '--var', 'version=3', '--var', 'owner=a', '--var', 'colour=red']);
    expect(extra.code).toBe(5);
    expect(extra.stderr).toContain('template release has no variable colour');
    const unknown = cli(repo.dir, ['new', '--template', 'relase', '--json']);
    expect(unknown.code).toBe(3);
    expect(unknown.json().error).toMatchObject({ code: 'NOT_FOUND', data: { known: ['release'] } });
    put('templates/cyclic.yaml', 'title: C\ntasks:\n  - key: a\n    title: A\n    depends_on: [b]\n  - key: b\n    title: B\n    depends_on: [a]\n');
    const cyclic = cli(repo.dir, ['new', '--template', 'cyclic']);
    expect(cyclic.code).toBe(9);
    expect(cyclic.stderr).toMatch(/cyclic\.yaml:5: tasks\.0\.depends_on: dependency cycle: a -> b -> a/);
    put('templates/lost.yaml', 'title: L\nworkflow: nowhere\ntasks:\n  - key: a\n    title: A\n');
    const lost = cli(repo.dir, ['new', '--template', 'lost']);
    expect(lost.code).toBe(3);
    expect(lost.stderr).toContain('unknown workflow "nowhere"');
    const emptyOwner = cli(repo.dir, ['new', '--template', 'release', '--var', 'version=3', '--var', 'owner=']);
    expect(emptyOwner.code).toBe(5);
    expect(emptyOwner.stderr).toContain('template release: task ship: assignee must not be empty');
    put('templates/urgent.yaml', 'title: U\npriority: "{{p}}"\ntasks:\n  - key: a\n    title: A\n');
    expect(cli(repo.dir, ['new', '--template', 'urgent', '--var', 'p=asap']).code).toBe(5);
    expect(cli(repo.dir, ['new', '--var', 'a=b', 'T']).code).toBe(2);
    expect(milestoneCount()).toBe(before);
  });
});
