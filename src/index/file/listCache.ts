/**
 * The list cache (`index/list.cache`): every live milestone's summary, pre-rendered as the JSON
 * that `list --json` prints, in default order (created, then id), behind a small header holding
 * what the cheap filters need. A warm `list --json` reads one file and writes one slice of it: no
 * per-row parse or stringify. The header records the shard digests it was built from; when they
 * no longer match meta.json, only the rows of the changed shards are rendered again.
 *
 * File: `GMLC1\n<header length>\n<header JSON><body>`; the body holds the rows separated by `,\n`.
 */
import * as fs from 'node:fs';
import type { MilestoneSummary } from '../../domain/query';
import type { ListRow } from '../MilestoneIndex';

const MAGIC = 'GMLC1\n';
const SEP = Buffer.from(',\n');

export interface ListCache {
  digests: Record<string, string>;
  rows: ListRow[];
}

type HeaderRow = [string, string, 0 | 1, string, number, number];

export function renderRow(s: MilestoneSummary): ListRow {
  const body = Buffer.from(`  ${JSON.stringify(s, null, 2).replace(/\n/g, '\n  ')}`, 'utf8');
  return { id: s.id, status: s.status, archived: s.archived, createdAt: s.createdAt, body, start: 0, end: body.length };
}

export function sortRows(rows: ListRow[]): ListRow[] {
  return rows.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function readListCache(file: string): ListCache | null {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch {
    return null;
  }
  try {
    if (buf.toString('latin1', 0, MAGIC.length) !== MAGIC) return null;
    const nl = buf.indexOf(10, MAGIC.length);
    const len = Number(buf.toString('latin1', MAGIC.length, nl));
    const start = nl + 1;
    const header = JSON.parse(buf.toString('utf8', start, start + len)) as { digests: Record<string, string>; rows: HeaderRow[] };
    const body = buf.subarray(start + len);
    const rows = header.rows.map(([id, status, archived, createdAt, s, e]): ListRow => ({ id, status, archived: archived === 1, createdAt, body, start: s, end: e }));
    return { digests: header.digests, rows };
  } catch {
    return null;
  }
}

export function writeListCache(file: string, cache: ListCache): void {
  let off = 0;
  const parts: Buffer[] = [];
  const header: HeaderRow[] = cache.rows.map((r, i) => {
    if (i > 0) {
      parts.push(SEP);
      off += SEP.length;
    }
    parts.push(r.body.subarray(r.start, r.end));
    const row: HeaderRow = [r.id, r.status, r.archived ? 1 : 0, r.createdAt, off, off + r.end - r.start];
    off += r.end - r.start;
    return row;
  });
  const head = Buffer.from(JSON.stringify({ digests: cache.digests, rows: header }), 'utf8');
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  fs.writeFileSync(tmp, Buffer.concat([Buffer.from(`${MAGIC}${head.length}\n`, 'latin1'), head, ...parts]));
  fs.renameSync(tmp, file);
}
