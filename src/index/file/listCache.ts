/**
 * The list cache (`index/list.cache`): every live milestone's summary, pre-rendered as the
 * compact JSON that `list --json` prints (pretty-printing on a terminal happens in runDef), so a warm `list --json` does no per-row parse or stringify. The head
 * records the shard digests it was built from; when they no longer match meta.json, only the rows
 * of the changed shards are rendered again (FileIndex.rows).
 *
 * File: `GMLC3\n<head length>\n<head JSON><index length>\n<index JSON><body>`.
 * - head: `{digests, live, liveBytes, bodyBytes}`, a few KB; a file whose size is not exactly what
 *   its head says (truncated, appended to) is unreadable, and so rendered again;
 * - index: one `[id, status, archived, createdAt, start, end]` per row, in default order
 *   (created, then id); start/end are offsets into the body;
 * - body: the unarchived rows in default order separated by `,` (the first `liveBytes` bytes),
 *   then the archived rows.
 * So the answer to a plain `list --json` is one read of the body's first `liveBytes` bytes,
 * straight into the output buffer (readLiveJson): the index is not even parsed.
 */
import * as fs from 'node:fs';
import type { ListRow } from '../MilestoneIndex';
import { SEP, wrapRun } from '../shared/renderRows';
import { writeFileAtomic } from '../../env/atomicWrite';

const MAGIC = 'GMLC3\n';
const HEAD_PROBE = 64 * 1024;

export interface ListCache {
  digests: Record<string, string>;
  rows: ListRow[];
}

/** Where the parts of a cache file are, and what the head says. */
export interface ListCacheHead {
  digests: Record<string, string>;
  /** Unarchived rows, and the bytes they take at the start of the body. */
  live: number;
  liveBytes: number;
  indexOffset: number;
  indexLength: number;
  bodyOffset: number;
}

type IndexRow = [string, string, 0 | 1, string, number, number];

/** The head of a cache file open as `fd` (one small read, two for a large head); null when it is not a whole v3 cache. */
function readHead(fd: number): ListCacheHead | null {
  try {
    const size = fs.fstatSync(fd).size;
    let probe = Buffer.allocUnsafe(Math.min(HEAD_PROBE, size));
    fs.readSync(fd, probe, 0, probe.length, 0);
    if (probe.toString('latin1', 0, MAGIC.length) !== MAGIC) return null;
    const [headLen, headAt] = lengthLine(probe, MAGIC.length);
    if (headAt + headLen + 24 > probe.length && headAt + headLen + 24 <= size) {
      probe = Buffer.allocUnsafe(Math.min(headAt + headLen + 24, size));
      fs.readSync(fd, probe, 0, probe.length, 0);
    }
    const head = JSON.parse(probe.toString('utf8', headAt, headAt + headLen)) as Pick<ListCacheHead, 'digests' | 'live' | 'liveBytes'> & { bodyBytes: number };
    const [indexLength, indexOffset] = lengthLine(probe, headAt + headLen);
    const bodyOffset = indexOffset + indexLength;
    if (!head.digests || !(head.liveBytes >= 0) || !(head.liveBytes <= head.bodyBytes) || bodyOffset + head.bodyBytes !== size) return null;
    return { digests: head.digests, live: head.live, liveBytes: head.liveBytes, indexOffset, indexLength, bodyOffset };
  } catch {
    return null;
  }
}

function withFile<T>(file: string, fn: (fd: number) => T | null): T | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    return fn(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * `list --json` with no filter (`[`, the live rows, `]`, read straight into one buffer) when the
 * cache is whole and `current(digests)` accepts the shard digests it was built from; else null.
 * Head and body come from one open file, so a cache renamed over it meanwhile cannot mix in.
 */
export function readLiveJson(file: string, current: (digests: Record<string, string>) => boolean): Buffer | null {
  return withFile(file, (fd) => {
    const head = readHead(fd);
    if (!head || !current(head.digests)) return null;
    let short = false;
    const out = wrapRun(head.live === 0 ? 0 : head.liveBytes, (buf, at) => {
      short = fs.readSync(fd, buf, at, head.liveBytes, head.bodyOffset) !== head.liveBytes;
    });
    return short ? null : out;
  });
}

/** Every row (the index parsed, the body read once); null when the file is missing or unreadable. */
export function readListCache(file: string): ListCache | null {
  return withFile(file, (fd) => {
    const head = readHead(fd);
    if (!head) return null;
    try {
      const buf = Buffer.allocUnsafe(fs.fstatSync(fd).size);
      if (fs.readSync(fd, buf, 0, buf.length, 0) !== buf.length) return null;
      const index = JSON.parse(buf.toString('utf8', head.indexOffset, head.indexOffset + head.indexLength)) as IndexRow[];
      const body = buf.subarray(head.bodyOffset);
      const rows = index.map(([id, status, archived, createdAt, s, e]): ListRow => ({ id, status, archived: archived === 1, createdAt, body, start: s, end: e }));
      if (rows.some((r) => !(r.start >= 0 && r.start <= r.end && r.end <= body.length))) return null;
      return { digests: head.digests, rows };
    } catch {
      return null;
    }
  });
}

export function writeListCache(file: string, cache: ListCache): void {
  const parts: Buffer[] = [];
  const where = new Map<ListRow, [number, number]>();
  let off = 0;
  let liveBytes = 0;
  for (const archived of [false, true]) {
    for (const r of cache.rows.filter((x) => x.archived === archived)) {
      if (off > 0) parts.push(SEP);
      off += off > 0 ? SEP.length : 0;
      parts.push(r.body.subarray(r.start, r.end));
      where.set(r, [off, off + r.end - r.start]);
      off += r.end - r.start;
    }
    if (!archived) liveBytes = off;
  }
  const index: IndexRow[] = cache.rows.map((r) => [r.id, r.status, r.archived ? 1 : 0, r.createdAt, ...(where.get(r) as [number, number])]);
  const live = cache.rows.filter((r) => !r.archived).length;
  const head = Buffer.from(JSON.stringify({ digests: cache.digests, live, liveBytes, bodyBytes: off }), 'utf8');
  const idx = Buffer.from(JSON.stringify(index), 'utf8');
  writeFileAtomic(file, Buffer.concat([Buffer.from(`${MAGIC}${head.length}\n`, 'latin1'), head, Buffer.from(`${idx.length}\n`, 'latin1'), idx, ...parts]));
}

/** Parses `<decimal>\n` at `at`: the number and the offset after the newline. */
function lengthLine(buf: Buffer, at: number): [number, number] {
  const nl = buf.indexOf(10, at);
  if (nl < 0 || nl - at > 15) throw new Error('list cache: no length line');
  const n = Number(buf.toString('latin1', at, nl));
  if (!Number.isSafeInteger(n) || n < 0) throw new Error('list cache: bad length');
  return [n, nl + 1];
}
