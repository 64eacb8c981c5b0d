/**
 * Ref name rules (git's check-ref-format, restricted to names under `refs/`) and where a ref lives
 * on disk. Checked before a name becomes a path, so no name can escape the git directory.
 */
import * as path from 'node:path';
import { MilestoneError } from '../../errors/MilestoneError';

/** Refs that belong to one worktree and live in its own git dir, not the common dir. */
const PER_WORKTREE = ['refs/bisect/', 'refs/worktree/', 'refs/rewritten/'];

export function isValidRefName(ref: string): boolean {
  if (!ref.startsWith('refs/') || ref.endsWith('/') || ref.endsWith('.') || ref.includes('//')) return false;
  if (ref.includes('..') || ref.includes('@{') || /[\x00-\x20\x7f~^:?*[\\]/.test(ref)) return false;
  return ref.split('/').every((c) => c !== '' && !c.startsWith('.') && !c.endsWith('.lock'));
}

export function assertRefName(ref: string): string {
  if (isValidRefName(ref)) return ref;
  throw new MilestoneError('INVALID_INPUT', `not a valid ref name: ${JSON.stringify(ref)}`, {
    hint: 'Ref names start with refs/ and follow `git check-ref-format`.',
  });
}

/** A prefix for list/fingerprint: `refs/...`, either a directory (`.../`) or a name start. */
export function assertRefPrefix(prefix: string): string {
  const probe = prefix.endsWith('/') ? `${prefix}x` : prefix;
  if (isValidRefName(probe)) return prefix;
  throw new MilestoneError('INVALID_INPUT', `not a valid ref prefix: ${JSON.stringify(prefix)}`, {
    hint: 'Prefixes start with refs/, for example refs/milestones/milestone/.',
  });
}

export interface RefDirs {
  gitDir: string;
  commonDir: string;
}

export function refPath(dirs: RefDirs, ref: string): string {
  const base = PER_WORKTREE.some((p) => ref.startsWith(p)) ? dirs.gitDir : dirs.commonDir;
  return path.join(base, ...ref.split('/'));
}

/** The directory to walk for a prefix: the prefix itself when it ends in '/', else its parent. */
export function prefixDir(dirs: RefDirs, prefix: string): { dir: string; ref: string } {
  const ref = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix.slice(0, prefix.lastIndexOf('/'));
  return { dir: refPath(dirs, `${ref}/`).replace(/[\\/]$/, ''), ref };
}
