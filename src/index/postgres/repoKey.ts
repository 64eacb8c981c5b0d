/**
 * A stable key for this repository in the shared portfolio database: a random UUID kept in
 * `<git-common-dir>/milestones/repo-id` (created on first use), so a repository keeps its rows
 * when it is moved, and every worktree of it shares them. The name shown is the work tree's (or
 * the bare repository's) directory name; the path is the common git dir.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RepoInfo } from '../../storage/git/types';

export interface RepoIdentity {
  key: string;
  name: string;
  path: string;
}

export function repoIdentity(repo: RepoInfo, dataDir: string): RepoIdentity {
  const file = path.join(dataDir, 'repo-id');
  let key = '';
  try {
    key = fs.readFileSync(file, 'utf8').trim();
  } catch {
    // created below
  }
  if (!/^[0-9a-f-]{36}$/.test(key)) {
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, `${randomUUID()}\n`, { flag: key === '' ? 'wx' : 'w' });
    } catch {
      // another process created it first: use theirs
    }
    key = fs.readFileSync(file, 'utf8').trim();
  }
  const root = repo.workTree ?? repo.commonDir.replace(/[\\/]\.git$/, '');
  return { key, name: path.basename(root), path: repo.commonDir };
}
