/**
 * Reads `<commonDir>/packed-refs` (`<oid> <ref>` lines after an optional `# pack-refs with:`
 * header; `^<oid>` peeled lines are ignored). The parsed map is cached and reused while the
 * file's size, mtime and inode stay the same (`git pack-refs` replaces it by rename), except
 * when the mtime is too recent to tell two writes apart (see RACY_MS).
 */
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { isOid } from '../format/hashObject';
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

  /** The oid of one packed ref, without parsing the whole file (see lookupPackedRef). */
  lookup(ref: string): string | null {
    if (this.cache?.key === this.statKey().key) return this.cache.refs.get(ref) ?? null;
    let buf: Buffer;
    try {
      buf = this.fs.readFileSync(this.file) as Buffer;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      return null;
    }
    return lookupPackedRef(buf, ref, () => parsePackedRefs(buf.toString('utf8')));
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

/**
 * One ref from a `sorted` packed-refs file by binary search over its bytes, as git does, so a
 * single lookup costs O(log n) instead of parsing every line (10,000 refs: ~1 ms instead of ~8).
 * Unsorted files fall back to the full parse.
 */
export function lookupPackedRef(buf: Buffer, ref: string, parseAll: () => Map<string, string>): string | null {
  let lo = 0;
  if (buf[0] === 0x23 /* # */) {
    const nl = buf.indexOf(10);
    const header = buf.toString('utf8', 0, nl < 0 ? buf.length : nl);
    if (!/\bsorted\b/.test(header)) return parseAll().get(ref) ?? null;
    lo = nl < 0 ? buf.length : nl + 1;
  } else if (buf.length > 0) return parseAll().get(ref) ?? null;
  let hi = buf.length;
  while (lo < hi) {
    let start = Math.max(lo, buf.lastIndexOf(10, ((lo + hi) >>> 1) - 1) + 1);
    if (buf[start] === 0x5e /* ^ peeled line: look at the ref line above it */) start = Math.max(lo, buf.lastIndexOf(10, start - 2) + 1);
    let end = buf.indexOf(10, start);
    if (end < 0) end = buf.length;
    const line = buf.toString('utf8', start, end).trimEnd();
    const space = line.indexOf(' ');
    const name = line.slice(space + 1);
    if (name === ref) return isOid(line.slice(0, space)) ? line.slice(0, space) : null;
    if (name < ref) {
      lo = end + 1;
      if (buf[lo] === 0x5e) lo = (buf.indexOf(10, lo) + 1) || buf.length;
    } else hi = start;
  }
  return null;
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
