/**
 * The history cache is derived only: `list --as-of`, `show --as-of` and the report answer from it
 * exactly what folding the history read from git gives, and a stale (tip moved, policy changed) or
 * damaged cache file is rebuilt from the refs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { historyRecords } from '../../../../src/core/history/historyRecords';
import { listAsOf } from '../../../../src/core/history/listAsOf';
import { lazyPolicy, readHistories } from '../../../../src/core/history/readHistories';
import { foldAsOf } from '../../../../src/domain/history/asOf';
import { conflictsOf } from '../../../../src/domain/conflicts';
import { workTimeline } from '../../../../src/domain/history/timeline';
import { filterSummaries, summarize } from '../../../../src/domain/query';
import type { Context } from '../../../../src/core/context';
import { memoryContext, type MemoryContext } from '../../../helpers/memoryContext';

let m: MemoryContext | undefined;
afterEach(() => m?.cleanup());

const who = (minute: number) => ({ author: { name: 'Ada', email: 'ada@example.com' }, time: new Date(Date.UTC(2025, 0, 1, 9, minute)).toISOString() });
const at = (minute: number) => Date.UTC(2025, 0, 1, 9, minute);

/** Three milestones written over minutes 0–9; returns their ids. */
async function plan(ctx: Context): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, title] of ['Alpha', 'Beta', 'Gamma'].entries()) {
    const { id } = await ctx.milestones.create({ type: 'milestone.create', title, nonce: title, labels: [`l${i}`] }, who(i));
    ids.push(id);
    const [add] = (await ctx.milestones.append(id, who(i + 3), () => [{ type: 'task.add', title: `T${i}`, nonce: `t${i}`, estimatedHours: 2 }])).ops;
    await ctx.milestones.append(id, who(i + 6), () => [{ type: 'task.status', task: add.hash, status: 'completed' }]);
  }
  return ids;
}

/** The answer folded from git with no cache: the truth the cache must equal. */
async function folded(ctx: Context, minute: number, query: string[] = []): Promise<string> {
  const all = await readHistories(ctx, await ctx.milestones.list(), lazyPolicy(ctx));
  const states = all.map((h) => foldAsOf(h.ops, at(minute))).filter((s) => s !== null);
  return `${JSON.stringify(filterSummaries(states.map((s) => summarize(s!)), { query }))}\n`;
}

const asOf = async (ctx: Context, minute: number, query: string[] = []) =>
  (await listAsOf(ctx, { query }, new Date(at(minute)).toISOString())).jsonText().toString();
const shardFiles = (ctx: Context) => fs.readdirSync(path.join(ctx.dataDir, 'history', 'summaries'));

