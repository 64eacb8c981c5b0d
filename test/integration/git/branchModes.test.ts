/**
 * Branch naming and the branch settings, in one real repository with the hooks installed:
 * git_integration.branch_naming (`ms-{id}`), auto_branch on `task start`, single_branch_mode (tasks
 * share their milestone's branch; the current task is the one started last), a branch made by hand
 * (as a colleague's would be) linked by post-checkout, and an ambiguous or unknown target.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { gitEnv, makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

let repo: TmpRepo;
let M: string;
const ENV = { GIT_CONFIG_GLOBAL: '/dev/null' };
const run = (args: string[]) => cli(repo.dir, args, ENV);
const ok = (args: string[]) => {
  const r = run(args);
  expect(r.code, `${args.join(' ')}\n${r.stderr}${r.stdout}`).toBe(0);
  return r;
};
const head = () => repo.git(['symbolic-ref', '--short', 'HEAD']).trim();
let n = 0;
function commit(msg: string) {
  fs.writeFileSync(path.join(repo.dir, `f${++n}`), 'x');
  repo.git(['add', '-A']);
  const r = spawnSync('git', ['commit', '-q', '-m', msg], { cwd: repo.dir, env: gitEnv(), encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return repo.git(['interpret-trailers', '--parse'], { input: repo.git(['log', '-1', '--format=%B']) });
}
const addTask = (title: string) => ok(['task', 'add', M, title, '--json']).json().id as string;

beforeAll(() => {
  repo = makeTmpRepo();
  repo.git(['commit', '-q', '--allow-empty', '-m', 'init']);
  M = ok(['new', 'Modes of work', '--json']).json().id;
  ok(['hooks', 'install']);
});
afterAll(() => repo.cleanup());

describe('branch settings', () => {
  it('branch_naming ms-{id}: ms-<short id>-<slug>', () => {
    repo.git(['config', 'milestone.git_integration.branch-naming', 'ms-{id}']);
    const t = addTask('Pattern named');
    expect(ok(['branch', 'start', t, '--json']).json().branch).toBe(`ms-${t.slice(0, 8)}-pattern-named`);
    expect(commit('Use the pattern')).toContain(`Task: ${t}`);
    repo.git(['config', '--unset', 'milestone.git_integration.branch-naming']);
    repo.git(['checkout', '-q', 'main']);
  });

  it('auto_branch: task start also creates and checks out the branch', () => {
    const t = addTask('Auto branched');
    const r = ok(['task', 'start', t, '--json']);
    expect(r.json().status).toBe('in_progress');
    expect(head()).toBe('main'); // off by default
    repo.git(['config', 'milestone.auto-branch', 'true']);
    const t2 = addTask('Auto branched two');
    const r2 = ok(['task', 'start', t2]);
    expect(r2.stderr).toContain(`milestone/${t2.slice(0, 8)}-auto-branched-two`);
    expect(head()).toBe(`milestone/${t2.slice(0, 8)}-auto-branched-two`);
    repo.git(['config', '--unset', 'milestone.auto-branch']);
    repo.git(['checkout', '-q', 'main']);
  });

  it('single_branch_mode: tasks share the milestone branch; commits name the task started last', () => {
    repo.git(['config', 'milestone.git_integration.single-branch-mode', 'true']);
    const a = addTask('First of many');
    const b = addTask('Second of many');
    const ra = ok(['branch', 'start', a, '--json']).json();
    expect(ra).toMatchObject({ branch: `milestone/${M.slice(0, 8)}-modes-of-work`, singleBranch: true, task: a });
    expect(commit('Work on the first')).toContain(`Task: ${a}`);
    const rb = ok(['branch', 'start', b, '--json']).json();
    expect(rb).toMatchObject({ branch: ra.branch, created: false, task: b });
    expect(commit('Work on the second')).toContain(`Task: ${b}`);
    repo.git(['checkout', '-q', 'main']);
    repo.git(['merge', '-q', '--no-ff', '--no-edit', ra.branch]);
    expect(ok(['task', 'show', a, '--json']).json().status).toBe('completed');
    expect(ok(['task', 'show', b, '--json']).json().status).toBe('completed');
    repo.git(['config', '--unset', 'milestone.git_integration.single-branch-mode']);
  });

  it('a branch made by hand is linked on its first checkout (post-checkout)', () => {
    const t = addTask('Made elsewhere');
    const name = `milestone/${t.slice(0, 8)}-made-elsewhere`;
    repo.git(['branch', name]);
    repo.git(['checkout', '-q', name]);
    expect(fs.existsSync(path.join(repo.dir, '.git', 'milestones', 'branches', ...name.split('/')))).toBe(true);
    expect(commit('Work elsewhere')).toBe(`Milestone: ${M}\nTask: ${t}\n`);
    repo.git(['checkout', '-q', 'main']);
    expect(fs.existsSync(path.join(repo.dir, '.git', 'milestones', 'branches', '.none', 'main'))).toBe(true);
  });

  it('an unknown target and a completed task are refused', () => {
    expect(run(['branch', 'start', 'ffffffffff']).code).toBe(3);
    const done = addTask('Already done');
    ok(['task', 'done', done]);
    const r = run(['branch', 'start', done, '--json']);
    expect(r.code).toBe(5);
    expect(r.json().error.code).toBe('INVALID_OPERATION');
    expect(head()).toBe('main');
  });
});
