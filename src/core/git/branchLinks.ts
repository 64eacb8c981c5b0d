/**
 * The branch ↔ task links: one small JSON file per linked branch at
 * `<git-common-dir>/milestones/branches/<branch name>`, so a hook shim can tell with a single
 * `[ -f ]` (no process started) whether the checked-out branch is a milestone branch. Derived data:
 * every link can be made again from the branch name (it carries the short id) and the index
 * (`linkBranch`), except the list of tasks a single-branch-mode branch collected. Branches that were
 * looked at and are not milestone branches are remembered under `.none/` (a name git refuses for a
 * branch component) so post-checkout does not start node for them again.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../../env/atomicWrite';

export interface BranchLink {
  version: 1;
  /** Branch name without `refs/heads/`. */
  branch: string;
  milestone: string;
  /** The task new commits are linked to; null on a milestone branch with no task started. */
  task: string | null;
  /** Every task started on this branch (more than one only in single-branch mode). */
  tasks: string[];
  /** {type} for commit headers. */
  type: string;
  /** The commit the branch was created at (a branch still there has no work of its own). */
  start: string | null;
  linkedAt: string;
}

export const linksDir = (commonDir: string): string => path.join(commonDir, 'milestones', 'branches');
const NONE = '.none';

function fileOf(commonDir: string, branch: string, none = false): string {
  return path.join(linksDir(commonDir), ...(none ? [NONE] : []), ...branch.split('/'));
}

export function readLink(commonDir: string, branch: string): BranchLink | null {
  try {
    const v = JSON.parse(fs.readFileSync(fileOf(commonDir, branch), 'utf8')) as BranchLink;
    return v && v.version === 1 && typeof v.milestone === 'string' ? { ...v, branch } : null;
  } catch {
    return null;
  }
}

/** Writes atomically; a stale file or directory in the way (from a deleted branch) is removed. */
export function writeLink(commonDir: string, link: BranchLink, none = false): void {
  const file = fileOf(commonDir, link.branch, none);
  for (let dir = path.dirname(file); dir.length > linksDir(commonDir).length; dir = path.dirname(dir)) {
    if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) fs.rmSync(dir, { force: true });
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) fs.rmSync(file, { recursive: true, force: true });
  writeFileAtomic(file, `${JSON.stringify(link)}\n`);
}

export function removeLink(commonDir: string, branch: string): void {
  for (const none of [false, true]) fs.rmSync(fileOf(commonDir, branch, none), { force: true });
}

/** Remembers that `branch` is not a milestone branch. */
export function markNotLinked(commonDir: string, branch: string): void {
  writeLink(commonDir, { version: 1, branch, milestone: '', task: null, tasks: [], type: '', start: null, linkedAt: '' }, true);
}

/** Every link, with its branch name taken from its path. */
export function listLinks(commonDir: string): BranchLink[] {
  const out: BranchLink[] = [];
  const walk = (dir: string, prefix: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name === NONE || e.name.endsWith('.tmp')) continue;
      const name = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(dir, e.name), name);
      else {
        const link = readLink(commonDir, name);
        if (link) out.push(link);
      }
    }
  };
  walk(linksDir(commonDir), '');
  return out;
}

/** The branch checked out in a worktree (from its HEAD file), or null on a detached HEAD. */
export function currentBranch(gitDir: string): string | null {
  const head = fs.readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
  return head.startsWith('ref: refs/heads/') ? head.slice('ref: refs/heads/'.length) : null;
}
