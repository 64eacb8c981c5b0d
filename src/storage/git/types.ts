/**
 * Shared types of the git storage adapter: what `findRepo` reports about a repository, the
 * object formats we read and write, and the slice of `node:fs` the adapter uses (injected so
 * unit tests can run on an in-memory file system such as memfs).
 */
import type * as nodeFs from 'node:fs';

export type ObjectFormat = 'sha1' | 'sha256';

export type GitObjectType = 'blob' | 'tree' | 'commit' | 'tag';

export interface RepoInfo {
  /** This checkout's git directory (`.git`, or `.git/worktrees/<name>` for a linked worktree). */
  gitDir: string;
  /** Where objects, shared refs and config live (equals gitDir outside linked worktrees). */
  commonDir: string;
  /** Top of the working tree, null for a bare repository or when run inside the git directory. */
  workTree: string | null;
  bare: boolean;
  objectFormat: ObjectFormat;
}

export type FsLike = Pick<
  typeof nodeFs,
  | 'statSync'
  | 'readFileSync'
  | 'writeFileSync'
  | 'openSync'
  | 'writeSync'
  | 'ftruncateSync'
  | 'closeSync'
  | 'renameSync'
  | 'unlinkSync'
  | 'chmodSync'
  | 'mkdirSync'
  | 'readdirSync'
  | 'realpathSync'
>;
