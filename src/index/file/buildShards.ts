/**
 * A whole file index built aside, in memory, from entities read afresh (a `rebuild`, an index left
 * by another version), then swapped in under the index lock: every shard file, the list cache and
 * meta.json last, each renamed into place. Nothing is deleted first, so a reader or writer running
 * meanwhile sees the old index or the new one; a write that lands before the swap is caught by the
 * next read (its ref moved after the fingerprint this build stores).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MilestoneState } from '../../domain/types';
import { summarize } from '../../domain/query';
import { MilestoneError } from '../../errors/MilestoneError';
import type { IndexBuild, ListRow, RefreshReport } from '../MilestoneIndex';
import type { EntityRead } from '../model/readEntities';
import { digestOf } from '../shared/digests';
import { renderRow, sortRows } from '../shared/renderRows';
import { applyRows } from './applyRows';
import { withIndexLock } from './indexLock';
import { writeListCache } from './listCache';
import { emptyShard, INDEX_VERSION, listShards, shardPath, writeJsonAtomic, writeMeta, type Shard } from './shardFiles';

const LOCK_TRIES = 10;

export class ShardBuild implements IndexBuild {
  readonly history = false;
  private readonly shards = new Map<string, Shard>();
  private readonly report: RefreshReport = { read: 0, removed: 0, total: 0, errors: [] };

  constructor(private readonly dir: string) {}

  /** One entity as read (its state, or why it could not be read). */
  add(id: string, r: EntityRead<MilestoneState>): void {
    const change = 'error' in r
      ? { id, tip: r.tip, summary: null, state: null, error: r.error.message }
      : { id, tip: r.tip, summary: summarize(r.state), state: r.state };
    applyRows({ shards: this.shards, changes: [change], removed: [], load: emptyShard });
    this.report.read++;
    if ('error' in r) this.report.errors.push({ id, message: r.error.message });
    else this.report.total++;
  }

  /** Swaps the built index in; `token`: the refs fingerprint the reads began at (null when racy). */
  async commit(_tips: Map<string, string>, token: string | null): Promise<RefreshReport> {
    const digests: Record<string, string> = {};
    const rows: ListRow[] = [];
    for (const [s, shard] of [...this.shards].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const pairs = Object.entries(shard.entities).map(([id, row]): [string, string] => [id, row.tip]);
      if (pairs.length > 0) digests[s] = digestOf(pairs);
      for (const row of Object.values(shard.entities)) if (row.summary && !row.summary.deleted) rows.push(renderRow(row.summary));
    }
    const swap = () => {
      for (const [s, shard] of this.shards) writeJsonAtomic(shardPath(this.dir, s), shard);
      for (const s of listShards(this.dir)) if (!this.shards.has(s)) fs.rmSync(shardPath(this.dir, s), { force: true });
      writeListCache(path.join(this.dir, 'list.cache'), { digests, rows: sortRows(rows) });
      writeMeta(this.dir, { version: INDEX_VERSION, token, digests });
      return true;
    };
    // A rebuild was asked for: it waits longer than a reader's cache write would (each try waits ≈3 s).
    let done: boolean | undefined;
    for (let tries = 0; !done && tries < LOCK_TRIES; tries++) done = await withIndexLock(this.dir, swap);
    if (!done) {
      throw new MilestoneError('LOCKED', 'the file index is locked by another process; nothing was replaced', {
        hint: 'Run `git milestone rebuild` again, or `git milestone doctor --fix` if the lock is stale.',
      });
    }
    this.report.errors.sort((a, b) => (a.id < b.id ? -1 : 1));
    return this.report;
  }
}
