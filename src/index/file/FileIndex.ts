/**
 * The file index: milestone summaries and id lookups in sharded JSON files (shardFiles.ts), plus
 * the pre-rendered list cache (listCache.ts).
 *
 * Freshness: meta.json holds the refs fingerprint (directory mtimes, packed-refs stat) the shards
 * were verified against. If it still matches, nothing is listed. Otherwise (a write of ours, a
 * `git fetch`, a `git update-ref`) the ref tips are listed, per-shard digests of (id, tip) say
 * which shards are stale, and only entities whose tip moved are read again, in one batch. The
 * token is stored only when every shard's digest then equals the listing's, so a sync that raced
 * a rebuild or another writer never marks an incomplete index fresh. A shard file found missing or
 * damaged is repaired on the spot (repairShards.ts); a rebuild is built aside (buildShards.ts).
 */
import * as path from 'node:path';
import { summarize, type MilestoneSummary } from '../../domain/query';
import type { MilestoneState } from '../../domain/types';
import type { EntityStore } from '../../storage/entity/EntityStore';
import { refPrefix } from '../../storage/entity/layout';
import type { IndexBuild, ListRow, MilestoneIndex, RefreshReport, TaskLocation } from '../MilestoneIndex';
import { rebuildIndexes } from '../shared/rebuildIndexes';
import { applyRows, type RowChange } from './applyRows';
import { changedShards, digestOf, shardDigests, shardKey } from '../shared/digests';
import { ShardBuild } from './buildShards';
import { withIndexLock } from './indexLock';
import { readListCache, readLiveJson, writeListCache } from './listCache';
import { joinRows, renderRow, sortRows } from '../shared/renderRows';
import { damagedShards, ShardDamage, repairShards } from './repairShards';
import { aliasShard, emptyShard, indexOutdated, loadShard, readMeta, readShard, shardPath, writeJsonAtomic, writeMeta, type Meta, type Shard } from './shardFiles';

export interface FileIndexOptions {
  /** `<git-common-dir>/milestones/index` */
  dir: string;
  store: EntityStore<MilestoneState>;
}

