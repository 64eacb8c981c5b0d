/**
 * An entity commit in the shape the bulk writer (git fast-import) takes: the same three files, the
 * same bytes and the same identity line writeCommit produces (version-1 empty blob, ops.json the
 * canonical pack, snapshot.json the canonical state; author = committer, UTC), so a bulk-written
 * entity cannot be told from one written through the engine.
 */
import { canonicalJsonFast as canonicalJson } from '../../domain/canonicalFast';
import type { Author, Operation } from '../../domain/types';
import type { BulkCommit } from '../ports';
import { FORMAT_VERSION, levelEntryName, OPS_FILE, SNAPSHOT_FILE, VERSION_PREFIX, type FormatNeed } from './layout';
import { encodePack } from './pack';

export interface EntityCommit {
  ops: Operation[];
  /** encodePack(ops), when already known. */
  pack?: string;
  state: unknown;
  author: Author;
  time: string;
  message: string;
  /** The format level the entity needs after this commit (writeCommit's `need`). */
  need?: FormatNeed | null;
}

/** The commits of one entity; their snapshots share unchanged parts, which are encoded once. */
export function toBulkCommits(commits: EntityCommit[]): BulkCommit[] {
  const cache = new WeakMap<object, string>();
  return commits.map((c) => toBulkCommit(c, cache));
}

export function toBulkCommit(c: EntityCommit, cache?: WeakMap<object, string>): BulkCommit {
  const level = c.need ? levelEntryName(c.need) : null;
  return {
    files: [
      ...(level !== null ? [{ name: level, data: '' }] : []),
      { name: `${VERSION_PREFIX}${FORMAT_VERSION}`, data: '' },
      { name: OPS_FILE, data: c.pack ?? encodePack(c.ops) },
      { name: SNAPSHOT_FILE, data: canonicalJson(c.state, cache) },
    ],
    author: { name: c.author.name, email: c.author.email },
    timestamp: Math.floor(Date.parse(c.time) / 1000),
    message: c.message,
  };
}

/**
 * encodePack(ops) from the operations' canonical JSON texts, without encoding them again: the
 * canonical form of {version, ops} is `{"ops":[…],"version":N}` (keys sorted).
 */
export function packFromCanonical(opJsons: string[]): string {
  return `{"ops":[${opJsons.join(',')}],"version":${FORMAT_VERSION}}`;
}
