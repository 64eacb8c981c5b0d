import { createFsFromVolume, Volume } from 'memfs';
import { beforeEach, describe, expect, it } from 'vitest';
import { findRepo } from '../../../src/storage/git/findRepo';
import { parseGitConfig, configBool } from '../../../src/storage/git/gitConfig';
import type { FsLike } from '../../../src/storage/git/types';

let fs: FsLike;

function gitDirAt(dir: string, config = '[core]\n\tbare = false\n'): void {
  fs.mkdirSync(`${dir}/objects`, { recursive: true });
  fs.mkdirSync(`${dir}/refs/heads`, { recursive: true });
  fs.writeFileSync(`${dir}/HEAD`, 'ref: refs/heads/main\n');
  fs.writeFileSync(`${dir}/config`, config);
}

beforeEach(() => {
  fs = createFsFromVolume(new Volume()) as unknown as FsLike;
  fs.mkdirSync('/work/plain/sub', { recursive: true });
});

describe('findRepo (memfs layouts)', () => {
  it('walks up from a subdirectory to the .git directory', () => {
    gitDirAt('/work/r/.git');
    fs.mkdirSync('/work/r/src/deep', { recursive: true });
    expect(findRepo({ cwd: '/work/r/src/deep', vars: {}, fs })).toEqual({
      gitDir: '/work/r/.git',
      commonDir: '/work/r/.git',
      workTree: '/work/r',
      bare: false,
      objectFormat: 'sha1',
    });
  });

  it('follows a relative `.git` file and a `commondir` file (linked worktree)', () => {
    gitDirAt('/work/r/.git');
    fs.mkdirSync('/work/r/.git/worktrees/wt', { recursive: true });
    fs.writeFileSync('/work/r/.git/worktrees/wt/HEAD', 'ref: refs/heads/wt\n');
    fs.writeFileSync('/work/r/.git/worktrees/wt/commondir', '../..\n');
    fs.mkdirSync('/work/wt/lib', { recursive: true });
    fs.writeFileSync('/work/wt/.git', 'gitdir: ../r/.git/worktrees/wt\n');
    expect(findRepo({ cwd: '/work/wt/lib', vars: {}, fs })).toMatchObject({
      gitDir: '/work/r/.git/worktrees/wt',
      commonDir: '/work/r/.git',
      workTree: '/work/wt',
      bare: false,
    });
  });

  it('recognises a bare repository by its layout and core.bare', () => {
    gitDirAt('/work/b.git', '[core]\n\tbare = true\n');
    fs.mkdirSync('/work/b.git/refs/milestones', { recursive: true });
    expect(findRepo({ cwd: '/work/b.git/refs/milestones', vars: {}, fs })).toEqual({
      gitDir: '/work/b.git',
      commonDir: '/work/b.git',
      workTree: null,
      bare: true,
      objectFormat: 'sha1',
    });
  });

  it('uses GIT_DIR, GIT_WORK_TREE and GIT_COMMON_DIR relative to cwd', () => {
    gitDirAt('/work/elsewhere/g');
    gitDirAt('/work/common');
    const info = findRepo({ cwd: '/work/plain', vars: { GIT_DIR: '../elsewhere/g', GIT_WORK_TREE: 'sub' }, fs });
    expect(info).toMatchObject({ gitDir: '/work/elsewhere/g', commonDir: '/work/elsewhere/g', workTree: '/work/plain/sub' });
    const common = findRepo({ cwd: '/work/plain', vars: { GIT_DIR: '/work/elsewhere/g', GIT_COMMON_DIR: '../common' }, fs });
    expect(common).toMatchObject({ commonDir: '/work/common', workTree: '/work/plain' });
  });

  it('reads the object format and refuses reftable', () => {
    gitDirAt('/work/s/.git', '[core]\n\trepositoryformatversion = 1\n[extensions]\n\tobjectFormat = sha256\n');
    expect(findRepo({ cwd: '/work/s', vars: {}, fs }).objectFormat).toBe('sha256');
    gitDirAt('/work/t/.git', '[extensions]\n\trefstorage = reftable\n');
    expect(() => findRepo({ cwd: '/work/t', vars: {}, fs })).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_FORMAT' }));
  });

  it('is not fooled by a directory missing objects/ and stops at GIT_CEILING_DIRECTORIES', () => {
    fs.mkdirSync('/work/plain/.git', { recursive: true });
    fs.writeFileSync('/work/plain/.git/HEAD', 'ref: refs/heads/main\n');
    gitDirAt('/.git');
    expect(findRepo({ cwd: '/work/plain/sub', vars: {}, fs }).gitDir).toBe('/.git');
    expect(() => findRepo({ cwd: '/work/plain/sub', vars: { GIT_CEILING_DIRECTORIES: '/work' }, fs })).toThrow(
      expect.objectContaining({
        code: 'NOT_A_REPOSITORY',
        message: 'not a git repository (or any parent up to /): /work/plain/sub',
        hint: 'Run it inside a git repository, or `git init` first.',
      }),
    );
  });

  it('fails NOT_A_REPOSITORY for a GIT_DIR that is not a git dir', () => {
    expect(() => findRepo({ cwd: '/work/plain', vars: { GIT_DIR: 'sub' }, fs })).toThrow(
      expect.objectContaining({ code: 'NOT_A_REPOSITORY', message: expect.stringContaining('/work/plain/sub') }),
    );
  });
});

describe('parseGitConfig', () => {
  it('reads sections, subsections, quoting, comments and booleans', () => {
    const c = parseGitConfig(
      '[Core]\n\tBare = yes ; comment\n\tworktree = "../a b" # c\n[remote "Origin"]\n\turl = x\n[x]\n\tflag\n\tempty =\n',
    );
    expect(configBool(c, 'core.bare')).toBe(true);
    expect(c.get('core.worktree')).toBe('../a b');
    expect(c.get('remote.Origin.url')).toBe('x');
    expect(configBool(c, 'x.flag')).toBe(true);
    expect(configBool(c, 'x.empty')).toBe(false);
    expect(configBool(c, 'x.missing')).toBeUndefined();
  });
});
