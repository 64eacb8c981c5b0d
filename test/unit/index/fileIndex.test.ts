/**
 * The file index over the in-memory storage double, with its files in a temp dir: the one-read
 * answer of a plain `list --json` (liveJson) always equals rendering the summaries afresh, through
 * archives, writes behind its back, a damaged list cache and an index left by another version.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { milestoneEntity } from '../../../src/core/milestoneEntity';
import { summarize } from '../../../src/domain/query';
import type { MilestoneState } from '../../../src/domain/types';
import { FileIndex } from '../../../src/index/file/FileIndex';
import { INDEX_VERSION } from '../../../src/index/file/shardFiles';
import { EntityStore } from '../../../src/storage/entity/EntityStore';
import { MemoryObjectStore } from '../../../src/storage/memory/MemoryObjectStore';
import { MemoryRefStore } from '../../../src/storage/memory/MemoryRefStore';

const who = (n: number) => ({ author: { name: 'Ada', email: 'ada@example.com' }, time: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString() });
let dir: string;
let store: EntityStore<MilestoneState>;
const index = () => new FileIndex({ dir, store });

/** What `list --json` must print: every unarchived live milestone, created order, compact JSON. */
async function expected(): Promise<string> {
  const states = [...(await store.readMany(await store.list())).values()].flatMap((r) => ('state' in r ? [r.state] : []));
  const live = states.map(summarize).filter((s) => !s.archived && !s.deleted)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  return `${JSON.stringify(live)}\n`;
}

async function create(n: number, title: string): Promise<string> {
  return (await store.create({ type: 'milestone.create', title, nonce: `n${n}` }, who(n))).id;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gm-fileindex-'));
  store = new EntityStore({ objects: new MemoryObjectStore(), refs: new MemoryRefStore() }, milestoneEntity);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('FileIndex.liveJson', () => {
  it('prints [] for no milestones and the rendered summaries after writes it was not told of', async () => {
    expect((await index().liveJson()).toString()).toBe('[]\n');
    for (let i = 0; i < 5; i++) await create(i, `M${i} "quoted" $(x) ünï`);
    expect((await index().liveJson()).toString()).toBe(await expected());
  });

  it('leaves archived milestones out, and brings them back when unarchived', async () => {
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await create(i, `M${i}`));
    await index().liveJson();
    await store.append(ids[1], who(10), () => [{ type: 'milestone.archive', archived: true }]);
    const afterArchive = (await index().liveJson()).toString();
    expect(afterArchive).toBe(await expected());
    expect(JSON.parse(afterArchive).map((s: { id: string }) => s.id)).not.toContain(ids[1]);
    await store.append(ids[1], who(11), () => [{ type: 'milestone.archive', archived: false }]);
    expect((await index().liveJson()).toString()).toBe(await expected());
    expect((await index().rows()).map((r) => r.id).sort()).toEqual([...ids].sort());
  });

  it('answers right from a damaged or truncated list cache, and rewrites it', async () => {
    for (let i = 0; i < 3; i++) await create(i, `M${i}`);
    await index().liveJson();
    const file = path.join(dir, 'list.cache');
    const whole = fs.readFileSync(file);
    fs.writeFileSync(file, whole.subarray(0, whole.length - 40));
    expect((await index().liveJson()).toString()).toBe(await expected());
    fs.writeFileSync(file, 'GMLC2\n99999999\n{');
    expect((await index().liveJson()).toString()).toBe(await expected());
    expect(fs.readFileSync(file).equals(whole)).toBe(true);
  });

  it('throws away an index written by another version instead of serving its summaries', async () => {
    await create(0, 'M0');
    await index().liveJson();
    const metaFile = path.join(dir, 'meta.json');
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'));
    const shard = fs.readdirSync(path.join(dir, 'shards'))[0];
    const shardFile = path.join(dir, 'shards', shard);
    const s = JSON.parse(fs.readFileSync(shardFile, 'utf8'));
    for (const row of Object.values(s.entities) as Array<{ summary: Record<string, unknown> }>) row.summary.title = 'stale shape';
    fs.writeFileSync(shardFile, JSON.stringify(s));
    fs.rmSync(path.join(dir, 'list.cache'));
    fs.writeFileSync(metaFile, JSON.stringify({ ...meta, version: INDEX_VERSION - 1 }));
    const out = (await index().liveJson()).toString();
    expect(out).toBe(await expected());
    expect(out).not.toContain('stale shape');
  });
});

