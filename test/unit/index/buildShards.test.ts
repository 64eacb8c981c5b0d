/**
 * ShardBuild (a rebuild: every entity kept as the bytes of its shard entry) writes the same shard
 * files and list cache as the incremental writer (applyRows, renderRow) does from the same reads:
 * summaries with tasks, aliases, archived, deleted and unreadable milestones, and quoted text.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { milestoneEntity } from '../../../src/core/milestoneEntity';
import { summarize } from '../../../src/domain/query';
import type { MilestoneState } from '../../../src/domain/types';
import { applyRows } from '../../../src/index/file/applyRows';
import { ShardBuild } from '../../../src/index/file/buildShards';
import { readListCache } from '../../../src/index/file/listCache';
import { emptyShard, loadShard, type Shard } from '../../../src/index/file/shardFiles';
import { renderRow, sortRows } from '../../../src/index/shared/renderRows';
import { EntityStore } from '../../../src/storage/entity/EntityStore';
import { MemoryObjectStore } from '../../../src/storage/memory/MemoryObjectStore';
import { MemoryRefStore } from '../../../src/storage/memory/MemoryRefStore';

const who = (n: number) => ({ author: { name: 'Ada', email: 'ada@example.com' }, time: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString() });
let dir: string;
let refs: MemoryRefStore;
let store: EntityStore<MilestoneState>;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-buildshards-'));
  refs = new MemoryRefStore();
  store = new EntityStore({ objects: new MemoryObjectStore(), refs }, milestoneEntity);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function fixture(): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const { id } = await store.create({ type: 'milestone.create', title: `M${i} "q" ünï \u2028`, nonce: `n${i}` }, who(i % 3));
    await store.append(id, who(50 + i), () => [0, 1, 2].map((k) => ({ type: 'task.add', title: `T${k}`, nonce: `t${i}-${k}` })));
    if (i % 5 === 0) await store.append(id, who(100), () => [{ type: 'milestone.alias', add: [`legacy-${i}`] }]);
    if (i % 7 === 0) await store.append(id, who(101), () => [{ type: 'milestone.archive', archived: true }]);
    if (i % 11 === 0) await store.append(id, who(102), () => [{ type: 'milestone.delete' }]);
  }
  const blob = await store.storage.objects.writeBlob('not a commit');
  refs.force(`refs/milestones/milestone/${'ab'.repeat(32)}`, blob);
}

describe('ShardBuild', () => {
  it('writes the shards and list cache the incremental writer would', async () => {
    await fixture();
    const reads = await store.readMany(await store.list());
    const build = new ShardBuild(dir);
    const shards = new Map<string, Shard>();
    const rows = [];
    for (const [id, r] of reads) {
      const read = 'error' in r ? { tip: r.tip, error: r.error } : { tip: r.tip, state: r.state, ops: [] };
      build.add(id, read);
      const change = 'error' in r
        ? { id, tip: r.tip, summary: null, state: null, error: r.error.message }
        : { id, tip: r.tip, summary: summarize(r.state), state: r.state };
      applyRows({ shards, changes: [change], removed: [], load: emptyShard });
      if (change.summary && !change.summary.deleted) rows.push(renderRow(change.summary));
    }
    const report = await build.commit(new Map(), 'token');
    expect(report.errors.map((e) => e.id)).toEqual(['ab'.repeat(32)]);
    expect(report.total).toBe(40);
    expect(fs.readdirSync(path.join(dir, 'shards')).sort()).toEqual([...shards.keys()].map((s) => `${s}.json`).sort());
    for (const [key, shard] of shards) expect(loadShard(dir, key)).toEqual(shard);
    const cache = readListCache(path.join(dir, 'list.cache'));
    const text = (r: { body: Buffer; start: number; end: number }) => r.body.toString('utf8', r.start, r.end);
    expect(cache?.rows.map(text)).toEqual(sortRows(rows).map(text));
    expect(cache?.rows.filter((r) => r.archived).length).toBe(rows.filter((r) => r.archived).length);
  });
});
