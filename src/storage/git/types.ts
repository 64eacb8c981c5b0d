/**
 * Shared types of the git storage adapter: what `findRepo` reports about a repository, the
 * object formats we read and write, and the slice of `node:fs` the adapter uses (injected so
 * unit tests can run on an in-memory file system such as memfs).
 */
import type * as nodeFs from 'node:fs';

export type { GitObjectType, ObjectFormat, RepoInfo } from '../ports';

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
