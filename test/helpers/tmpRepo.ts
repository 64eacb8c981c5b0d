/**
 * A real throwaway git repository for integration tests: `git init -q` in a fresh temp dir with
 * user.name/user.email set, a `git(args)` runner returning stdout, and cleanup().
 */
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TmpRepo {
  dir: string;
  /** Runs git in `dir` (or `cwd`), returns stdout; throws with stderr when git fails. */
  git(args: string[], options?: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string }): string;
  cleanup(): void;
}

export interface TmpRepoOptions {
  bare?: boolean;
  objectFormat?: 'sha1' | 'sha256';
}

/** git with an environment that ignores the user's and system's config and any GIT_DIR in scope. */
export function gitEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('GIT_')) delete env[k];
  return { ...env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...extra };
}

export function makeTmpRepo(o: TmpRepoOptions = {}): TmpRepo {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gm-repo-')));
  const git: TmpRepo['git'] = (args, options = {}) =>
    execFileSync('git', args, {
      cwd: options.cwd ?? dir,
      env: gitEnv(options.env),
      input: options.input,
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    });
  const init = ['init', '-q', '--initial-branch=main'];
  if (o.bare) init.push('--bare');
  if (o.objectFormat) init.push(`--object-format=${o.objectFormat}`);
  git(init);
  git(['config', 'user.name', 'Test User']);
  git(['config', 'user.email', 'test@example.com']);
  return { dir, git, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A fresh repository for every test of the calling file; after each test `git fsck --strict` must
 * pass (what was written is valid git), then the repository is removed.
 */
export function repoPerTest(): () => TmpRepo {
  let repo: TmpRepo | undefined;
  beforeEach(() => {
    repo = makeTmpRepo();
  });
  afterEach(() => {
    try {
      repo?.git(['fsck', '--strict']);
    } finally {
      repo?.cleanup();
    }
  });
  return () => repo as TmpRepo;
}