describe('history cache', () => {
  it('list --as-of from the cache equals the fold of the history read from git, cold and warm', async () => {
    m = memoryContext();
    await plan(m.ctx);
    for (const minute of [0, 2, 4, 7, 30]) {
      const truth = await folded(m.ctx, minute);
      expect(await asOf(m.ctx, minute)).toBe(truth);
      expect(await asOf(m.ctx, minute)).toBe(truth);
    }
    expect(await asOf(m.ctx, 30, ['label:l1'])).toBe(await folded(m.ctx, 30, ['label:l1']));
    expect(shardFiles(m.ctx).length).toBeGreaterThan(0);
  });

  it('a moved tip is read again; a damaged or foreign shard is rebuilt, never believed', async () => {
    m = memoryContext();
    const [alpha] = await plan(m.ctx);
    await asOf(m.ctx, 30);
    await m.ctx.milestones.append(alpha, who(20), () => [{ type: 'milestone.set', fields: { title: 'Alpha 2' } }]);
    expect(JSON.parse(await asOf(m.ctx, 30)).map((s: { title: string }) => s.title)).toContain('Alpha 2');
    expect(await asOf(m.ctx, 30)).toBe(await folded(m.ctx, 30));
    const dir = path.join(m.ctx.dataDir, 'history', 'summaries');
    for (const f of shardFiles(m.ctx)) fs.writeFileSync(path.join(dir, f), '{"version":"h1-i8-0.3.0","entit');
    expect(await asOf(m.ctx, 30)).toBe(await folded(m.ctx, 30));
    for (const f of shardFiles(m.ctx)) expect(() => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))).not.toThrow();
    // A record that claims the current tip but was written by another version is not used.
    for (const f of shardFiles(m.ctx)) {
      const file = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
      for (const r of Object.values<any>(file.entities)) r.timeline = [[0, { ...r.timeline[0][1], title: 'forged' }]];
      fs.writeFileSync(path.join(dir, f), JSON.stringify({ ...file, version: 'h0' }));
    }
    expect(await asOf(m.ctx, 30)).not.toContain('forged');
  });

  it('report and show records equal what the history read from git gives; damaged or stale ones are rebuilt', async () => {
    m = memoryContext();
    const [alpha] = await plan(m.ctx);
    const truth = async () => {
      const [h] = await readHistories(m!.ctx, new Map([[alpha, (await m!.ctx.milestones.list()).get(alpha)!]]), lazyPolicy(m!.ctx));
      return { id: alpha, tip: h.tip, merged: false, policy: 'merge', ops: h.ops, state: h.state, work: workTimeline(h.ops) };
    };
    expect(await historyRecords(m.ctx, [alpha])).toEqual([await truth()]);
    expect(await historyRecords(m.ctx, [alpha])).toEqual([await truth()]);
    const file = path.join(m.ctx.dataDir, 'history', 'ops', `${alpha}.json`);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').slice(0, 100));
    expect(await historyRecords(m.ctx, [alpha])).toEqual([await truth()]);
    await m.ctx.milestones.append(alpha, who(40), () => [{ type: 'task.add', title: 'late', nonce: 'late', estimatedHours: 5 }]);
    const [fresh] = await historyRecords(m.ctx, [alpha]);
    expect(fresh).toEqual(await truth());
    expect(fresh.work?.[fresh.work.length - 1][1]).toEqual({ tasks: 1, hours: 5 });
  });

  it('a history with a merge is folded with this clone\'s policy; a record folded with another is rebuilt', async () => {
    const lww = { 'milestone.coordination.conflict-resolution': ['last_writer_wins'] };
    m = memoryContext();
    const { id } = await m.ctx.milestones.create({ type: 'milestone.create', title: 'M', nonce: 'm' }, who(0));
    const ref = m.ctx.milestones.ref(id);
    const base = (await m.ctx.storage.refs.read(ref))!;
    await m.ctx.milestones.append(id, who(5), () => [{ type: 'milestone.set', fields: { title: 'Later clock' } }]);
    const side = (await m.ctx.storage.refs.read(ref))!;
    await m.ctx.storage.refs.cas(ref, side, base);
    await m.ctx.milestones.append(id, who(1), () => [{ type: 'milestone.set', fields: { title: 'Earlier clock' } }]);
    await m.ctx.milestones.append(id, who(2), () => [{ type: 'milestone.set', fields: { priority: 'high' } }]);
    expect((await m.ctx.milestones.merge(id, side)).kind).toBe('merged');
    const [byMerge] = await historyRecords(m.ctx, [id]);
    expect(byMerge.policy).toBe('merge');
    expect(conflictsOf(byMerge.state).map((c) => c.field)).toEqual(['title']);
    expect(JSON.parse(await asOfIn(m.ctx, 30))[0].conflictCount).toBe(1);
    const other = memoryContext({ config: lww });
    try {
      // Same objects and refs, another clone's settings: the cached record's policy no longer holds.
      const ctx = { ...other.ctx, storage: m.ctx.storage, milestones: m.ctx.milestones, dataDir: m.ctx.dataDir };
      const [byLww] = await historyRecords(ctx, [id]);
      expect(byLww.policy).toBe('last_writer_wins');
      expect(byLww.state.title).toBe('Later clock');
      expect(conflictsOf(byLww.state)).toEqual([]);
      const [listed] = JSON.parse(await asOfIn(ctx, 30));
      expect([listed.title, listed.conflictCount]).toEqual(['Later clock', 0]);
    } finally {
      other.cleanup();
    }
  });
});

const asOfIn = async (ctx: Context, minute: number) => (await listAsOf(ctx, {}, new Date(at(minute)).toISOString())).jsonText().toString();
