/**
 * Wires the git adapters for one repository: the ObjectStore (loose writes, batched reads) and
 * the RefStore (files backend with git's lock protocol). Call `objects.close()` when done to end
 * the `git cat-file` helper (it is unref'd while idle, so forgetting does not hang node).
 */
import type { Storage } from '../ports';
import { GitObjectStore } from './GitObjectStore';
import { GitRefStore } from './GitRefStore';
import type { FsLike, RepoInfo } from './types';

export interface OpenGitStorageOptions {
  repo: RepoInfo;
  fs?: FsLike;
  /** How long a ref update waits for another writer's lock (default 5000 ms). */
  lockTimeoutMs?: number;
  /** Environment of git child processes (default: process.env). */
  env?: NodeJS.ProcessEnv;
}

export function openGitStorage(o: OpenGitStorageOptions): Storage {
  return {
    objects: new GitObjectStore({ repo: o.repo, fs: o.fs, env: o.env }),
    refs: new GitRefStore({ repo: o.repo, fs: o.fs, lockTimeoutMs: o.lockTimeoutMs }),
  };
}
