/**
 * Reads `<commonDir>/packed-refs` (`<oid> <ref>` lines after an optional `# pack-refs with:`
 * header; `^<oid>` peeled lines are ignored). The parsed map is cached and reused while the
 * file's size, mtime and inode stay the same (`git pack-refs` replaces it by rename), except
 * when the mtime is too recent to tell two writes apart (see RACY_MS).
 */
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { isOid } from './hashObject';
import type { FsLike } from './types';

/** A file or directory changed less than this long ago may change again within the same mtime. */
export const RACY_MS = 50;

export interface PackedRefsOptions {
  commonDir: string;
  fs?: FsLike;
}

export class PackedRefs {
  readonly file: string;
  private readonly fs: FsLike;
  private cache: { key: string; refs: Map<string, string> } | null = null;

  constructor(o: PackedRefsOptions) {
    this.file = path.join(o.commonDir, 'packed-refs');
    this.fs = o.fs ?? nodeFs;
  }

  /** `mtimeNs:size:ino` of the file, or '-' when there is none. */
  statKey(): { key: string; mtimeMs: number | null } {
    try {
      const st = this.fs.statSync(this.file, { bigint: true }) as nodeFs.BigIntStats;
      const mtime = st.mtimeNs ?? BigInt(Math.round(Number(st.mtimeMs) * 1e6));
      return { key: `${mtime}:${st.size}:${st.ino}`, mtimeMs: Number(mtime / 1000000n) };
    } catch {
      return { key: '-', mtimeMs: null };
    }
  }

  read(): Map<string, string> {
    const { key, mtimeMs } = this.statKey();
    if (this.cache?.key === key) return this.cache.refs;
    let text = '';
    try {
      text = String(this.fs.readFileSync(this.file, 'utf8'));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const refs = parsePackedRefs(text);
    const racy = mtimeMs === null || Date.now() - mtimeMs < RACY_MS;
    this.cache = racy ? null : { key, refs };
    return refs;
  }
}

export function parsePackedRefs(text: string): Map<string, string> {
  const refs = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#') || line.startsWith('^')) continue;
    const space = line.indexOf(' ');
    const oid = line.slice(0, space);
    if (space > 0 && isOid(oid)) refs.set(line.slice(space + 1).trimEnd(), oid);
  }
  return refs;
}
