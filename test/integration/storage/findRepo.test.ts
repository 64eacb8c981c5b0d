import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findRepo } from '../../../src/storage/git/findRepo';
import { makeTmpRepo, type TmpRepo } from '../../helpers/tmpRepo';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

function repo(o: Parameters<typeof makeTmpRepo>[0] = {}): TmpRepo {
  const r = makeTmpRepo(o);
  cleanups.push(r.cleanup);
  return r;
}

function tmpDir(): string {
  const d = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gm-norepo-')));
  cleanups.push(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}

/** What git itself says, for comparison. */
function gitSays(r: TmpRepo, cwd: string, env: NodeJS.ProcessEnv = {}): { gitDir: string; commonDir: string } {
  const [gitDir, commonDir] = r.git(['rev-parse', '--absolute-git-dir', '--git-common-dir'], { cwd, env }).trim().split('\n');
  return { gitDir, commonDir: fs.realpathSync(path.resolve(cwd, commonDir)) };
}

describe('findRepo on real repositories', () => {
  it('finds the main worktree from a subdirectory of a fresh repo (no commits)', () => {
    const r = repo();
    const sub = path.join(r.dir, 'a', 'b');
    fs.mkdirSync(sub, { recursive: true });
    const info = findRepo({ cwd: sub, vars: {} });
    expect(info).toEqual({ gitDir: `${r.dir}/.git`, commonDir: `${r.dir}/.git`, workTree: r.dir, bare: false, objectFormat: 'sha1' });
    expect(info).toMatchObject(gitSays(r, sub));
    expect(r.git(['rev-parse', '--show-toplevel'], { cwd: sub }).trim()).toBe(info.workTree);
  });

  it('finds a linked worktree (`git worktree add`): own gitDir, shared commonDir', () => {
    const r = repo();
    r.git(['commit', '-q', '--allow-empty', '-m', 'init']);
    const wt = `${r.dir}-wt`;
    cleanups.push(() => fs.rmSync(wt, { recursive: true, force: true }));
    r.git(['worktree', 'add', '-q', '-b', 'side', wt]);
    const info = findRepo({ cwd: wt, vars: {} });
    expect(info).toEqual({ gitDir: `${r.dir}/.git/worktrees/${path.basename(wt)}`, commonDir: `${r.dir}/.git`, workTree: wt, bare: false, objectFormat: 'sha1' });
    expect(info).toMatchObject(gitSays(r, wt));
  });

  it('finds a submodule through its relative `.git` file', () => {
    const lib = repo();
    lib.git(['commit', '-q', '--allow-empty', '-m', 'lib']);
    const r = repo();
    r.git(['-c', 'protocol.file.allow=always', 'submodule', '--quiet', 'add', lib.dir, 'vendor/lib']);
    const cwd = path.join(r.dir, 'vendor', 'lib');
    expect(fs.readFileSync(path.join(cwd, '.git'), 'utf8')).toMatch(/^gitdir: \.\.\//);
    const info = findRepo({ cwd, vars: {} });
    expect(info).toMatchObject({ gitDir: `${r.dir}/.git/modules/vendor/lib`, workTree: cwd, bare: false });
    expect(info).toMatchObject(gitSays(r, cwd));
  });

  it('finds a bare repository from itself and from inside it', () => {
    const r = repo({ bare: true });
    for (const cwd of [r.dir, path.join(r.dir, 'refs', 'heads')]) {
      const info = findRepo({ cwd, vars: {} });
      expect(info).toEqual({ gitDir: r.dir, commonDir: r.dir, workTree: null, bare: true, objectFormat: 'sha1' });
      expect(r.git(['rev-parse', '--is-bare-repository'], { cwd }).trim()).toBe('true');
    }
  });

  it('honours GIT_DIR (cwd becomes the work tree, as in git) and GIT_WORK_TREE', () => {
    const r = repo();
    const cwd = tmpDir();
    const info = findRepo({ cwd, vars: { GIT_DIR: `${r.dir}/.git` } });
    expect(info).toMatchObject({ gitDir: `${r.dir}/.git`, commonDir: `${r.dir}/.git`, workTree: cwd, bare: false });
    expect(r.git(['rev-parse', '--show-toplevel'], { cwd, env: { GIT_DIR: `${r.dir}/.git` } }).trim()).toBe(cwd);
    const relative = findRepo({ cwd: r.dir, vars: { GIT_DIR: '.git', GIT_WORK_TREE: cwd } });
    expect(relative.workTree).toBe(cwd);
  });

  it('fails NOT_A_REPOSITORY outside any repository', () => {
    const cwd = tmpDir();
    expect(() => findRepo({ cwd, vars: {} })).toThrow(
      expect.objectContaining({ code: 'NOT_A_REPOSITORY', message: `not a git repository (or any parent up to /): ${cwd}`, exitCode: 7 }),
    );
  });
});