describe('FileIndex repair', () => {
  it('a deleted or garbled shard is repaired by the read that meets it: lookups and rows are right', async () => {
    const ids = [await create(1, 'One'), await create(2, 'Two'), await create(3, 'Three')];
    await store.append(ids[0], who(4), () => [{ type: 'task.add', title: 'Tokenize', nonce: 't1' }]);
    const task = (await store.read(ids[0])).state.tasks[0].id;
    await index().rows();
    const shard = (key: string) => path.join(dir, 'shards', `${key.slice(0, 2)}.json`);
    fs.rmSync(shard(ids[0]));
    fs.writeFileSync(shard(task), '{"entities": {"trunc');
    if (ids[1].slice(0, 2) !== ids[0].slice(0, 2)) fs.writeFileSync(shard(ids[1]), 'not json');
    expect(await index().findMilestones(ids[0].slice(0, 8))).toEqual([ids[0]]);
    expect(await index().findTasks(task.slice(0, 8))).toEqual([{ taskId: task, milestoneId: ids[0] }]);
    expect(await index().findMilestones(ids[1].slice(0, 8))).toEqual([ids[1]]);
    expect((await index().summaries()).map((s) => s.title).sort()).toEqual(['One', 'Three', 'Two']);
    expect((await index().liveJson()).toString()).toBe(await expected());
  });
});

describe('FileIndex.counts', () => {
  it('counts the live rows as printed and their tasks, for the scale metrics', async () => {
    const ids = [await create(1, 'One "taskCount":9'), await create(2, 'Two')];
    await store.append(ids[0], who(3), () => [{ type: 'task.add', title: 'A', nonce: 'a' }, { type: 'task.add', title: 'B', nonce: 'b' }]);
    await store.append(ids[1], who(4), () => [{ type: 'task.add', title: 'C', nonce: 'c' }]);
    const printed = JSON.parse(await expected()) as unknown[];
    const bytes = printed.map((s) => JSON.stringify(s).length).reduce((a, b) => a + b, 0);
    expect(await index().counts()).toEqual({ tasks: 3, bytes });
  });
});

describe('FileIndex.list', () => {
  it('answers list itself: the plain answer in one piece, filters on the rows it keeps', async () => {
    const ids = [await create(1, 'One'), await create(2, 'Two')];
    await store.append(ids[1], who(3), () => [{ type: 'milestone.label', add: ['team'], remove: [] }]);
    expect((await index().list({})).jsonText().toString()).toBe(await expected());
    const labelled = await index().list({ label: ['team'] });
    expect(labelled.items.map((s) => s.id)).toEqual([ids[1]]);
    expect(JSON.parse(labelled.jsonText().toString())).toEqual(labelled.items);
  });
});

describe('FileIndex temp files', () => {
  it('a locked write removes temp files a killed writer left (older than a minute), not fresh ones', async () => {
    const first = await create(1, 'First');
    await index().rows();
    const shards = path.join(dir, 'shards');
    const old = [path.join(shards, `${first.slice(0, 2)}.json.4242.abc.tmp`), path.join(dir, 'list.cache.4242.def.tmp')];
    const fresh = path.join(shards, 'ff.json.4243.ghi.tmp');
    for (const f of [...old, fresh]) fs.writeFileSync(f, '{"half":');
    const past = new Date(Date.now() - 5 * 60_000);
    for (const f of old) fs.utimesSync(f, past, past);
    await create(2, 'Second');
    expect((await index().summaries()).map((s) => s.title).sort()).toEqual(['First', 'Second']);
    expect(old.filter((f) => fs.existsSync(f))).toEqual([]);
    expect(fs.existsSync(fresh)).toBe(true);
  });
});

describe('INDEX_VERSION', () => {
  it('is bumped together with the summary shape (update both here when the shape changes)', async () => {
    const id = await create(0, 'M0');
    const state = await store.read(id);
    expect({ version: INDEX_VERSION, keys: Object.keys(summarize(state.state)) }).toEqual({
      version: 8,
      keys: ['id', 'shortId', 'title', 'description', 'status', 'priority', 'category', 'labels', 'progress', 'dueDate', 'startDate', 'assignees', 'taskCount', 'doneCount', 'blockedCount', 'phases', 'conflictCount', 'pendingReviews', 'openPhaseSince', 'openPhases', 'aliases', 'archived', 'deleted', 'updatedAt', 'createdAt'],
    });
  });
});
