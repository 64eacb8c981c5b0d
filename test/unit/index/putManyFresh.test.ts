/**
 * FileIndex.putMany (a bulk import) into an empty index builds every shard in one pass (ShardBuild,
 * as a rebuild does); into an index that holds shards, it merges into them. Both give the same
 * shard files, and the empty-index path also writes the list cache, so the first `list` after an
 * import renders nothing again.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { milestoneEntity } from '../../../src/core/milestoneEntity';
import type { MilestoneState } from '../../../src/domain/types';
import { FileIndex } from '../../../src/index/file/FileIndex';
import { listShards, loadShard } from '../../../src/index/file/shardFiles';
import { EntityStore } from '../../../src/storage/entity/EntityStore';
import { MemoryObjectStore } from '../../../src/storage/memory/MemoryObjectStore';
import { MemoryRefStore } from '../../../src/storage/memory/MemoryRefStore';

const who = (n: number) => ({ author: { name: 'Ada', email: 'ada@example.com' }, time: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString() });
let tmp: string;
let store: EntityStore<MilestoneState>;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-putmany-'));
  store = new EntityStore({ objects: new MemoryObjectStore(), refs: new MemoryRefStore() }, milestoneEntity);
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function entities(): Promise<Array<{ id: string; tip: string; state: MilestoneState }>> {
  for (let i = 0; i < 30; i++) {
    const { id } = await store.create({ type: 'milestone.create', title: `M${i} "q" ü`, nonce: `n${i}` }, who(i));
    await store.append(id, who(40 + i), () => [0, 1].map((k) => ({ type: 'task.add', title: `T${k}`, nonce: `t${i}-${k}` })));
    if (i % 4 === 0) await store.append(id, who(90), () => [{ type: 'milestone.alias', add: [`legacy-${i}`] }]);
    if (i % 9 === 0) await store.append(id, who(91), () => [{ type: 'milestone.delete' }]);
  }
  const out = [];
  for (const [id, r] of await store.readMany(await store.list())) if (!('error' in r)) out.push({ id, tip: r.tip, state: r.state });
  return out;
}

describe('FileIndex.putMany', () => {
  it('writes the same shards into an empty index as into one that has shards', async () => {
    const rows = await entities();
    const fresh = path.join(tmp, 'fresh');
    const merged = path.join(tmp, 'merged');
    await new FileIndex({ dir: fresh, store }).putMany(rows);
    const into = new FileIndex({ dir: merged, store });
    await into.put(rows[0].id, rows[0].tip, rows[0].state);
    await into.putMany(rows.slice(1));
    expect(listShards(fresh).sort()).toEqual(listShards(merged).sort());
    for (const s of listShards(merged)) expect(loadShard(fresh, s)).toEqual(loadShard(merged, s));
    expect(fs.existsSync(path.join(fresh, 'list.cache'))).toBe(true);
    expect(fs.existsSync(path.join(merged, 'list.cache'))).toBe(false);
    const ids = (xs: Array<{ id: string }>) => xs.map((x) => x.id).sort();
    const freshIndex = new FileIndex({ dir: fresh, store });
    expect(ids(await freshIndex.summaries())).toEqual(ids(await into.summaries()));
    expect((await freshIndex.refresh()).read).toBe(0);
  });
});
