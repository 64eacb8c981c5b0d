/**
 * The file index: milestone summaries and id lookups in sharded JSON files (see shardFiles.ts).
 * Freshness: the refs fingerprint (directory mtimes and packed-refs) is compared with the one the
 * shards were verified against; when it differs (a write of ours, `git fetch`, `git update-ref`),
 * the ref tips are listed and only entities whose tip moved are read again, in one batch.
 */
import { summarize, type MilestoneSummary } from '../../domain/query';
import type { MilestoneState } from '../../domain/types';
import type { EntityStore } from '../../storage/entity/EntityStore';
import { refPrefix } from '../../storage/entity/layout';
import type { MilestoneIndex, RefreshReport, TaskLocation } from '../MilestoneIndex';
import { withIndexLock } from './indexLock';
import { aliasShard, emptyShard, listShards, readMeta, readShard, shardPath, writeJsonAtomic, writeMeta, type Shard } from './shardFiles';
import { applyRows, type RowChange } from './applyRows';
import * as fs from 'node:fs';

export interface FileIndexOptions {
  /** `<git-common-dir>/milestones/index` */
  dir: string;
  store: EntityStore<MilestoneState>;
}

export class FileIndex implements MilestoneIndex {
  constructor(private readonly o: FileIndexOptions) {}

  async summaries(): Promise<MilestoneSummary[]> {
    const shards = (await this.sync(false)).shards;
    const out: MilestoneSummary[] = [];
    for (const s of shards.values()) for (const row of Object.values(s.entities)) out.push(row.summary);
    return out;
  }

  async refresh(opts: { force?: boolean } = {}): Promise<RefreshReport> {
    return (await this.sync(Boolean(opts.force))).report;
  }

  async rebuild(): Promise<RefreshReport> {
    fs.rmSync(this.o.dir, { recursive: true, force: true });
    return this.refresh({ force: true });
  }

  async findMilestones(prefix: string): Promise<string[]> {
    const look = (): string[] => {
      const shard = readShard(this.o.dir, aliasShard(prefix));
      const hits = new Set<string>(shard.aliases[prefix] ? [shard.aliases[prefix]] : []);
      for (const s of this.shardsFor(prefix)) for (const id of Object.keys(readShard(this.o.dir, s).entities)) if (id.startsWith(prefix)) hits.add(id);
      return [...hits].sort();
    };
    const first = look();
    if (first.length > 0) return first;
    const { report } = await this.sync(false);
    return report.read > 0 || report.removed > 0 ? look() : first;
  }

  async findTasks(prefix: string): Promise<TaskLocation[]> {
    const look = (): TaskLocation[] => {
      const hits: TaskLocation[] = [];
      for (const s of this.shardsFor(prefix)) {
        for (const [taskId, milestoneId] of Object.entries(readShard(this.o.dir, s).tasks)) {
          if (taskId.startsWith(prefix)) hits.push({ taskId, milestoneId });
        }
      }
      return hits.sort((a, b) => a.taskId.localeCompare(b.taskId));
    };
    const first = look();
    if (first.length > 0) return first;
    const { report } = await this.sync(false);
    return report.read > 0 ? look() : first;
  }

  async put(id: string, tip: string, state: MilestoneState): Promise<void> {
    await withIndexLock(this.o.dir, () => this.write(new Map(), [{ id, tip, summary: summarize(state), state }]));
  }

  private shardsFor(prefix: string): string[] {
    if (!/^[0-9a-f]+$/.test(prefix)) return [];
    if (prefix.length >= 2) return [prefix.slice(0, 2)];
    return [...'0123456789abcdef'].map((c) => prefix + c);
  }

  private loadAll(): Map<string, Shard> {
    const shards = new Map<string, Shard>();
    for (const s of listShards(this.o.dir)) shards.set(s, readShard(this.o.dir, s));
    return shards;
  }

  private write(shards: Map<string, Shard>, changes: RowChange[], removed: string[] = []): void {
    const dirty = applyRows({ shards, changes, removed, load: (s) => readShard(this.o.dir, s) });
    for (const s of dirty) writeJsonAtomic(shardPath(this.o.dir, s), shards.get(s));
  }

  private async sync(force: boolean): Promise<{ shards: Map<string, Shard>; report: RefreshReport }> {
    const fp = await this.o.store.storage.refs.fingerprint(refPrefix(this.o.store.def.kind));
    const meta = readMeta(this.o.dir);
    let shards = this.loadAll();
    const report: RefreshReport = { read: 0, removed: 0, total: 0, errors: [] };
    if (!force && meta.token !== null && meta.token === fp.token) {
      for (const s of shards.values()) report.total += Object.keys(s.entities).length;
      return { shards, report };
    }
    const tips = await this.o.store.list();
    const known = new Map<string, string>();
    for (const s of shards.values()) for (const [id, row] of Object.entries(s.entities)) known.set(id, row.tip);
    const moved = new Map([...tips].filter(([id, tip]) => known.get(id) !== tip));
    const removed = [...known.keys()].filter((id) => !tips.has(id));
    const reads = await this.o.store.readMany(moved);
    const changes: RowChange[] = [];
    for (const [id, r] of reads) {
      if ('error' in r) report.errors.push({ id, message: r.error.message });
      else changes.push({ id, tip: r.tip, summary: summarize(r.state), state: r.state });
    }
    report.read = changes.length;
    report.removed = removed.length;
    report.total = tips.size - report.errors.length;
    const written = await withIndexLock(this.o.dir, () => {
      shards = this.loadAll();
      this.write(shards, changes, removed);
      if (!fp.racy && report.errors.length === 0) writeMeta(this.o.dir, { version: 1, token: fp.token });
      return true;
    });
    if (!written) applyRows({ shards, changes, removed, load: () => emptyShard() });
    return { shards, report };
  }
}

