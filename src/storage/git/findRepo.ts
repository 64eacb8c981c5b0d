/**
 * Repository discovery in pure node, the way git does it, without spawning git (it runs on every
 * command and inside git hooks, so it must cost a handful of stat calls). Honours GIT_DIR,
 * GIT_WORK_TREE, GIT_COMMON_DIR and GIT_CEILING_DIRECTORIES; finds `.git` directories, `.git`
 * files (linked worktrees, submodules), `commondir` files and bare repositories.
 */
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { MilestoneError } from '../../errors/MilestoneError';
import { configBool, parseGitConfig, type GitConfig } from './gitConfig';
import type { FsLike, ObjectFormat, RepoInfo } from './types';

export interface FindRepoOptions {
  cwd: string;
  vars: Readonly<Record<string, string | undefined>>;
  fs?: FsLike;
}

interface Found {
  gitDir: string;
  /** The directory holding `.git`, or cwd under GIT_DIR; null when cwd is inside a git dir. */
  workTree: string | null;
}

export function findRepo(o: FindRepoOptions): RepoInfo {
  const fs = o.fs ?? nodeFs;
  const cwd = real(fs, path.resolve(o.cwd));
  const found = o.vars.GIT_DIR ? fromEnv(fs, cwd, o.vars) : discover(fs, cwd, o.vars);
  const gitDir = real(fs, found.gitDir);
  const commonDir = real(fs, commonDirOf(fs, gitDir, cwd, o.vars));
  const config = readConfig(fs, commonDir);
  const linked = commonDir !== gitDir;
  const coreBare = linked ? undefined : configBool(config, 'core.bare');
  const coreWorktree = linked ? undefined : config.get('core.worktree');
  let workTree: string | null = found.workTree;
  if (o.vars.GIT_WORK_TREE) workTree = path.resolve(cwd, o.vars.GIT_WORK_TREE);
  else if (coreWorktree) workTree = path.resolve(gitDir, coreWorktree);
  else if (coreBare === true) workTree = null;
  return {
    gitDir,
    commonDir,
    workTree: workTree === null ? null : real(fs, workTree),
    bare: workTree === null && coreBare !== false,
    objectFormat: objectFormatOf(config, commonDir),
  };
}

function fromEnv(fs: FsLike, cwd: string, vars: FindRepoOptions['vars']): Found {
  const given = path.resolve(cwd, vars.GIT_DIR as string);
  const gitDir = kind(fs, given) === 'file' ? readGitFile(fs, given) : given;
  if (gitDir && isGitDirectory(fs, gitDir, cwd, vars)) return { gitDir, workTree: cwd };
  throw new MilestoneError('NOT_A_REPOSITORY', `not a git repository: ${given} (from GIT_DIR)`, {
    hint: 'Unset GIT_DIR or point it at a git directory.',
  });
}

function discover(fs: FsLike, cwd: string, vars: FindRepoOptions['vars']): Found {
  const ceilings = (vars.GIT_CEILING_DIRECTORIES ?? '').split(':').filter((d) => path.isAbsolute(d)).map((d) => path.resolve(d));
  for (let dir = cwd; ; ) {
    const dotGit = path.join(dir, '.git');
    const k = kind(fs, dotGit);
    const gitDir = k === 'dir' ? dotGit : k === 'file' ? readGitFile(fs, dotGit) : null;
    if (gitDir && isGitDirectory(fs, gitDir, cwd, vars)) return { gitDir, workTree: dir };
    if (isGitDirectory(fs, dir, cwd, vars)) return { gitDir: dir, workTree: null };
    const parent = path.dirname(dir);
    if (parent === dir || ceilings.includes(parent)) break;
    dir = parent;
  }
  throw new MilestoneError('NOT_A_REPOSITORY', `not a git repository (or any parent up to /): ${cwd}`, {
    hint: 'Run it inside a git repository, or `git init` first.',
  });
}

/** git's is_git_directory: HEAD, plus objects/ and refs/ in the common directory. */
function isGitDirectory(fs: FsLike, dir: string, cwd: string, vars: FindRepoOptions['vars']): boolean {
  if (kind(fs, path.join(dir, 'HEAD')) !== 'file') return false;
  const common = commonDirOf(fs, dir, cwd, vars);
  return kind(fs, path.join(common, 'objects')) === 'dir' && kind(fs, path.join(common, 'refs')) === 'dir';
}

function commonDirOf(fs: FsLike, gitDir: string, cwd: string, vars: FindRepoOptions['vars']): string {
  if (vars.GIT_COMMON_DIR) return path.resolve(cwd, vars.GIT_COMMON_DIR);
  const file = path.join(gitDir, 'commondir');
  if (kind(fs, file) !== 'file') return gitDir;
  return path.resolve(gitDir, String(fs.readFileSync(file, 'utf8')).trim());
}

/** A `.git` file: `gitdir: <path>`, relative to the file's directory. */
function readGitFile(fs: FsLike, file: string): string | null {
  const m = /^gitdir: (.+)$/m.exec(String(fs.readFileSync(file, 'utf8')));
  return m ? path.resolve(path.dirname(file), m[1].trim()) : null;
}

function readConfig(fs: FsLike, commonDir: string): GitConfig {
  const file = path.join(commonDir, 'config');
  return kind(fs, file) === 'file' ? parseGitConfig(String(fs.readFileSync(file, 'utf8'))) : new Map();
}

function objectFormatOf(config: GitConfig, commonDir: string): ObjectFormat {
  if (config.get('extensions.refstorage')?.toLowerCase() === 'reftable') {
    throw new MilestoneError('UNSUPPORTED_FORMAT', `${commonDir}: reftable ref storage is not supported`, {
      hint: 'git-milestone reads and writes loose and packed refs; convert with `git refs migrate --ref-format=files`.',
    });
  }
  const format = (config.get('extensions.objectformat') ?? 'sha1').toLowerCase();
  if (format === 'sha1' || format === 'sha256') return format;
  throw new MilestoneError('UNSUPPORTED_FORMAT', `${commonDir}: unknown object format ${format}`, {
    hint: 'git-milestone supports sha1 and sha256 repositories.',
  });
}

function kind(fs: FsLike, p: string): 'file' | 'dir' | null {
  try {
    const st = fs.statSync(p);
    return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : null;
  } catch {
    return null;
  }
}

function real(fs: FsLike, p: string): string {
  try {
    return String(fs.realpathSync(p));
  } catch {
    return p;
  }
}
