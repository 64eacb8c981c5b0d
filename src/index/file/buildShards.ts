/**
 * A whole file index built aside, in memory, from entities read afresh (a `rebuild`, an index left
 * by another version), then swapped in under the index lock: every shard file, the list cache and
 * meta.json last, each renamed into place. Nothing is deleted first, so a reader or writer running
 * meanwhile sees the old index or the new one; a write that lands before the swap is caught by the
 * next read (its ref moved after the fingerprint this build stores).
 *
 * Memory: each entity is kept as the bytes of its shard entry, whose summary part doubles as its
 * list row, not as objects (10,000 summaries as objects held ≈21 MB of heap, and V8 let the heap
 * grow to several times its live size before collecting: most of a cold rebuild's peak RSS). The
 * bytes go into 1 MB blocks of their own: from node's shared 8 KB pool, each long-lived entry
 * would pin a whole pool slab among the short-lived buffers of the reads.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MilestoneState } from '../../domain/types';
import { summarize } from '../../domain/query';
import { writeFileAtomic } from '../../env/atomicWrite';
import { MilestoneError } from '../../errors/MilestoneError';
import type { IndexBuild, ListRow, RefreshReport } from '../MilestoneIndex';
import type { EntityRead } from '../model/readEntities';
import { digestOf } from '../shared/digests';
import { sortRows } from '../shared/renderRows';
import { withIndexLock } from './indexLock';
import { writeListCache } from './listCache';
import { aliasShard, INDEX_VERSION, listShards, shardPath, writeMeta } from './shardFiles';

const LOCK_TRIES = 10;
const BLOCK = 1 << 20;

/** One entity's entry in its shard's `entities`, as bytes; `row`: its list row (a slice of them). */
interface Entry {
  id: string;
  tip: string;
  bytes: Buffer;
  row: ListRow | null;
}

/** A shard as built: the entries of its entities, its task-id and alias lookups. */
interface BuiltShard {
  entries: Entry[];
  tasks: Record<string, string>;
  aliases: Record<string, string>;
}

export class ShardBuild implements IndexBuild {
  readonly history = false;
  private readonly shards = new Map<string, BuiltShard>();
  private readonly report: RefreshReport = { read: 0, removed: 0, total: 0, errors: [] };
  private block = Buffer.allocUnsafeSlow(0);
  private used = 0;

  constructor(private readonly dir: string) {}

  /** One entity as read (its state, or why it could not be read). */
  add(id: string, r: EntityRead<MilestoneState>): void {
    this.report.read++;
    const key = JSON.stringify(id);
    if ('error' in r) {
      this.report.errors.push({ id, message: r.error.message });
      const entry = JSON.stringify({ tip: r.tip, summary: null, error: r.error.message });
      const bytes = this.bytes(`${key}:${entry}`);
      this.shard(id.slice(0, 2)).entries.push({ id, tip: r.tip, bytes, row: null });
      return;
    }
    this.report.total++;
    const s = summarize(r.state);
    const head = `${key}:{"tip":${JSON.stringify(r.tip)},"summary":`;
    const summary = JSON.stringify(s);
    const taskIds = JSON.stringify(r.state.tasks.map((t) => t.id));
    const bytes = this.bytes(`${head}${summary},"taskIds":${taskIds}}`);
    const start = Buffer.byteLength(head);
    const end = start + Buffer.byteLength(summary);
    const row = s.deleted ? null
      : { id: s.id, status: s.status, archived: s.archived, createdAt: s.createdAt, body: bytes, start, end };
    this.shard(id.slice(0, 2)).entries.push({ id, tip: r.tip, bytes, row });
    for (const t of r.state.tasks) this.shard(t.id.slice(0, 2)).tasks[t.id] = id;
    for (const a of r.state.aliases) this.shard(aliasShard(a)).aliases[a] = id;
  }

  /** `text` as UTF-8, copied into the current block (a new one when it is full). */
  private bytes(text: string): Buffer {
    const n = Buffer.byteLength(text);
    if (this.used + n > this.block.length) {
      this.block = Buffer.allocUnsafeSlow(Math.max(BLOCK, n));
      this.used = 0;
    }
    this.block.write(text, this.used);
    this.used += n;
    return this.block.subarray(this.used - n, this.used);
  }

  private shard(key: string): BuiltShard {
    let s = this.shards.get(key);
    if (!s) this.shards.set(key, (s = { entries: [], tasks: {}, aliases: {} }));
    return s;
  }

  /** Swaps the built index in; `token`: the refs fingerprint the reads began at (null when racy). */
  async commit(_tips: Map<string, string>, token: string | null): Promise<RefreshReport> {
    const digests: Record<string, string> = {};
    const rows: ListRow[] = [];
    for (const [s, shard] of [...this.shards].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const pairs = shard.entries.map((e): [string, string] => [e.id, e.tip]);
      if (pairs.length > 0) digests[s] = digestOf(pairs);
      for (const e of shard.entries) if (e.row) rows.push(e.row);
    }
    const swap = () => {
      for (const [s, shard] of this.shards) {
        writeFileAtomic(shardPath(this.dir, s), shardBytes(shard), { mkdir: true });
      }
      for (const s of listShards(this.dir)) {
        if (!this.shards.has(s)) fs.rmSync(shardPath(this.dir, s), { force: true });
      }
      writeListCache(path.join(this.dir, 'list.cache'), { digests, rows: sortRows(rows) });
      writeMeta(this.dir, { version: INDEX_VERSION, token, digests });
      return true;
    };
    // A rebuild was asked for: it waits longer than a reader's cache write would (each try waits ≈3 s).
    let done: boolean | undefined;
    for (let tries = 0; !done && tries < LOCK_TRIES; tries++) done = await withIndexLock(this.dir, swap);
    if (!done) {
      const message = 'the file index is locked by another process; nothing was replaced';
      throw new MilestoneError('LOCKED', message, {
        hint: 'Run `git milestone rebuild` again, or `git milestone doctor --fix` if the lock is stale.',
      });
    }
    this.report.errors.sort((a, b) => (a.id < b.id ? -1 : 1));
    return this.report;
  }
}

/** The shard file (shardFiles.ts's Shard as JSON) from the built entries and lookups. */
function shardBytes(shard: BuiltShard): Buffer {
  const parts: Buffer[] = [Buffer.from('{"entities":{')];
  shard.entries.forEach((e, i) => parts.push(...(i > 0 ? [COMMA, e.bytes] : [e.bytes])));
  const lookups = `"tasks":${JSON.stringify(shard.tasks)},"aliases":${JSON.stringify(shard.aliases)}`;
  parts.push(Buffer.from(`},${lookups}}`));
  return Buffer.concat(parts);
}

const COMMA = Buffer.from(',');
