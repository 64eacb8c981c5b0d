/**
 * Hook managers, with the real tools (devDependencies husky 9 and lefthook): where one manages the
 * hooks, `hooks install` goes through it — a marked line in `.husky/<hook>`, an entry in
 * lefthook.yml — so a commit on a milestone branch is formatted and noted, and still is after the
 * manager reinstalls (`husky`, `lefthook install`). A manager that arrives after a plain install
 * displaces our shims: `hooks status` and `doctor` say so and how to fix it, and install moves
 * over. Uninstall removes only our lines and entries. One repository per manager.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { gitEnv, makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

const MODULES = path.resolve(__dirname, '../../../node_modules');
const ENV = { GIT_CONFIG_GLOBAL: '/dev/null' };

function setup(repo: TmpRepo) {
  const ok = (args: string[], code = 0) => {
    const r = cli(repo.dir, args, ENV);
    expect(r.code, `${args.join(' ')}\n${r.stderr}${r.stdout}`).toBe(code);
    return r;
  };
  let n = 0;
  const commit = (msg: string) => {
    fs.writeFileSync(path.join(repo.dir, `f${++n}.txt`), `${n}\n`);
    repo.git(['add', `f${n}.txt`]);
    const r = spawnSync('git', ['commit', '-q', '-m', msg], { cwd: repo.dir, env: gitEnv(), encoding: 'utf8' });
    expect(r.status, r.stderr + r.stdout).toBe(0);
    return {
      subject: repo.git(['log', '-1', '--format=%s']).trim(),
      note: repo.git(['log', '-1', '--notes=milestones', '--format=%N']).trim(),
      output: r.stderr + r.stdout,
    };
  };
  const states = () => ok(['hooks', 'status', '--json']).json().hooks.map((h: any) => h.state);
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { cwd: repo.dir, env: gitEnv(), encoding: 'utf8' });
    expect(r.status, `${cmd} ${args.join(' ')}\n${r.stderr}${r.stdout}`).toBe(0);
    return r.stdout + r.stderr;
  };
  return { ok, commit, states, run };
}

function startTask(repo: TmpRepo, ok: (a: string[]) => any): string {
  repo.git(['commit', '-q', '--allow-empty', '-m', 'init']);
  const M = ok(['new', 'Parser', '--json']).json().id;
  const T = ok(['task', 'add', M, 'Tokenizer', '--json']).json().id;
  ok(['branch', 'start', T]);
  return M;
}

describe('husky 9', () => {
  let repo: TmpRepo;
  let t: ReturnType<typeof setup>;
  let M: string;
  const husky = () => t.run(process.execPath, [path.join(MODULES, 'husky', 'bin.js')]);
  const script = (h: string) => path.join(repo.dir, '.husky', h);
  const userPreCommit = 'echo "husky pre-commit ran" >> "$(git rev-parse --git-dir)/ran.log"\n';

  beforeAll(() => {
    repo = makeTmpRepo();
    t = setup(repo);
    M = startTask(repo, t.ok);
    t.ok(['hooks', 'install']); // a plain install: no husky yet
  });
  afterAll(() => repo.cleanup());

  it('husky set up after a plain install displaces our shims; status and doctor say so and how to fix it', () => {
    husky();
    fs.writeFileSync(script('pre-commit'), userPreCommit);
    expect(repo.git(['config', 'core.hooksPath']).trim()).toBe('.husky/_');
    const st = t.ok(['hooks', 'status', '--json']).json();
    expect(st.manager).toBe('husky');
    expect(st.hooks.map((h: any) => h.state)).toEqual(Array(6).fill('displaced'));
    expect(st.hooks[0].note).toMatch(/core\.hooksPath .*\.husky\/_.*git milestone hooks install/);
    expect(t.commit('Unformatted meanwhile').subject).toBe('Unformatted meanwhile');
    const doc = t.ok(['doctor', '--json'], 1).json();
    expect(doc.problems.filter((p: any) => p.check === 'hooks').map((p: any) => p.message)).toHaveLength(6);
    const text = t.ok(['doctor'], 1);
    expect(text.stdout + text.stderr).toMatch(/commit-msg hook was displaced/);
  });

  it('install goes through husky: a marked line first in .husky/<hook>, our old shims gone', () => {
    const r = t.ok(['hooks', 'install', '--json']).json();
    expect(r.manager).toBe('husky');
    expect(r.hooks.map((h: any) => [h.action, h.state])).toEqual(Array(6).fill(['installed', 'managed']));
    expect(r.notes.join('\n')).toMatch(/commit the changed files in .*\.husky/);
    const pre = fs.readFileSync(script('pre-commit'), 'utf8');
    expect(pre.split('\n')[0]).toMatch(/# git-milestone: `git milestone hooks uninstall` removes this line$/);
    expect(pre.endsWith(userPreCommit)).toBe(true);
    expect(fs.readdirSync(path.join(repo.dir, '.git', 'hooks')).filter((f) => !f.endsWith('.sample'))).toEqual([]);
    expect(t.states()).toEqual(Array(6).fill('managed'));
    expect(t.ok(['hooks', 'install', '--json']).json().hooks.map((h: any) => h.action)).toEqual(Array(6).fill('unchanged'));
  });

  it('a commit on the milestone branch is formatted and noted, and still is after husky reinstalls', () => {
    const first = t.commit('Add the parser');
    expect(first.subject).toBe(`feat(milestone-${M.slice(0, 8)}): add the parser`);
    expect(first.note).toContain(`"milestone":"${M}"`);
    husky(); // what `npm install` runs through the prepare script
    husky();
    expect(t.states()).toEqual(Array(6).fill('managed'));
    const again = t.commit('Add the lexer');
    expect(again.subject).toBe(`feat(milestone-${M.slice(0, 8)}): add the lexer`);
    expect(again.note).toContain(`"milestone":"${M}"`);
    expect(fs.readFileSync(path.join(repo.dir, '.git', 'ran.log'), 'utf8')).toContain('husky pre-commit ran');
  });

  it('a line removed from .husky/<hook> is reported as displaced; a clone without install runs nothing', () => {
    const keep = fs.readFileSync(script('commit-msg'), 'utf8');
    fs.writeFileSync(script('commit-msg'), '');
    const st = t.ok(['hooks', 'status', '--json']).json().hooks[2];
    expect(st).toMatchObject({ hook: 'commit-msg', state: 'displaced', note: expect.stringMatching(/\.husky\/commit-msg lacks git-milestone's line/) });
    fs.writeFileSync(script('commit-msg'), keep);
    // another clone's view: the committed line is there, this clone's runners are not
    const runners = path.join(repo.dir, '.git', 'milestones', 'hooks');
    fs.renameSync(runners, `${runners}-aside`);
    expect(t.commit('Not formatted here').subject).toBe('Not formatted here');
    expect(t.ok(['hooks', 'status', '--json']).json().hooks[0].note).toMatch(/this clone has not run `git milestone hooks install`/);
    fs.renameSync(`${runners}-aside`, runners);
  });

  it('uninstall removes only our lines (and the scripts that held nothing else)', () => {
    const r = t.ok(['hooks', 'uninstall', '--json']).json();
    expect(r.hooks.map((h: any) => h.action)).toEqual(Array(6).fill('removed'));
    expect(fs.readFileSync(script('pre-commit'), 'utf8')).toBe(userPreCommit);
    expect(fs.readdirSync(path.join(repo.dir, '.husky')).sort()).toEqual(['_', 'pre-commit']);
    expect(fs.existsSync(path.join(repo.dir, '.git', 'milestones', 'hooks'))).toBe(false);
    expect(t.commit('Plain again').subject).toBe('Plain again');
    expect(t.states()).toEqual(Array(6).fill('foreign'));
  });

  it('a clone where husky is not set up yet: install says to run husky; then the hooks run', () => {
    repo.git(['config', '--unset', 'core.hooksPath']);
    fs.rmSync(path.join(repo.dir, '.husky', '_'), { recursive: true });
    const r = t.ok(['hooks', 'install', '--json']).json();
    expect(r.manager).toBe('husky');
    expect(r.notes.join('\n')).toMatch(/husky is not set up in this clone yet: run `npx husky`/);
    const st = t.ok(['hooks', 'status', '--json']).json().hooks[2];
    expect(st).toMatchObject({ state: 'displaced', note: expect.stringMatching(/run `npx husky`/) });
    husky();
    expect(t.states()).toEqual(Array(6).fill('managed'));
    expect(t.commit('Add the printer').subject).toBe(`feat(milestone-${M.slice(0, 8)}): add the printer`);
  });
});

describe('lefthook', () => {
  let repo: TmpRepo;
  let t: ReturnType<typeof setup>;
  let M: string;
  const config = () => path.join(repo.dir, 'lefthook.yml');
  const userConfig = '# the team\'s hooks\npre-commit:\n  commands:\n    lint:\n      run: echo "lint ran" >> "$(git rev-parse --git-dir)/ran.log"\n';
  const lefthook = () => t.run(path.join(repo.dir, 'node_modules', '.bin', 'lefthook'), ['install']);

  beforeAll(() => {
    repo = makeTmpRepo();
    t = setup(repo);
    fs.symlinkSync(MODULES, path.join(repo.dir, 'node_modules')); // the project's own lefthook
    fs.writeFileSync(path.join(repo.dir, '.gitignore'), 'node_modules\n');
    M = startTask(repo, t.ok);
    t.ok(['hooks', 'install']); // a plain install: no lefthook yet
  });
  afterAll(() => repo.cleanup());

  it('`lefthook install` after a plain install moves our pre-commit shim to pre-commit.old: displaced', () => {
    fs.writeFileSync(config(), userConfig);
    lefthook();
    const st = t.ok(['hooks', 'status', '--json']).json();
    expect(st.manager).toBe('lefthook');
    expect(st.hooks[0]).toMatchObject({ hook: 'pre-commit', state: 'displaced', note: expect.stringMatching(/pre-commit\.old.*hooks install/) });
    expect(t.ok(['doctor', '--json'], 1).json().problems.some((p: any) => p.check === 'hooks' && /pre-commit hook was displaced/.test(p.message))).toBe(true);
  });

  it('install adds an entry per hook to lefthook.yml and has lefthook write the hooks', () => {
    const r = t.ok(['hooks', 'install', '--json']).json();
    expect(r.manager).toBe('lefthook');
    expect(r.hooks.map((h: any) => [h.action, h.state])).toEqual(Array(6).fill(['installed', 'managed']));
    const text = fs.readFileSync(config(), 'utf8');
    expect(text.startsWith("# the team's hooks\n")).toBe(true);
    expect(text).toContain('lint ran');
    expect(text.match(/git-milestone:/g)).toHaveLength(6);
    expect(fs.existsSync(path.join(repo.dir, '.git', 'hooks', 'pre-commit.old'))).toBe(false);
  });

  it('a commit on the milestone branch is formatted and noted, and still is after `lefthook install`', () => {
    const first = t.commit('Add the parser');
    expect(first.subject).toBe(`feat(milestone-${M.slice(0, 8)}): add the parser`);
    expect(first.note).toContain(`"milestone":"${M}"`);
    lefthook();
    expect(t.states()).toEqual(Array(6).fill('managed'));
    const again = t.commit('Add the lexer');
    expect(again.subject).toBe(`feat(milestone-${M.slice(0, 8)}): add the lexer`);
    expect(again.note).toContain(`"milestone":"${M}"`);
    expect(fs.readFileSync(path.join(repo.dir, '.git', 'ran.log'), 'utf8')).toContain('lint ran');
  });

  it('uninstall removes only our entries', () => {
    const r = t.ok(['hooks', 'uninstall', '--json']).json();
    expect(r.hooks.map((h: any) => h.action)).toEqual(Array(6).fill('removed'));
    expect(fs.readFileSync(config(), 'utf8')).toBe(userConfig);
    expect(t.commit('Plain again').subject).toBe('Plain again');
  });
});
