/**
 * Bad input gives one clear line, a hint and a distinct exit status, and changes nothing:
 * unknown and ambiguous ids, not a repository, a hand-corrupted entity ref, bare repositories,
 * linked worktrees and fresh repositories with no commit.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, cli, cliEnv } from '../../helpers/cli';
import { makeTmpRepo as tmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

let repo: TmpRepo;
beforeEach(() => {
  repo = tmpRepo();
});
afterEach(() => repo.cleanup());

const newId = (dir: string, title: string): string => cli(dir, ['new', title, '--json']).json().id;

describe('errors', () => {
  it('unknown id: exit 3, one line and a hint, no stack trace', () => {
    const r = cli(repo.dir, ['show', 'deadbeef']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^error: no milestone matches "deadbeef"\nhint: /);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    const j = cli(repo.dir, ['show', 'deadbeef', '--json']);
    expect(j.code).toBe(3);
    expect(j.json().error.code).toBe('NOT_FOUND');
  });

  it('ambiguous prefix: exit 4 listing the candidates', () => {
    const ids = Array.from({ length: 17 }, (_, i) => newId(repo.dir, `m${i}`));
    const byFirst = new Map<string, string[]>();
    for (const id of ids) byFirst.set(id[0], [...(byFirst.get(id[0]) ?? []), id]);
    const [prefix, clash] = [...byFirst].find(([, v]) => v.length > 1) as [string, string[]];
    const r = cli(repo.dir, ['show', prefix]);
    expect(r.code).toBe(4);
    for (const id of clash) expect(r.stderr).toContain(id.slice(0, 12));
  });

  it('outside a repository: exit 7', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-norepo-'));
    try {
      const r = cli(dir, ['list'], { GIT_CEILING_DIRECTORIES: path.dirname(dir) });
      expect(r.code).toBe(7);
      expect(r.stderr).toContain('not a git repository');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a hand-corrupted entity ref is named in the error and left untouched', () => {
    const id = newId(repo.dir, 'fine');
    const bad = newId(repo.dir, 'to corrupt');
    const blob = repo.git(['hash-object', '-w', '--stdin'], { input: 'garbage' }).trim();
    const tree = repo.git(['mktree'], { input: `100644 blob ${blob}\tsnapshot.json\n` }).trim();
    const commit = repo.git(['commit-tree', tree, '-m', 'hand made']).trim();
    repo.git(['update-ref', `refs/milestones/milestone/${bad}`, commit]);
    const r = cli(repo.dir, ['show', bad]);
    expect(r.code).toBe(8);
    expect(r.stderr).toContain(`refs/milestones/milestone/${bad}`);
    expect(repo.git(['rev-parse', `refs/milestones/milestone/${bad}`]).trim()).toBe(commit);
    expect(cli(repo.dir, ['show', id]).code).toBe(0);
    const edit = cli(repo.dir, ['edit', bad, '--title', 'x']);
    expect(edit.code).toBe(8);
    expect(repo.git(['rev-parse', `refs/milestones/milestone/${bad}`]).trim()).toBe(commit);
  });

  it('a reader that closes the pipe early (`| head`) ends the output quietly, without a stack trace', () => {
    for (let i = 0; i < 4; i++) cli(repo.dir, ['new', `${i} ${'long title '.repeat(4000)}`]);
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" list --json | head -c 10 >/dev/null`], { cwd: repo.dir, env: cliEnv(), encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('--json is compact through a pipe and indented on a terminal, for results and errors alike', () => {
    const id = newId(repo.dir, 'Pretty');
    const piped = cli(repo.dir, ['list', '--json']);
    expect(piped.stdout).toBe(`${JSON.stringify(piped.json())}\n`);
    expect(cli(repo.dir, ['show', 'nosuch', '--json']).stdout).toMatch(/^\{"error":\{"code":"NOT_FOUND",/);
    const tty = (args: string) => spawnSync('script', ['-qec', `"${process.execPath}" "${BIN}" ${args}`, '/dev/null'], { cwd: repo.dir, env: cliEnv(), encoding: 'utf8' });
    const shown = tty('list --json');
    expect(shown.error, 'script(1) from util-linux gives the command a terminal').toBeUndefined();
    expect(shown.stdout.replace(/\r\n/g, '\n')).toBe(`${JSON.stringify(piped.json(), null, 2)}\n`);
    expect(shown.stdout).toContain(`    "id": "${id}"`);
    expect(tty('show nosuch --json').stdout.replace(/\r\n/g, '\n')).toMatch(/^\{\n  "error": \{\n    "code": "NOT_FOUND"/);
  });

  it('nothing to change is a usage error', () => {
    const id = newId(repo.dir, 'x');
    expect(cli(repo.dir, ['edit', id]).code).toBe(2);
  });

  it('an unknown flag is a usage error, not a crash', () => {
    const r = cli(repo.dir, ['list', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error:');
  });
});

describe('repository shapes', () => {
  it('works in a fresh repository with no commit, and from a subdirectory', () => {
    expect(() => repo.git(['rev-parse', '--verify', '-q', 'HEAD'])).toThrow();
    fs.mkdirSync(path.join(repo.dir, 'sub/dir'), { recursive: true });
    const id = newId(path.join(repo.dir, 'sub/dir'), 'from a subdir');
    expect(cli(repo.dir, ['show', id, '--json']).json().title).toBe('from a subdir');
  });

  it('a linked worktree sees and writes the same state', () => {
    repo.git(['commit', '--allow-empty', '-q', '-m', 'root']);
    const wt = path.join(repo.dir, '..', `${path.basename(repo.dir)}-wt`);
    repo.git(['worktree', 'add', '-q', wt]);
    try {
      const id = newId(repo.dir, 'main tree');
      expect(cli(wt, ['show', id, '--json']).json().title).toBe('main tree');
      const id2 = newId(wt, 'linked tree');
      expect(cli(repo.dir, ['list', '--json']).json<any[]>().map((m) => m.id).sort()).toEqual([id, id2].sort());
      expect(fs.existsSync(path.join(repo.dir, '.git/milestones/index'))).toBe(true);
    } finally {
      fs.rmSync(wt, { recursive: true, force: true });
    }
  });

  it('a bare repository reads and writes milestones', () => {
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-bare-'));
    try {
      repo.git(['init', '-q', '--bare', bare]);
      const env = { GIT_AUTHOR_NAME: 'B', GIT_AUTHOR_EMAIL: 'b@example.com', GIT_COMMITTER_NAME: 'B', GIT_COMMITTER_EMAIL: 'b@example.com' };
      const r = cli(bare, ['new', 'in bare', '--json'], env);
      expect(r.code, r.stderr).toBe(0);
      expect(cli(bare, ['list', '--json']).json<any[]>().map((m) => m.title)).toEqual(['in bare']);
      expect(fs.existsSync(path.join(bare, 'milestones/index'))).toBe(true);
    } finally {
      fs.rmSync(bare, { recursive: true, force: true });
    }
  });
});
