/**
 * The file index: milestone summaries and id lookups in sharded JSON files (shardFiles.ts), plus
 * the pre-rendered list cache (listCache.ts). Kept fresh by syncShards.ts; id-prefix lookups in
 * lookUp.ts. A shard file found missing or damaged is repaired on the spot (repairShards.ts); a
 * rebuild is built aside (buildShards.ts) and swapped in.
 */
import * as path from 'node:path';
import { summarize, type MilestoneSummary, type SummaryFilter } from '../../domain/query';
import type { MilestoneState } from '../../domain/types';
import type { EntityStore } from '../../storage/entity/EntityStore';
import type { IndexBuild, ListRow, MilestoneIndex, RefreshReport, TaskLocation } from '../MilestoneIndex';
import { changedShards, shardKey } from '../shared/digests';
import { rebuildIndexes } from '../shared/rebuildIndexes';
import { joinRows, renderRow, sortRows } from '../shared/renderRows';
import { ShardBuild } from './buildShards';
import { withIndexLock } from './indexLock';
import { readListCache, readLiveJson, writeListCache } from './listCache';
import { findMilestones, findTasks } from './lookUp';
import { ShardDamage, repairShards } from './repairShards';
import { emptyShard, listShards, loadShard, readMeta, writeMeta, type Meta, type Shard } from './shardFiles';
import { countRows, syncShards, writeRows } from './syncShards';
import { rowCounts, type RowCounts } from '../shared/rowCounts';
import { answerList, type SummaryList } from '../shared/summaryList';

export interface FileIndexOptions {
  /** `<git-common-dir>/milestones/index` */
  dir: string;
  store: EntityStore<MilestoneState>;
}

export class FileIndex implements MilestoneIndex {
  constructor(private readonly o: FileIndexOptions) {}

  async list(filter: SummaryFilter): Promise<SummaryList> {
    return answerList(this, filter);
  }

  async counts(): Promise<RowCounts> {
    return rowCounts(await this.rows());
  }

  async rows(): Promise<ListRow[]> {
    return this.repairing(async () => this.cachedRows((await this.sync(false)).meta));
  }

  /** One read of the list cache's unarchived rows when it is current; otherwise rows() brings it up to date. */
  async liveJson(): Promise<Buffer> {
    return this.repairing(async () => {
      const { meta } = await this.sync(false);
      const hit = readLiveJson(this.listFile, (digests) => changedShards(digests, meta.digests).length === 0);
      return hit ?? joinRows(this.cachedRows(meta).filter((r) => !r.archived));
    });
  }

  /** Runs `read`; when it meets a missing or damaged shard, repairs that shard and runs it again. */
  private async repairing<T>(read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (e) {
      if (!(e instanceof ShardDamage)) throw e;
      await repairShards(this.o.dir, e.shards);
      return read();
    }
  }

  private get listFile(): string {
    return path.join(this.o.dir, 'list.cache');
  }

  /** The list cache's rows, re-rendering those of shards whose digest changed since it was written. */
  private cachedRows(meta: Meta): ListRow[] {
    const file = this.listFile;
    const cache = readListCache(file);
    const stale = changedShards(cache?.digests ?? {}, meta.digests);
    if (cache && stale.length === 0) return cache.rows;
    const keep = (cache?.rows ?? []).filter((r) => !stale.includes(shardKey(r.id)));
    const fresh = stale.flatMap((s) => Object.values(this.shardOf(meta, s).entities))
      .filter((r): r is { tip: string; summary: MilestoneSummary } => r.summary !== null && !r.summary.deleted)
      .map((r) => renderRow(r.summary));
    const rows = sortRows([...keep, ...fresh]);
    try {
      writeListCache(file, { digests: meta.digests, rows });
    } catch {
      // a derived file: the next read renders it again
    }
    return rows;
  }

  async summaries(): Promise<MilestoneSummary[]> {
    return (await this.rows()).map((r) => JSON.parse(r.body.toString('utf8', r.start, r.end)) as MilestoneSummary);
  }

  async refresh(opts: { force?: boolean } = {}): Promise<RefreshReport> {
    const { meta, report } = await this.sync(Boolean(opts.force));
    return countRows(this.o.dir, meta, report);
  }

  async rebuild(): Promise<RefreshReport> {
    return (await rebuildIndexes(this.o.store, [this.builder()]))[0];
  }

  builder(): IndexBuild {
    return new ShardBuild(this.o.dir);
  }

  /** A shard meta.json names; a missing or damaged file is ShardDamage (a lookup-only shard may be absent). */
  private shardOf(meta: Meta, s: string): Shard {
    const shard = loadShard(this.o.dir, s);
    if (shard) return shard;
    if (meta.digests[s]) throw new ShardDamage([s]);
    return emptyShard();
  }

  async findMilestones(prefix: string): Promise<string[]> {
    return findMilestones(this.o.dir, () => this.sync(false), prefix);
  }

  async findTasks(prefix: string): Promise<TaskLocation[]> {
    return findTasks(this.o.dir, () => this.sync(false), prefix);
  }

  async put(id: string, tip: string, state: MilestoneState): Promise<void> {
    await withIndexLock(this.o.dir, () => {
      const meta = readMeta(this.o.dir);
      writeRows(this.o.dir, meta, [{ id, tip, summary: summarize(state), state }], []);
      writeMeta(this.o.dir, meta);
    });
  }

  /** put for many (a bulk import): one locked write; into an empty index, built in one pass as by rebuild. */
  async putMany(rows: Array<{ id: string; tip: string; state: MilestoneState }>): Promise<void> {
    if (Object.keys(readMeta(this.o.dir).digests).length === 0 && listShards(this.o.dir).length === 0) {
      const build = new ShardBuild(this.o.dir);
      for (const r of rows) build.add(r.id, { tip: r.tip, state: r.state, ops: [] });
      return void (await build.commit(new Map(), null));
    }
    await withIndexLock(this.o.dir, () => {
      const meta = readMeta(this.o.dir);
      writeRows(this.o.dir, meta, rows.map((r) => ({ ...r, summary: summarize(r.state) })), []);
      writeMeta(this.o.dir, meta);
    });
  }

  async unreadable(): Promise<Array<{ id: string; message: string }>> {
    const { meta } = await this.sync(false);
    return Object.entries(meta.unreadable ?? {}).map(([id, message]) => ({ id, message }));
  }

  private sync(force: boolean): Promise<{ meta: Meta; report: RefreshReport }> {
    return syncShards({ dir: this.o.dir, store: this.o.store, rebuild: () => this.rebuild() }, force);
  }
}
