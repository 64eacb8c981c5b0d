/**
 * The list cache (`index/list.cache`): every live milestone's summary, pre-rendered as the
 * compact JSON that `list --json` prints (pretty-printing on a terminal happens in runDef), so a warm `list --json` does no per-row parse or stringify. The head
 * records the shard digests it was built from; when they no longer match meta.json, only the rows
 * of the changed shards are rendered again (FileIndex.rows).
 *
 * File: `GMLC2\n<head length>\n<head JSON><index length>\n<index JSON><body>`.
 * - head: `{digests, live, liveBytes}`, a few KB;
 * - index: one `[id, status, archived, createdAt, start, end]` per row, in default order
 *   (created, then id); start/end are offsets into the body;
 * - body: the unarchived rows in default order separated by `,` (the first `liveBytes` bytes),
 *   then the archived rows.
 * So the answer to a plain `list --json` is one read of the body's first `liveBytes` bytes,
 * straight into the output buffer (readLiveJson): the index is not even parsed.
 */
import * as fs from 'node:fs';
import type { MilestoneSummary } from '../../domain/query';
import type { ListRow } from '../MilestoneIndex';

const MAGIC = 'GMLC2\n';
const SEP = Buffer.from(',');
const OPEN = Buffer.from('[');
const CLOSE = Buffer.from(']\n');
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

export function renderRow(s: MilestoneSummary): ListRow {
  const body = Buffer.from(JSON.stringify(s), 'utf8');
  return { id: s.id, status: s.status, archived: s.archived, createdAt: s.createdAt, body, start: 0, end: body.length };
}

export function sortRows(rows: ListRow[]): ListRow[] {
  return rows.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Reads and checks the head only (one small read); null when the file is missing or not a v2 cache. */
export function readListCacheHead(file: string): ListCacheHead | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const size = fs.fstatSync(fd).size;
    let probe = Buffer.allocUnsafe(Math.min(HEAD_PROBE, size));
    fs.readSync(fd, probe, 0, probe.length, 0);
    const [headLen, headAt] = lengthLine(probe, MAGIC.length);
    if (probe.toString('latin1', 0, MAGIC.length) !== MAGIC) return null;
    if (headAt + headLen + 24 > probe.length && headAt + headLen + 24 <= size) {
      probe = Buffer.allocUnsafe(Math.min(headAt + headLen + 24, size));
      fs.readSync(fd, probe, 0, probe.length, 0);
    }
    const head = JSON.parse(probe.toString('utf8', headAt, headAt + headLen)) as Pick<ListCacheHead, 'digests' | 'live' | 'liveBytes'>;
    const [indexLength, indexOffset] = lengthLine(probe, headAt + headLen);
    const bodyOffset = indexOffset + indexLength;
    if (!head.digests || !(head.liveBytes >= 0) || bodyOffset + head.liveBytes > size) return null;
    return { digests: head.digests, live: head.live, liveBytes: head.liveBytes, indexOffset, indexLength, bodyOffset };
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

/** `list --json` with no filter: `[`, the live rows, `]`, read straight into one buffer. */
export function readLiveJson(file: string, head: ListCacheHead): Buffer {
  if (head.live === 0) return Buffer.from('[]\n');
  const out = Buffer.allocUnsafe(head.liveBytes + OPEN.length + CLOSE.length);
  OPEN.copy(out, 0);
  const fd = fs.openSync(file, 'r');
  try {
    if (fs.readSync(fd, out, OPEN.length, head.liveBytes, head.bodyOffset) !== head.liveBytes) throw new Error(`${file} is shorter than its head says`);
  } finally {
    fs.closeSync(fd);
  }
  CLOSE.copy(out, OPEN.length + head.liveBytes);
  return out;
}

/** Every row (the index parsed, the body read once); null when the file is missing or unreadable. */
export function readListCache(file: string): ListCache | null {
  const head = readListCacheHead(file);
  if (!head) return null;
  try {
    const buf = fs.readFileSync(file);
    const index = JSON.parse(buf.toString('utf8', head.indexOffset, head.indexOffset + head.indexLength)) as IndexRow[];
    const body = buf.subarray(head.bodyOffset);
    const rows = index.map(([id, status, archived, createdAt, s, e]): ListRow => ({ id, status, archived: archived === 1, createdAt, body, start: s, end: e }));
    return { digests: head.digests, rows };
  } catch {
    return null;
  }
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
  const head = Buffer.from(JSON.stringify({ digests: cache.digests, live, liveBytes }), 'utf8');
  const idx = Buffer.from(JSON.stringify(index), 'utf8');
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  fs.writeFileSync(tmp, Buffer.concat([Buffer.from(`${MAGIC}${head.length}\n`, 'latin1'), head, Buffer.from(`${idx.length}\n`, 'latin1'), idx, ...parts]));
  fs.renameSync(tmp, file);
}

/** Parses `<decimal>\n` at `at`: the number and the offset after the newline. */
function lengthLine(buf: Buffer, at: number): [number, number] {
  const nl = buf.indexOf(10, at);
  if (nl < 0 || nl - at > 15) throw new Error('list cache: no length line');
  const n = Number(buf.toString('latin1', at, nl));
  if (!Number.isSafeInteger(n) || n < 0) throw new Error('list cache: bad length');
  return [n, nl + 1];
}

/**
 * The JSON array of rows (as JSON.stringify(summaries) prints it, plus a newline), from their rendered
 * bytes: a run of rows that lie back to back in one body is copied as one slice.
 */
export function joinRows(rows: ListRow[]): Buffer {
  if (rows.length === 0) return Buffer.from('[]\n');
  const parts: Buffer[] = [OPEN];
  let run = rows[0];
  let runEnd = run.end;
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i];
    if (r.body === run.body && r.start === runEnd + SEP.length) {
      runEnd = r.end;
      continue;
    }
    parts.push(run.body.subarray(run.start, runEnd), SEP);
    run = r;
    runEnd = r.end;
  }
  parts.push(run.body.subarray(run.start, runEnd), CLOSE);
  return Buffer.concat(parts);
}