export class FileIndex implements MilestoneIndex {
  constructor(private readonly o: FileIndexOptions) {}

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
    return this.count(meta, report);
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
    return this.lookUp([...this.shardsFor(prefix), aliasShard(prefix)], (shard) => {
      const hits = new Set<string>();
      const alias = shard(aliasShard(prefix)).aliases[prefix];
      if (alias) hits.add(alias);
      for (const s of this.shardsFor(prefix)) for (const id of Object.keys(shard(s).entities)) if (id.startsWith(prefix)) hits.add(id);
      return [...hits].sort();
    });
  }

  async findTasks(prefix: string): Promise<TaskLocation[]> {
    return this.lookUp(this.shardsFor(prefix), (shard) =>
      this.shardsFor(prefix)
        .flatMap((s) => Object.entries(shard(s).tasks))
        .filter(([taskId]) => taskId.startsWith(prefix))
        .map(([taskId, milestoneId]) => ({ taskId, milestoneId }))
        .sort((a, b) => (a.taskId < b.taskId ? -1 : 1)));
  }

  /**
   * A lookup in the shards it names: as they are; after a sync when it finds nothing (something
   * may have arrived behind our back); and when it still finds nothing while one of those shard
   * files is missing or damaged, after repairing them (a lost file is not "no such id").
   */
  private async lookUp<T>(shards: string[], look: (shard: (s: string) => Shard) => T[]): Promise<T[]> {
    const read = () => look((s) => readShard(this.o.dir, s));
    const first = read();
    if (first.length > 0) return first;
    const { report } = await this.sync(false);
    const second = report.read > 0 || report.removed > 0 ? read() : first;
    if (second.length > 0) return second;
    const damaged = damagedShards(this.o.dir, shards);
    if (damaged.length === 0) return second;
    await repairShards(this.o.dir, damaged);
    await this.sync(false);
    return read();
  }

  async put(id: string, tip: string, state: MilestoneState): Promise<void> {
    await withIndexLock(this.o.dir, () => {
      const meta = readMeta(this.o.dir);
      this.write(meta, [{ id, tip, summary: summarize(state), state }], []);
      writeMeta(this.o.dir, meta);
    });
  }

  /** put for many entities at once (a bulk import): one locked write of the shards they touch. */
  async putMany(rows: Array<{ id: string; tip: string; state: MilestoneState }>): Promise<void> {
    await withIndexLock(this.o.dir, () => {
      const meta = readMeta(this.o.dir);
      this.write(meta, rows.map((r) => ({ ...r, summary: summarize(r.state) })), []);
      writeMeta(this.o.dir, meta);
    });
  }

  async unreadable(): Promise<Array<{ id: string; message: string }>> {
    const { meta } = await this.sync(false);
    return Object.entries(meta.unreadable ?? {}).map(([id, message]) => ({ id, message }));
  }

  private shardsFor(prefix: string): string[] {
    if (!/^[0-9a-f]+$/.test(prefix)) return [];
    if (prefix.length >= 2) return [prefix.slice(0, 2)];
    return [...'0123456789abcdef'].map((c) => prefix + c);
  }

  /** Applies changes to the shards they touch, writes those, and updates their digests in `meta`. */
  private write(meta: Meta, changes: RowChange[], removed: string[], verified: string[] = []): void {
    const shards = new Map<string, Shard>();
    const dirty = applyRows({ shards, changes, removed, load: (s) => readShard(this.o.dir, s) });
    const bad = { ...meta.unreadable };
    for (const c of changes) if (c.error !== undefined) bad[c.id] = c.error; else delete bad[c.id];
    for (const id of removed) delete bad[id];
    if (Object.keys(bad).length > 0) meta.unreadable = bad;
    else delete meta.unreadable;
    for (const s of new Set([...dirty, ...verified])) {
      const shard = shards.get(s) ?? readShard(this.o.dir, s);
      if (dirty.has(s)) writeJsonAtomic(shardPath(this.o.dir, s), shard);
      const pairs = Object.entries(shard.entities).map(([id, row]): [string, string] => [id, row.tip]);
      if (pairs.length > 0) meta.digests[s] = digestOf(pairs);
      else delete meta.digests[s];
    }
  }

  private async sync(force: boolean): Promise<{ meta: Meta; report: RefreshReport }> {
    if (indexOutdated(this.o.dir)) {
      const report = await this.rebuild();
      return { meta: readMeta(this.o.dir), report };
    }
    const refs = this.o.store.storage.refs;
    const prefix = refPrefix(this.o.store.def.kind);
    let fp = await refs.fingerprint(prefix);
    let meta = readMeta(this.o.dir);
    const report: RefreshReport = { read: 0, removed: 0, total: 0, errors: [] };
    if (!force && meta.token !== null && meta.token === fp.token) return { meta, report };
    if (refs.compact && (await refs.compact(prefix))) fp = await refs.fingerprint(prefix);
    const tips = await this.o.store.list();
    const want = shardDigests(tips);
    const stale = force ? [...new Set([...Object.keys(meta.digests), ...Object.keys(want)])].sort() : changedShards(meta.digests, want);
    const lost = damagedShards(this.o.dir, stale.filter((s) => meta.digests[s]));
    if (lost.length > 0) await repairShards(this.o.dir, lost);
    const known = new Map<string, string>();
    for (const s of stale) for (const [id, row] of Object.entries(readShard(this.o.dir, s).entities)) known.set(id, row.tip);
    const moved = new Map([...tips].filter(([id, tip]) => stale.includes(shardKey(id)) && known.get(id) !== tip));
    const removed = [...known.keys()].filter((id) => !tips.has(id));
    const changes: RowChange[] = [];
    for (const [id, r] of await this.o.store.readMany(moved)) {
      if ('error' in r) changes.push({ id, tip: r.tip, summary: null, state: null, error: r.error.message });
      else changes.push({ id, tip: r.tip, summary: summarize(r.state), state: r.state });
    }
    await withIndexLock(this.o.dir, () => {
      meta = readMeta(this.o.dir);
      this.write(meta, changes, removed, stale);
      // Fresh only if every shard now holds exactly the listed tips: a rebuild or another writer
      // may have replaced shards since this sync read them.
      meta.token = !fp.racy && changedShards(meta.digests, want).length === 0 ? fp.token : null;
      writeMeta(this.o.dir, meta);
    });
    report.read = changes.length;
    report.removed = removed.length;
    return { meta, report };
  }

  /** Totals and unreadable entities, from the shards named in `meta`. */
  private count(meta: Meta, report: RefreshReport): RefreshReport {
    for (const s of Object.keys(meta.digests)) {
      for (const [id, row] of Object.entries(readShard(this.o.dir, s).entities)) {
        if (row.error) report.errors.push({ id, message: row.error });
        else report.total++;
      }
    }
    return report;
  }
}
