/**
 * Loose refs (files under `<gitDir or commonDir>/refs/...`) as GitRefStore reads them: one file's
 * content, its oid (symbolic and broken refs count as absent), and every valid loose ref under a
 * folder. Lock files and names that are not valid ref names are skipped.
 */
import type * as nodeFs from 'node:fs';
import * as path from 'node:path';
import type { Oid } from '../ports';
import { isOid } from '../format/hashObject';
import { isValidRefName } from '../format/refNames';
import type { FsLike, RepoInfo } from './types';

type Format = RepoInfo['objectFormat'];

/** A loose ref file's text; null when there is none (missing, a folder, or under a file). */
export function readLooseRaw(fs: FsLike, file: string): string | null {
  try {
    return String(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return null;
    throw e;
  }
}

/** A loose ref's oid; null when there is no loose ref (symbolic and broken refs count as absent). */
export function readLoose(fs: FsLike, file: string, format: Format): Oid | null {
  const oid = readLooseRaw(fs, file)?.trim();
  return oid && isOid(oid, format) ? oid : null;
}

export interface WalkOptions {
  fs: FsLike;
  format: Format;
  prefix: string;
  found: Map<string, Oid>;
}

/** Adds every loose ref under `dir` (the folder of ref name `ref`) that starts with the prefix. */
export function walkLooseRefs(o: WalkOptions, dir: string, ref: string): void {
  let entries: nodeFs.Dirent[];
  try {
    entries = o.fs.readdirSync(dir, { withFileTypes: true }) as nodeFs.Dirent[];
  } catch {
    return;
  }
  for (const e of entries) {
    const name = `${ref}/${e.name}`;
    if (!name.startsWith(o.prefix)) continue;
    if (e.isDirectory()) walkLooseRefs(o, path.join(dir, e.name), name);
    else if (!e.name.endsWith('.lock') && isValidRefName(name)) {
      const oid = readLoose(o.fs, path.join(dir, e.name), o.format);
      if (oid) o.found.set(name, oid);
    }
  }
}
